# R7.6 a child that fails to start during init stops the children already started and the supervisor
# fails with {:shutdown, {:failed_to_start_child, id, reason}}
defmodule Wk do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name)
  @impl true
  def init(:bad) do
    IO.puts("start bad")
    {:stop, :no_way}
  end
  def init(name) do
    Process.flag(:trap_exit, true)
    IO.puts("start #{name}")
    {:ok, name}
  end
  @impl true
  def terminate(reason, name), do: IO.puts("stop #{name} (#{inspect(reason)})")
end
defmodule T do
  def child(id), do: %{id: id, start: {Wk, :start_link, [id]}}
end
Process.flag(:trap_exit, true)
r = Supervisor.start_link([T.child(:a), T.child(:b), T.child(:bad), T.child(:c)], strategy: :one_for_one)
IO.inspect(r, label: "start_link returned")
receive do
  {:EXIT, _, reason} -> IO.inspect(reason, label: "EXIT from the supervisor")
end
