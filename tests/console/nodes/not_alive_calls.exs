# Without Node.start/2 there is no distribution: calls to another node fail softly, a spawn there is logged and gives a dead local pid (R9.1, R9.5, R9.6).
other = :"b@127.0.0.1"
IO.inspect(:rpc.call(other, :erlang, :node, []))
IO.inspect(send({:keeper, other}, :hello))
IO.inspect(:net_kernel.monitor_nodes(true))
pid = Node.spawn(other, :timer, :sleep, [:infinity])
Process.sleep(500)
IO.inspect(node(pid))
IO.inspect(Process.alive?(pid))
Process.flag(:trap_exit, true)
linked = Node.spawn_link(other, :timer, :sleep, [:infinity])
Process.sleep(500)
receive do
  {:EXIT, ^linked, reason} -> IO.inspect(reason, label: "linked spawn")
end
