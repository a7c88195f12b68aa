defmodule M do
  defstruct 5
end
