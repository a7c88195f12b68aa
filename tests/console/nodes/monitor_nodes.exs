# :net_kernel.monitor_nodes(true) reports every connection made or lost: {:nodeup, node} and {:nodedown, node} (R9.5, R9.7).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
IO.inspect(:net_kernel.monitor_nodes(true))
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true, connection: :standard_io})
IO.puts("started b")
Node.ping(b)
receive do
  msg -> IO.inspect(msg, label: "after ping")
end
Node.disconnect(b)
receive do
  msg -> IO.inspect(msg, label: "after disconnect")
end
Node.connect(b)
receive do
  msg -> IO.inspect(msg, label: "after connect")
end
:peer.stop(peer)
receive do
  msg -> IO.inspect(msg, label: "after stop")
end
receive do
  msg -> IO.inspect(msg, label: "then")
after
  200 -> IO.puts("nothing more")
end
