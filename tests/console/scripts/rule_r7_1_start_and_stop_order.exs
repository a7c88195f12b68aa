# R7.1 children start in list order; on shutdown they stop in reverse order
defmodule Wk do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name)
  def child_spec(name), do: %{id: name, start: {__MODULE__, :start_link, [name]}}
  @impl true
  def init(name) do
    Process.flag(:trap_exit, true)
    IO.puts("start #{name}")
    {:ok, name}
  end
  @impl true
  def terminate(reason, name) do
    IO.puts("stop #{name} (#{inspect(reason)})")
  end
end
{:ok, sup} = Supervisor.start_link(Enum.map([:a, :b, :c], &Wk.child_spec/1), strategy: :one_for_one)
IO.inspect(Enum.map(Supervisor.which_children(sup), fn {id, _, _, _} -> id end), label: "which_children")
Supervisor.stop(sup)
IO.puts("stopped")
