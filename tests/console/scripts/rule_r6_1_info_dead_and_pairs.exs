# R6.1 Process.info returns nil for a process that is not alive; info(pid, item) returns {item, value}
dead = spawn(fn -> :ok end)
ref = Process.monitor(dead)
receive do
  {:DOWN, ^ref, :process, _, _} -> :ok
end
IO.inspect(Process.info(dead), label: "info/1 of a dead process")
IO.inspect(Process.info(dead, :status), label: "info/2 of a dead process")
p =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
IO.inspect(Process.info(p, :registered_name), label: "no name")
Process.register(p, :r61_name)
IO.inspect(Process.info(p, :registered_name), label: "with a name")
IO.inspect(Process.info(p, :trap_exit), label: "trap_exit")
send(p, :stop)
