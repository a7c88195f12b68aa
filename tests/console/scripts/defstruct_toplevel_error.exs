defmodule P do
  defstruct x: 0
end
IO.puts "start"
IO.inspect %P{z: 1}
