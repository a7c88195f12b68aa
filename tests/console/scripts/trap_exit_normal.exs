Process.flag(:trap_exit, true)
pid = spawn_link(fn -> :done end)
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "EXIT reason")
end
