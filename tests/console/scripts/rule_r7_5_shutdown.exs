# R7.5 stopping a child: :brutal_kill kills it (no terminate); an integer timeout sends :shutdown
# and waits for it, then kills
defmodule Wk do
  use GenServer
  def start_link({name, slow}), do: GenServer.start_link(__MODULE__, {name, slow})
  @impl true
  def init({name, slow}) do
    Process.flag(:trap_exit, true)
    {:ok, {name, slow}}
  end
  @impl true
  def terminate(reason, {name, slow}) do
    IO.puts("terminate #{name} (#{inspect(reason)})")
    if slow do
      receive do
        :never -> :ok
      end
    end
  end
end
defmodule T do
  def child(id, shutdown, slow), do: %{id: id, start: {Wk, :start_link, [{id, slow}]}, shutdown: shutdown}
end
{:ok, sup} =
  Supervisor.start_link(
    [T.child(:timeout_slow, 100, true), T.child(:timeout, 1000, false), T.child(:brutal, :brutal_kill, false)],
    strategy: :one_for_one)
pids = for {id, pid, _, _} <- Supervisor.which_children(sup), do: {id, pid, Process.monitor(pid)}
Supervisor.stop(sup)
Enum.each(Enum.sort(pids), fn {id, _pid, ref} ->
  receive do
    {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "#{id} ended with")
  end
end)
