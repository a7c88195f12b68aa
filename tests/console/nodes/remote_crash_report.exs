# A process on another node that raises is reported here, by our logger, naming its node; one that exits with a reason is not reported (R9.1).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true})
Node.spawn(b, :erlang, :error, [:oops])
Process.sleep(200)
Node.spawn(b, :erlang, :exit, [:boom])
Process.sleep(200)
IO.puts("after the exit")
:peer.stop(peer)
