defmodule P do
  defstruct x: 0
  def f(p), do: %P{p | x: 1}
end
IO.inspect P.f(%{a: 1})
