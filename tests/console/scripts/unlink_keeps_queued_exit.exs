Process.flag(:trap_exit, true)
pid = spawn_link(fn -> exit(:early) end)
Process.sleep(50)
IO.inspect(Process.unlink(pid))
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "EXIT still queued")
after
  50 -> IO.puts("gone")
end
