for n <- [5, -3, 0, 12], do: send(self(), {:num, n})
classify = fn ->
  receive do
    {:num, n} when n > 10 -> {:big, n}
    {:num, n} when n > 0 -> {:positive, n}
    {:num, 0} -> :zero
    {:num, n} -> {:negative, n}
  end
end
for _ <- 1..4, do: IO.inspect(classify.())
