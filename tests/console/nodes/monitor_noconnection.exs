# A monitor across a connection that goes down fires with :noconnection; a monitor by name names {name, node} in its DOWN (R9.4).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true, connection: :standard_io})
remote = Node.spawn(b, :timer, :sleep, [:infinity])
true = :rpc.call(b, :erlang, :register, [:keeper, remote])
by_pid = Process.monitor(remote)
by_name = Process.monitor({:keeper, b})
IO.inspect(Node.disconnect(b))
receive do
  {:DOWN, ^by_pid, :process, who, reason} -> IO.inspect({who, reason}, label: "by pid")
end
receive do
  {:DOWN, ^by_name, :process, who, reason} -> IO.inspect({who, reason}, label: "by name")
end
IO.inspect(:rpc.call(b, :erlang, :is_process_alive, [remote]), label: "the process on b alive")
:peer.stop(peer)
