# R1.5 Process.exit(pid, :kill) cannot be trapped: the target ends with :killed, its links get :killed
Process.flag(:trap_exit, true)
parent = self()
victim =
  spawn_link(fn ->
    Process.flag(:trap_exit, true)
    send(parent, :trapping)
    receive do
      msg -> send(parent, {:victim_got, msg})
    end
  end)
receive do
  :trapping -> :ok
end
ref = Process.monitor(victim)
IO.inspect(Process.exit(victim, :kill), label: "Process.exit(victim, :kill)")
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "victim ended with")
end
receive do
  {:EXIT, ^victim, r} -> IO.inspect(r, label: "link sees")
end
receive do
  {:victim_got, msg} -> IO.inspect(msg, label: "victim trapped")
after
  0 -> IO.puts("victim trapped nothing")
end
