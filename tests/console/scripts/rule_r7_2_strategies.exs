# R7.2 one_for_one restarts only the failed child; one_for_all stops the others (reverse order) and
# restarts all (list order); rest_for_one restarts the failed child and those after it
defmodule Wk do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name)
  def child_spec(name), do: %{id: name, start: {__MODULE__, :start_link, [name]}}
  @impl true
  def init(name) do
    Process.flag(:trap_exit, true)
    IO.puts("  start #{name}")
    {:ok, name}
  end
  @impl true
  def terminate(reason, name) do
    IO.puts("  stop #{name} (#{inspect(reason)})")
  end
end
defmodule T do
  def pid_of(sup, id) do
    [pid] = for {^id, pid, _, _} <- Supervisor.which_children(sup), do: pid
    pid
  end
  def wait_new(sup, id, old) do
    case Supervisor.which_children(sup) |> Enum.find(fn {i, p, _, _} -> i == id and is_pid(p) and p != old end) do
      nil ->
        Process.sleep(1)
        wait_new(sup, id, old)
      _ -> :ok
    end
  end
  def run(strategy) do
    IO.puts("#{strategy}:")
    {:ok, sup} = Supervisor.start_link(Enum.map([:a, :b, :c], &Wk.child_spec/1), strategy: strategy)
    b = pid_of(sup, :b)
    IO.puts("  kill b")
    Process.exit(b, :kill)
    wait_new(sup, :b, b)
    IO.puts("  stop the supervisor")
    Supervisor.stop(sup)
  end
end
T.run(:one_for_one)
T.run(:one_for_all)
T.run(:rest_for_one)
