parent = self()
target =
  spawn(fn ->
    receive do
      :die -> exit(:bye)
    end
  end)
linker =
  spawn(fn ->
    Process.flag(:trap_exit, true)
    Process.link(target)
    send(parent, :linked)
    receive do
      msg -> send(parent, {:linker, msg})
    end
  end)
receive do
  :linked -> :ok
end
ref = Process.monitor(target)
send(target, :die)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "monitor got DOWN")
end
receive do
  {:linker, {:EXIT, ^target, reason}} -> IO.inspect(reason, label: "linked trapper got EXIT")
end
IO.inspect(Process.alive?(linker))
