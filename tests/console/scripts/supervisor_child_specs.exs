defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end
defmodule Temp do
  use GenServer, restart: :temporary, shutdown: 1000
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end
defmodule Custom do
  use GenServer
  def child_spec(arg) do
    IO.puts("Custom.child_spec(#{inspect(arg)})")
    %{id: {:custom, arg}, start: {__MODULE__, :start_link, [arg]}, restart: :transient}
  end
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end
defmodule Ag do
  use Agent
  def start_link(n), do: Agent.start_link(fn -> n end, name: __MODULE__)
end
defmodule Tk do
  use Task
  def start_link(arg), do: Task.start_link(fn -> Process.sleep(arg) end)
end
defmodule Plain do
  def start_link(_), do: :ignore
end
IO.inspect(W.child_spec(1))
IO.inspect(Temp.child_spec(:x))
IO.inspect(Ag.child_spec(5))
IO.inspect(Tk.child_spec(10))
IO.inspect(Supervisor.child_spec({W, 1}, id: :other, restart: :temporary))
IO.inspect(Supervisor.child_spec(W, []))
IO.inspect(Supervisor.child_spec(%{id: :m, start: {W, :start_link, [2]}}, shutdown: :brutal_kill))
{:ok, sup} = Supervisor.start_link([W, {Temp, 2}, {Custom, :c}, {Ag, 7}, Supervisor.child_spec({W, 3}, id: :w3)], strategy: :one_for_one)
for {id, _pid, type, mods} <- Supervisor.which_children(sup) |> Enum.sort_by(&inspect(elem(&1, 0))), do: IO.inspect({id, type, mods})
IO.inspect(Agent.get(Ag, & &1))
IO.inspect(Supervisor.count_children(sup))
# The temporary child (from `use GenServer, restart: :temporary`) is not restarted and its spec goes.
[{Temp, tpid, _, _}] = Enum.filter(Supervisor.which_children(sup), fn {id, _, _, _} -> id == Temp end)
Process.exit(tpid, :kill)
Process.sleep(50)
IO.inspect(Supervisor.count_children(sup))
# The transient child (from Custom.child_spec/1) is not restarted after a :normal exit.
[{_, cpid, _, _}] = Enum.filter(Supervisor.which_children(sup), fn {id, _, _, _} -> id == {:custom, :c} end)
GenServer.stop(cpid, :normal)
Process.sleep(50)
IO.inspect(Supervisor.count_children(sup))
{:ok, dsup} = DynamicSupervisor.start_link(strategy: :one_for_one)
{:ok, _} = DynamicSupervisor.start_child(dsup, {Custom, :dyn})
IO.inspect(DynamicSupervisor.count_children(dsup))
try do
  Supervisor.child_spec({W, 1}, bogus: 1)
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Supervisor.start_link([Plain], strategy: :one_for_one)
rescue
  e -> IO.puts(Exception.message(e))
end
