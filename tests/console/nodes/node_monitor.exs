# Node.monitor/2: each call is its own monitor, so two calls bring two {:nodedown, node}; a node that cannot be reached answers at once (R9.5).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true, connection: :standard_io})
IO.inspect(Node.ping(b))
IO.inspect(Node.monitor(b, true))
IO.inspect(Node.monitor(b, true))
Node.disconnect(b)
Process.sleep(100)
IO.inspect(Process.info(self(), :messages))
receive do
  {:nodedown, ^b} -> :ok
end
receive do
  {:nodedown, ^b} -> :ok
end
IO.inspect(:erlang.monitor_node(:"nobody@127.0.0.1", true))
receive do
  msg -> IO.inspect(msg)
end
:peer.stop(peer)
