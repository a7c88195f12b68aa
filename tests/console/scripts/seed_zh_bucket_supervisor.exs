# Elixir guide (1.0 era), 5.3: KV.Bucket.Supervisor, a :simple_one_for_one supervisor whose
# temporary children are started with Supervisor.start_child(sup, []).
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

defmodule KV.Bucket.Supervisor do
  use Supervisor

  def start_link(opts \\ []) do
    Supervisor.start_link(__MODULE__, :ok, opts)
  end

  def start_bucket(supervisor) do
    Supervisor.start_child(supervisor, [])
  end

  def init(:ok) do
    children = [
      worker(KV.Bucket, [], restart: :temporary)
    ]

    supervise(children, strategy: :simple_one_for_one)
  end
end

# iex> {:ok, sup} = KV.Bucket.Supervisor.start_link
{:ok, sup} = KV.Bucket.Supervisor.start_link
IO.inspect({:ok, sup})
# iex> {:ok, bucket} = KV.Bucket.Supervisor.start_bucket(sup)
{:ok, bucket} = KV.Bucket.Supervisor.start_bucket(sup)
IO.inspect({:ok, bucket})
# iex> KV.Bucket.put(bucket, "eggs", 3)
IO.inspect(KV.Bucket.put(bucket, "eggs", 3))
# iex> KV.Bucket.get(bucket, "eggs")
IO.inspect(KV.Bucket.get(bucket, "eggs"))

{:ok, other} = KV.Bucket.Supervisor.start_bucket(sup)
IO.inspect(other != bucket, label: "a second bucket")
IO.inspect(KV.Bucket.get(other, "eggs"))
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.which_children(sup) |> length())
[{:undefined, _, :worker, [KV.Bucket]} | _] = Supervisor.which_children(sup)

# :temporary: a bucket that dies is not restarted.
ref = Process.monitor(bucket)
Process.exit(bucket, :kill)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "bucket down")
end
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.which_children(sup) == [{:undefined, other, :worker, [KV.Bucket]}])

# The supervisor's child is a template: start_child gets the extra arguments, not a spec.
IO.inspect(Supervisor.start_child(sup, [:extra]) |> elem(0))
