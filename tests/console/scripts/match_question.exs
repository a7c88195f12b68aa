IO.inspect(match?({:ok, _}, {:ok, 1}))
IO.inspect(match?({:ok, x} when x > 1, {:ok, 1}))
IO.inspect(match?({:ok, x} when x > 1, {:ok, 2}))
IO.inspect(match?([_ | _], []))
IO.inspect(match?(%{a: _}, %{a: 1, b: 2}))
y = 3
IO.inspect(match?(^y, 3))
IO.inspect(Enum.filter([{:ok, 1}, {:error, 2}, {:ok, 3}], &match?({:ok, _}, &1)))
IO.inspect(Enum.filter([1, 2, 3, 4], fn v -> match?(n when rem(n, 2) == 0, v) end))
x = :outer
IO.inspect(match?(x, 5))
IO.inspect(x)
defmodule M do
  def ok?(v), do: match?({:ok, _}, v)
end
IO.inspect(M.ok?({:ok, 2}))
IO.inspect(M.ok?(:error))
