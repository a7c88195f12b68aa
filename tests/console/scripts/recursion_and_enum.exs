defmodule MathX do
  def fact(0), do: 1
  def fact(n) when n > 0, do: n * fact(n - 1)

  def sum_list([]), do: 0
  def sum_list([h | t]), do: h + sum_list(t)

  def count_down(0), do: IO.puts("liftoff")

  def count_down(n) do
    IO.puts(n)
    count_down(n - 1)
  end
end

IO.inspect(MathX.fact(10))
IO.inspect(MathX.sum_list([1, 2, 3, 4, 5]))
MathX.count_down(3)
IO.inspect(Enum.reduce(1..100, 0, &(&1 + &2)))
IO.inspect(Enum.map(%{a: 1}, fn {k, v} -> {v, k} end))
