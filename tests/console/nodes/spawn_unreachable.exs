# Node.spawn to a node that cannot be reached logs a warning and returns a pid of no process: a monitor says :noproc, a link :noconnection (R9.3, R9.4).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
nobody = :"nobody@127.0.0.1"
pid = Node.spawn(nobody, :timer, :sleep, [:infinity])
Process.sleep(500)
IO.inspect(node(pid))
ref = Process.monitor(pid)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "monitor")
end
Process.flag(:trap_exit, true)
linked = Node.spawn_link(nobody, :timer, :sleep, [:infinity])
Process.sleep(500)
receive do
  {:EXIT, ^linked, reason} -> IO.inspect(reason, label: "spawn_link")
end
IO.inspect(Node.list())
