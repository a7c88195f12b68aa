# R1.3 a non-trapping receiver drops a :normal exit signal from another process (link or Process.exit)
parent = self()
target =
  spawn(fn ->
    receive do
      {:ping, from} -> send(from, :pong)
    end
  end)
IO.inspect(Process.exit(target, :normal), label: "Process.exit(target, :normal)")
send(target, {:ping, self()})
receive do
  :pong -> IO.puts("target still answers")
end
a =
  spawn(fn ->
    c = spawn_link(fn -> :ok end)
    ref = Process.monitor(c)
    receive do
      {:DOWN, ^ref, :process, _, _} -> :ok
    end
    send(parent, {:survived, Process.alive?(self())})
  end)
receive do
  {:survived, alive} -> IO.inspect(alive, label: "linked process survived a :normal link exit")
end
IO.inspect(is_pid(a))
