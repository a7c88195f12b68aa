# A peer started with the default connection halts when its connection to us goes down: after Node.disconnect/1 it is gone (R9.2, R9.3).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true})
ref = Process.monitor(peer)
IO.inspect(Node.list())
IO.inspect(Node.disconnect(b))
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "peer's control process ended")
end
Process.sleep(200)
IO.inspect(Node.list())
IO.inspect(Node.ping(b))
IO.inspect(:rpc.call(b, :erlang, :node, []))
