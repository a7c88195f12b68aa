# Elixir guide (1.0 era), "监控者和应用程序" 5.1: KV.Supervisor with Supervisor.Spec's worker/2 and
# supervise/2 starts the event manager and the registry, both named.
# KV.Bucket and KV.Registry as the guide had them at that chapter (HashDict, GenEvent).
defmodule KV.Bucket do
  @doc """
  Starts a new bucket.
  """
  def start_link do
    Agent.start_link(fn -> HashDict.new end)
  end

  @doc """
  Gets a value from the `bucket` by `key`.
  """
  def get(bucket, key) do
    Agent.get(bucket, &HashDict.get(&1, key))
  end

  @doc """
  Puts the `value` for the given `key` in the `bucket`.
  """
  def put(bucket, key, value) do
    Agent.update(bucket, &HashDict.put(&1, key, value))
  end

  @doc """
  Deletes `key` from `bucket`.

  Returns the current value of `key`, if `key` exists.
  """
  def delete(bucket, key) do
    Agent.get_and_update(bucket, &HashDict.pop(&1, key))
  end
end

defmodule KV.Registry do
  use GenServer

  ## Client API

  @doc """
  Starts the registry.
  """
  def start_link(event_manager, opts \\ []) do
    GenServer.start_link(__MODULE__, event_manager, opts)
  end

  @doc """
  Looks up the bucket pid for `name` stored in `server`.

  Returns `{:ok, pid}` if the bucket exists, `:error` otherwise.
  """
  def lookup(server, name) do
    GenServer.call(server, {:lookup, name})
  end

  @doc """
  Ensures there is a bucket associated to the given `name` in `server`.
  """
  def create(server, name) do
    GenServer.cast(server, {:create, name})
  end

  @doc """
  Stops the registry.
  """
  def stop(server) do
    GenServer.call(server, :stop)
  end

  ## Server callbacks

  def init(events) do
    names = HashDict.new
    refs  = HashDict.new
    {:ok, %{names: names, refs: refs, events: events}}
  end

  def handle_call({:lookup, name}, _from, state) do
    {:reply, HashDict.fetch(state.names, name), state}
  end

  def handle_call(:stop, _from, state) do
    {:stop, :normal, :ok, state}
  end

  def handle_cast({:create, name}, state) do
    if HashDict.get(state.names, name) do
      {:noreply, state}
    else
      {:ok, pid} = KV.Bucket.start_link()
      ref = Process.monitor(pid)
      refs = HashDict.put(state.refs, ref, name)
      names = HashDict.put(state.names, name, pid)
      GenEvent.sync_notify(state.events, {:create, name, pid})
      {:noreply, %{state | names: names, refs: refs}}
    end
  end

  def handle_info({:DOWN, ref, :process, pid, _reason}, state) do
    {name, refs} = HashDict.pop(state.refs, ref)
    names = HashDict.delete(state.names, name)
    GenEvent.sync_notify(state.events, {:exit, name, pid})
    {:noreply, %{state | names: names, refs: refs}}
  end

  def handle_info(_msg, state) do
    {:noreply, state}
  end
end

defmodule KV.Supervisor do
  use Supervisor

  def start_link do
    Supervisor.start_link(__MODULE__, :ok)
  end

  @manager_name KV.EventManager
  @registry_name KV.Registry

  def init(:ok) do
    children = [
      worker(GenEvent, [[name: @manager_name]]),
      worker(KV.Registry, [@manager_name, [name: @registry_name]])
    ]

    supervise(children, strategy: :one_for_one)
  end
end

# iex> KV.Supervisor.start_link
{:ok, sup} = KV.Supervisor.start_link
IO.inspect({:ok, sup})
# iex> KV.Registry.create(KV.Registry, "shopping")
IO.inspect(KV.Registry.create(KV.Registry, "shopping"))
# iex> KV.Registry.lookup(KV.Registry, "shopping")
{:ok, bucket} = KV.Registry.lookup(KV.Registry, "shopping")
IO.inspect({:ok, bucket})
IO.inspect(KV.Bucket.put(bucket, "eggs", 3))
IO.inspect(KV.Bucket.get(bucket, "eggs"))

IO.inspect(Process.whereis(KV.EventManager) |> is_pid())
IO.inspect(Supervisor.count_children(sup))

# The children are named, so they can be reached by name after a restart.
registry = Process.whereis(KV.Registry)
ref = Process.monitor(registry)
Process.exit(registry, :kill)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "registry down")
end
IO.inspect(Supervisor.count_children(sup))
new_registry = Process.whereis(KV.Registry)
IO.inspect(is_pid(new_registry) and new_registry != registry, label: "a new registry")
Process.sleep(50)  # the registry's exit reaches its linked bucket in its own time
IO.inspect(Process.alive?(bucket), label: "the old bucket is alive")
IO.inspect(KV.Registry.lookup(KV.Registry, "shopping"))
