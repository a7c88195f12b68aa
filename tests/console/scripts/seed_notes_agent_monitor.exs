# Processes notes, "Process Monitor": monitoring a KV.Bucket agent and stopping it.
# KV.Bucket as in the current Mix and OTP guide (start_link/1).
defmodule KV.Bucket do
  use Agent

  def start_link(_opts) do
    Agent.start_link(fn -> %{} end)
  end

  def get(bucket, key) do
    Agent.get(bucket, &Map.get(&1, key))
  end

  def put(bucket, key, value) do
    Agent.update(bucket, &Map.put(&1, key, value))
  end
end

{:ok, pid} = KV.Bucket.start_link([])
IO.inspect({:ok, pid})
ref = Process.monitor(pid)
IO.inspect(is_reference(ref))
IO.inspect(KV.Bucket.put(pid, "milk", 3))
IO.inspect(KV.Bucket.get(pid, "milk"))
IO.inspect(Agent.stop(pid))
# flush()
# (IO.puts(inspect(...)): a real reference is long enough for IO.inspect to break the line)
receive do
  msg -> IO.puts(inspect(msg))
end
IO.inspect(Process.alive?(pid))
