# R7.7 an EXIT from a process that is not a child does not trigger a restart
defmodule Wk do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name)
  def child_spec(name), do: %{id: name, start: {__MODULE__, :start_link, [name]}}
  @impl true
  def init(name) do
    IO.puts("start #{name}")
    {:ok, name}
  end
end
{:ok, sup} = Supervisor.start_link([Wk.child_spec(:a)], strategy: :one_for_one)
[{:a, a, _, _}] = Supervisor.which_children(sup)
parent = self()
{stranger, ref} =
  spawn_monitor(fn ->
    Process.link(sup)
    send(parent, :linked)
    receive do
      :go -> exit(:boom)
    end
  end)
receive do
  :linked -> :ok
end
send(stranger, :go)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "stranger ended with")
end
[{:a, a2, _, _}] = Supervisor.which_children(sup)
IO.inspect(a == a2, label: "child :a unchanged")
IO.inspect(Process.alive?(sup), label: "supervisor alive")
