# A remote process that ends by itself is no partition: its monitor and link carry its real reason, :normal or :boom (R9.1, R9.3).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true})
short = Node.spawn(b, :timer, :sleep, [100])
ref = Process.monitor(short)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "short sleeper")
end
remote = Node.spawn(b, :timer, :sleep, [:infinity])
ref = Process.monitor(remote)
Process.flag(:trap_exit, true)
Process.link(remote)
IO.inspect(:rpc.call(b, :erlang, :exit, [remote, :boom]))
receive do
  {:EXIT, ^remote, reason} -> IO.inspect(reason, label: "link")
end
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "monitor")
end
IO.inspect(Node.list())
:peer.stop(peer)
