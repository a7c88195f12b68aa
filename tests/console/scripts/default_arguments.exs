# Default arguments: the extra arities, defaults filled from the left, bodiless heads, defp.
defmodule D do
  def f(a, b \\ 2, c, d \\ 4), do: {a, b, c, d}
  def g(x \\ :none)
  def g(:none), do: "none"
  def g(x), do: "got #{x}"
  defp h(x \\ 10), do: x * 2
  def hh, do: {h(), h(1)}
  def only(x \\ [1, 2]), do: length(x)
end
IO.inspect {D.f(1, 3), D.f(1, 2, 3), D.f(1, 2, 3, 5)}
IO.inspect {D.g(), D.g(5), D.hh(), D.only(), D.only([])}
