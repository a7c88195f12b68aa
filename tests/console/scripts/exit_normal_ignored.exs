pid =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
IO.inspect(Process.exit(pid, :normal))
Process.sleep(20)
IO.inspect(Process.alive?(pid), label: "alive after :normal")
send(pid, :stop)
