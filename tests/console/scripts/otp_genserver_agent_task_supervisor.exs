defmodule Stack do
  use GenServer

  def start_link(initial), do: GenServer.start_link(__MODULE__, initial, name: __MODULE__)
  def push(x), do: GenServer.cast(__MODULE__, {:push, x})
  def pop, do: GenServer.call(__MODULE__, :pop)

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}
  def handle_call(:pop, _from, []), do: {:reply, nil, []}

  @impl true
  def handle_cast({:push, x}, state), do: {:noreply, [x | state]}
end

{:ok, pid} = Stack.start_link([1])
IO.inspect(is_pid(pid))
Stack.push(2)
Stack.push(3)
IO.inspect(Stack.pop())
IO.inspect(Stack.pop())
IO.inspect(Stack.pop())
IO.inspect(Stack.pop())
{:ok, agent} = Agent.start_link(fn -> 0 end)
Agent.update(agent, fn n -> n + 5 end)
IO.inspect(Agent.get(agent, fn n -> n * 2 end))
IO.inspect(Agent.get_and_update(agent, fn n -> {n, n + 1} end))
IO.inspect(Agent.get(agent, & &1))
task = Task.async(fn -> Enum.sum(1..10) end)
IO.inspect(Task.await(task))
children = [{Stack, [:a]}]
Process.unregister(Stack) |> IO.inspect()
Process.flag(:trap_exit, true)
GenServer.stop(pid)
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(Supervisor.count_children(sup))
[{Stack, child, :worker, [Stack]}] = Supervisor.which_children(sup)
Process.exit(child, :kill)
Process.sleep(50)
[{Stack, child2, :worker, [Stack]}] = Supervisor.which_children(sup)
IO.inspect(child != child2, label: "restarted with a new pid")
IO.inspect(Stack.pop())
{:ok, dsup} = DynamicSupervisor.start_link(strategy: :one_for_one)
{:ok, a2} = DynamicSupervisor.start_child(dsup, %{id: :ag, start: {Agent, :start_link, [fn -> :hello end]}})
IO.inspect(Agent.get(a2, & &1))
