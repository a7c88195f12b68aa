# R7.3 :permanent restarts on any exit, :normal included; :transient restarts unless :normal,
# :shutdown or {:shutdown, _}; :temporary never restarts and its spec is dropped
defmodule Wk do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name)
  @impl true
  def init(name) do
    IO.puts("start #{name}")
    {:ok, name}
  end
  @impl true
  def handle_cast({:stop, reason}, s), do: {:stop, reason, s}
end
defmodule T do
  def child(id, restart), do: %{id: id, start: {Wk, :start_link, [id]}, restart: restart}
  def pid_of(sup, id) do
    [pid] = for {^id, pid, _, _} <- Supervisor.which_children(sup), do: pid
    pid
  end
  def stop_child(sup, id, reason) do
    pid = pid_of(sup, id)
    ref = Process.monitor(pid)
    # stopping from inside for :normal and :shutdown reasons, by an exit signal otherwise (no crash report)
    if reason == :normal or reason == :shutdown or (is_tuple(reason) and elem(reason, 0) == :shutdown) do
      GenServer.cast(pid, {:stop, reason})
    else
      Process.exit(pid, reason)
    end
    r =
      receive do
        {:DOWN, ^ref, :process, _, r} -> r
      end
    # a call to the supervisor is handled after it has processed the child's EXIT (and restarted it)
    Supervisor.count_children(sup)
    IO.puts("#{id} ended with #{inspect(r)}")
    pid
  end
end
{:ok, sup} =
  Supervisor.start_link(
    [T.child(:perm, :permanent), T.child(:trans_n, :transient), T.child(:trans_s, :transient),
     T.child(:trans_ss, :transient), T.child(:trans_x, :transient), T.child(:temp, :temporary)],
    strategy: :one_for_one, max_restarts: 10)
T.stop_child(sup, :perm, :normal)
T.stop_child(sup, :trans_n, :normal)
T.stop_child(sup, :trans_s, :shutdown)
T.stop_child(sup, :trans_ss, {:shutdown, :bye})
T.stop_child(sup, :trans_x, :crash)
T.stop_child(sup, :temp, :crash)
Supervisor.which_children(sup)
|> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid)} end)
|> IO.inspect(label: "children (id, running)")
IO.inspect(Supervisor.count_children(sup), label: "count")
