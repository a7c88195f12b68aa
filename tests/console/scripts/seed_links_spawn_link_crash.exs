# "Elixir Processes: Linking and Monitoring": spawn_link/1, the crash takes the caller with it.
pid = spawn_link(fn -> receive do :crash -> 1 / 0 end end)
IO.inspect(Process.alive?(pid))
send(pid, :crash)
Process.sleep(100)
IO.puts("not reached")
