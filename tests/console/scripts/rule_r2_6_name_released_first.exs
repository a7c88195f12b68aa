# R2.6 a registered name is released before the exit signals and DOWNs are sent
Process.flag(:trap_exit, true)
parent = self()
p =
  spawn_link(fn ->
    Process.register(self(), :r26_name)
    send(parent, :registered)
    receive do
      :go -> exit(:bye)
    end
  end)
receive do
  :registered -> :ok
end
ref = Process.monitor(p)
IO.inspect(Process.whereis(:r26_name) == p, label: "registered")
send(p, :go)
receive do
  {:EXIT, ^p, r} -> IO.inspect({r, Process.whereis(:r26_name)}, label: "on EXIT, whereis")
end
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect({r, Process.whereis(:r26_name)}, label: "on DOWN, whereis")
end
