# A node that ends takes its connection down: links and monitors of its processes fire with :noconnection, and Node.monitor says :nodedown (R9.3, R9.4, R9.5).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true})
remote = Node.spawn(b, :timer, :sleep, [:infinity])
ref = Process.monitor(remote)
Node.monitor(b, true)
Process.flag(:trap_exit, true)
Process.link(remote)
:peer.stop(peer)
receive do
  {:EXIT, ^remote, reason} -> IO.inspect(reason, label: "link")
end
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "monitor")
end
receive do
  {:nodedown, node} -> IO.inspect(node, label: "nodedown")
end
IO.inspect(Node.list())
