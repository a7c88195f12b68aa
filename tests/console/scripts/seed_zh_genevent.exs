# Elixir guide (1.0 era), the registry's GenEvent notifications as its tests check them, in the
# script form: a Forwarder handler sends each event to the test process.
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

defmodule Forwarder do
  use GenEvent

  def handle_event(event, parent) do
    send parent, event
    {:ok, parent}
  end
end

# setup
{:ok, manager} = GenEvent.start_link
{:ok, registry} = KV.Registry.start_link(manager)
IO.inspect(GenEvent.add_mon_handler(manager, Forwarder, self()))
IO.inspect(GenEvent.which_handlers(manager))

# test "spawns buckets"
IO.inspect(KV.Registry.lookup(registry, "shopping"))
KV.Registry.create(registry, "shopping")
{:ok, bucket} = KV.Registry.lookup(registry, "shopping")
KV.Bucket.put(bucket, "milk", 1)
IO.inspect(KV.Bucket.get(bucket, "milk"))

# test "sends events on create and crash"
receive do
  {:create, "shopping", ^bucket} = event -> IO.inspect(event)
after
  1000 -> IO.puts("no create event")
end
Agent.stop(bucket)
receive do
  {:exit, "shopping", ^bucket} = event -> IO.inspect(event)
after
  1000 -> IO.puts("no exit event")
end

# test "removes buckets on exit"
IO.inspect(KV.Registry.lookup(registry, "shopping"))

# creating twice makes one bucket and one event
KV.Registry.create(registry, "groceries")
KV.Registry.create(registry, "groceries")
{:ok, groceries} = KV.Registry.lookup(registry, "groceries")
receive do
  {:create, "groceries", ^groceries} -> IO.puts("one create event")
end
receive do
  event -> IO.inspect(event, label: "unexpected")
after
  100 -> IO.puts("and no second one")
end
IO.inspect(KV.Bucket.delete(groceries, "none"))
KV.Bucket.put(groceries, "eggs", 12)
IO.inspect(KV.Bucket.delete(groceries, "eggs"))
IO.inspect(KV.Bucket.get(groceries, "eggs"))

ref = Process.monitor(registry)
IO.inspect(KV.Registry.stop(registry))
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "registry stopped")
end
IO.inspect(GenEvent.remove_handler(manager, Forwarder, :done))
IO.inspect(GenEvent.which_handlers(manager))
