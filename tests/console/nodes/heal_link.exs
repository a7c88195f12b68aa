# After a partition heals the link that fired stays gone: the trapping process's links are empty, and linking again is a new link (R9.3, R9.7).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true, connection: :standard_io})
remote = Node.spawn(b, :timer, :sleep, [:infinity])
me = self()
watcher = spawn(fn ->
  Process.flag(:trap_exit, true)
  Process.link(remote)
  send(me, {:links, Process.info(self(), :links)})
  receive do
    {:EXIT, ^remote, reason} -> send(me, {:exit, reason})
  end
  receive do
    :healed -> send(me, {:links, Process.info(self(), :links)})
  end
end)
receive do
  {:links, links} -> IO.inspect(links, label: "watcher before")
end
Node.disconnect(b)
receive do
  {:exit, reason} -> IO.inspect(reason, label: "watcher got EXIT")
end
IO.inspect(Node.connect(b))
send(watcher, :healed)
receive do
  {:links, links} -> IO.inspect(links, label: "watcher after")
end
again = Node.spawn(b, :timer, :sleep, [:infinity])
Process.flag(:trap_exit, true)
Process.link(again)
:rpc.call(b, :erlang, :exit, [again, :shutdown])
receive do
  {:EXIT, ^again, reason} -> IO.inspect(reason, label: "new link")
end
:peer.stop(peer)
