# ArgumentError messages of :io.format and the timer functions.
for f <- [
      fn -> :io.format("~p ~p~n", [1]) end,
      fn -> :io.format("~p~n", [1, 2]) end,
      fn -> :io.format("~B~n", [:a]) end,
      fn -> :io.format("~z~n", [1]) end,
      fn -> :io.format(5, []) end,
      fn -> :io.format("~p~n", 5) end,
      fn -> Process.send_after(self(), :x, :a) end,
      fn -> Process.send_after(self(), :x, -1) end,
      fn -> Process.send_after(5, :x, 1) end,
      fn -> Process.cancel_timer(:notref) end
    ] do
  try do
    f.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
