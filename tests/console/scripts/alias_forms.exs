# alias: the last segment or `as:`, lexical scope, in calls, captures, structs, atoms and patterns.
defmodule Todo.List do
  defstruct entries: []
  def new, do: %Todo.List{}
  def echo(x), do: x
end
defmodule Todo.List.Sub do
  def hi, do: :sub_hi
end
defmodule Todo.Server do
  alias Todo.List
  def start, do: List.new()
  def other do
    alias Todo.List, as: TL
    TL.echo(:other)
  end
  def names, do: {List, List.Sub, inspect(List)}
  def sub, do: List.Sub.hi()
  def struct(%List{entries: e}), do: e
  def make, do: %List{entries: [1]}
  def cap, do: Enum.map([1, 2], &List.echo/1)
  def spawned do
    me = self()
    spawn(fn -> send(me, apply(List, :echo, [:applied])) end)
    receive do
      m -> m
    end
  end
  def outside_alias, do: (alias Todo.List.Sub; Sub.hi())
end
IO.inspect Todo.Server.start()
IO.inspect Todo.Server.other()
IO.inspect Todo.Server.names()
IO.inspect Todo.Server.sub()
IO.inspect Todo.Server.struct(Todo.Server.make())
IO.inspect Todo.Server.cap()
IO.inspect Todo.Server.spawned()
IO.inspect Todo.Server.outside_alias()
alias Todo.List.Sub
IO.inspect Sub.hi()
IO.inspect(alias Todo.List.Sub, as: S)
IO.inspect S.hi()
IO.inspect List.first([1, 2])
