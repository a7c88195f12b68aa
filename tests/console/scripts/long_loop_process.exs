defmodule Spin do
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + 1)
end

parent = self()
spawn(fn -> send(parent, {:counted, Spin.count(200_000, 0)}) end)
receive do
  {:counted, n} -> IO.inspect(n)
end
