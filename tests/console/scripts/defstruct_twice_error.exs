defmodule M do
  defstruct [:a]
  defstruct [:b]
end
