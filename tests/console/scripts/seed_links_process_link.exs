# "Elixir Processes: Linking and Monitoring": Process.link/1 on an existing process.
pid = spawn(fn -> receive do :crash -> raise "boom" end end)
IO.inspect(Process.link(pid))
send pid, :crash
Process.sleep(100)
IO.puts("not reached")
