# A script that never called Node.start/2 runs on :nonode@nohost, without distribution: what the
# node functions say, and what a call to another node does (R9.1, R9.2, R9.5, R9.6).
IO.inspect(node())
IO.inspect(node(self()))
IO.inspect(Node.self())
IO.inspect(Node.alive?())
IO.inspect(Node.list())
IO.inspect(Node.list(:connected))
IO.inspect(Node.ping(:"b@127.0.0.1"))
IO.inspect(Node.connect(:"b@127.0.0.1"))
IO.inspect(Node.disconnect(:"b@127.0.0.1"))
try do
  Node.monitor(:"b@127.0.0.1", true)
rescue
  e -> IO.inspect(e)
end
try do
  :erlang.monitor_node(:"c@127.0.0.1", true)
catch
  kind, reason -> IO.inspect({kind, reason})
end
IO.inspect(send({:someone, :"b@127.0.0.1"}, :hello))
IO.inspect(Process.info(self(), :message_queue_len))
IO.inspect(send({:someone, node()}, :hello))
Process.register(self(), :me)
send({:me, node()}, :to_myself)
receive do
  m -> IO.inspect(m, label: "got")
end
