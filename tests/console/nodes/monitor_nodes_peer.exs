# A peer with the default connection is up as soon as :peer.start_link/1 returns, and down with the connection: monitor_nodes sees both (R9.2, R9.5).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
:ok = :net_kernel.monitor_nodes(true)
{:ok, _peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true})
receive do
  msg -> IO.inspect(msg, label: "after start_link")
end
IO.inspect(Node.disconnect(b))
receive do
  msg -> IO.inspect(msg, label: "after disconnect")
end
Process.sleep(200)
IO.inspect(Node.connect(b))
receive do
  msg -> IO.inspect(msg, label: "then")
after
  200 -> IO.puts("nothing more: b has halted")
end
