# Sending to a pid or a name on a node that has gone never fails: send returns the message and it is lost; a new monitor says :noconnection (R9.4, R9.6).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true})
remote = Node.spawn(b, :timer, :sleep, [:infinity])
:peer.stop(peer)
IO.inspect(send(remote, :anyone_there?))
IO.inspect(send({:keeper, b}, :hello))
IO.inspect(node(remote))
IO.inspect(Node.list())
ref = Process.monitor(remote)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "monitor")
end
Process.flag(:trap_exit, true)
IO.inspect(Process.link(remote))
receive do
  {:EXIT, ^remote, reason} -> IO.inspect(reason, label: "link")
end
IO.puts("still running")
