# "Elixir Processes: Linking and Monitoring": :monitors, :monitored_by and Process.demonitor/1.
pid = spawn(fn -> receive do :doit -> IO.puts "did it" end end)
ref = Process.monitor(pid)
IO.inspect(Process.info(self(), :monitors))
IO.inspect(Process.info(pid, :monitored_by))
IO.inspect(Process.info(pid, :monitored_by) == {:monitored_by, [self()]})

IO.inspect(Process.demonitor(ref))
IO.inspect(Process.info(self(), :monitors))
IO.inspect(Process.info(pid, :monitored_by))

send(pid, :doit)
Process.sleep(100)
receive do
  msg -> IO.inspect(msg, label: "unexpected")
after
  0 -> IO.puts("no DOWN message after demonitor")
end
