pid = spawn(fn -> exit(:quick) end)
ref = Process.monitor(pid)
Process.sleep(50)
IO.inspect(Process.demonitor(ref))
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "queued DOWN stays")
after
  50 -> IO.puts("gone")
end
