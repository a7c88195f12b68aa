pid =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
ref = Process.monitor(pid)
IO.inspect(Process.demonitor(ref, [:info]), label: "first")
IO.inspect(Process.demonitor(ref, [:info]), label: "second")
send(pid, :stop)
receive do
  msg -> IO.inspect(msg)
after
  50 -> IO.puts("no DOWN after demonitor")
end
