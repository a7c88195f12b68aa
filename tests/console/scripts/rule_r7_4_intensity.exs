# R7.4 more than max_restarts restarts within max_seconds makes the supervisor stop all children and
# exit with :shutdown
defmodule Wk do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name)
  def child_spec(name), do: %{id: name, start: {__MODULE__, :start_link, [name]}}
  @impl true
  def init(name), do: {:ok, name}
end
defmodule T do
  def pid_of(sup, id) do
    [pid] = for {^id, pid, _, _} <- Supervisor.which_children(sup), do: pid
    pid
  end
  def kill(sup, n) do
    pid = pid_of(sup, :w)
    ref = Process.monitor(pid)
    Process.exit(pid, :kill)
    receive do
      {:DOWN, ^ref, :process, _, _} -> :ok
    end
    IO.puts("kill #{n}")
  end
end
Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([Wk.child_spec(:w), Wk.child_spec(:other)], strategy: :one_for_one, max_restarts: 3, max_seconds: 5)
other = T.pid_of(sup, :other)
oref = Process.monitor(other)
sref = Process.monitor(sup)
Enum.each(1..3, fn n ->
  T.kill(sup, n)
  Supervisor.count_children(sup)
end)
IO.inspect(Supervisor.count_children(sup).active, label: "after 3 restarts, active")
T.kill(sup, 4)
receive do
  {:DOWN, ^oref, :process, _, r} -> IO.inspect(r, label: "other child stopped with")
end
receive do
  {:DOWN, ^sref, :process, _, r} -> IO.inspect(r, label: "supervisor exited with")
end
receive do
  {:EXIT, ^sup, r} -> IO.inspect(r, label: "its link signal")
end
