defmodule Greeter do
  def hello, do: :hi
end
import Greeter
IO.puts hello()
