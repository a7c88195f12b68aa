pid =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
Process.register(pid, :worker)
ref = Process.monitor(pid)
send(:worker, :stop)
receive do
  {:DOWN, ^ref, _, _, _} -> :ok
end
IO.inspect(Process.whereis(:worker), label: "after exit")
pid2 =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
IO.inspect(Process.register(pid2, :worker), label: "registered again")
send(:worker, :stop)
