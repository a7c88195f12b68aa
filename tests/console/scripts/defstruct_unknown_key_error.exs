defmodule P do
  defstruct x: 0
end
defmodule Q do
  def f, do: %P{z: 1}
end
