pid =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
Process.register(pid, :listed_worker)
IO.inspect(:listed_worker in Process.registered())
IO.inspect(pid in Process.list())
send(pid, :stop)
Process.sleep(20)
IO.inspect(:listed_worker in Process.registered())
