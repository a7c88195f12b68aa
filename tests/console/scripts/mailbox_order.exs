parent = self()
spawn(fn -> Enum.each(1..10, fn i -> send(parent, {:n, i}) end) end)
received =
  Enum.map(1..10, fn _ ->
    receive do
      {:n, i} -> i
    end
  end)
IO.inspect(received)
