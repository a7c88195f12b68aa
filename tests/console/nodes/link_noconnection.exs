# When a connection goes down every link across it fires with :noconnection, on both sides: a trapping process gets {:EXIT, pid, :noconnection}, non-trapping ones die, here and on b (R9.3).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true, connection: :standard_io})
remote = Node.spawn(b, :timer, :sleep, [:infinity])
plain = spawn(fn -> Process.link(remote); Process.sleep(:infinity) end)
ref = Process.monitor(plain)
Process.flag(:trap_exit, true)
Process.link(remote)
Process.sleep(100)
IO.inspect(Node.disconnect(b))
receive do
  {:EXIT, ^remote, reason} -> IO.inspect(reason, label: "trapping process got EXIT")
end
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "non-trapping process died")
end
IO.inspect(Node.connect(b))
IO.inspect(:rpc.call(b, :erlang, :is_process_alive, [remote]), label: "the process on b alive")
:peer.stop(peer)
