# Elixir guide (1.0 era), 5.2: the :kv application and its callback module KV (use Application,
# start/2 starts KV.Supervisor). A script has no mix and no kv.app: the application resource that
# mix would generate is loaded with :application.load/1, then the guide's calls work.
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

defmodule KV do
  use Application

  def start(_type, _args) do
    KV.Supervisor.start_link
  end
end

# Without a resource file there is no :kv application to start.
IO.inspect(Application.start(:kv))
IO.inspect(Application.ensure_all_started(:kv))
# The application environment needs no resource.
IO.inspect(Application.put_env(:kv, :buckets, 10))
IO.inspect(Application.get_env(:kv, :buckets))
IO.inspect(Application.ensure_all_started(:logger))

# What _build/dev/lib/kv/ebin/kv.app holds, with the :mod option of 5.2.2.
IO.inspect(:application.load({:application, :kv,
             [registered: [],
              description: 'kv',
              applications: [:kernel, :stdlib, :elixir, :logger],
              vsn: '0.0.1',
              modules: [KV, KV.Bucket, KV.Registry, KV.Supervisor],
              mod: {KV, []}]}))
IO.inspect(Application.spec(:kv, :vsn))

# iex -S mix has started it already
IO.inspect(Application.start(:kv))
IO.inspect(Application.start(:kv))
IO.inspect(KV.Registry.create(KV.Registry, "shopping"))
{:ok, bucket} = KV.Registry.lookup(KV.Registry, "shopping")
IO.inspect(is_pid(bucket))
IO.inspect(Application.started_applications() |> List.keymember?(:kv, 0))

result = Application.stop(:kv)
Process.sleep(100)
IO.inspect(result)
IO.inspect(Process.whereis(KV.Registry))

# iex -S mix run --no-start: the dependency :logger is not started either
IO.inspect(Application.stop(:logger))
IO.inspect(Application.start(:kv))
IO.inspect(Application.ensure_all_started(:kv))
IO.inspect(Application.get_env(:kv, :buckets))
result = Application.stop(:kv)
Process.sleep(100)
IO.inspect(result)
IO.inspect(Application.unload(:kv))
IO.inspect(Application.start(:kv))
