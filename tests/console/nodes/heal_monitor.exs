# After a partition heals nothing comes back: the monitor that fired is gone, the remote process lived on, and a new monitor works (R9.4, R9.7).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true, connection: :standard_io})
remote = Node.spawn(b, :timer, :sleep, [:infinity])
ref = Process.monitor(remote)
Node.disconnect(b)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "first monitor")
end
IO.inspect(Node.ping(b))
IO.inspect(Process.info(self(), :monitors))
IO.inspect(:rpc.call(b, :erlang, :is_process_alive, [remote]), label: "the process on b alive")
ref = Process.monitor(remote)
:rpc.call(b, :erlang, :exit, [remote, :kill])
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "second monitor")
end
:peer.stop(peer)
