# Without Node.start/2, monitoring {name, node} of another node is a badarg, and :peer cannot start a node: :not_alive (R9.1, R9.4).
try do
  Process.monitor({:keeper, :"b@127.0.0.1"})
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(Node.alive?())
:peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true})
IO.puts("not reached")
