parent = self()
pids = for i <- 1..5, do: spawn(fn -> send(parent, {:square, i, i * i}) end)
IO.inspect(length(pids))
results =
  for i <- 1..5 do
    receive do
      {:square, ^i, sq} -> sq
    end
  end
IO.inspect(results)
