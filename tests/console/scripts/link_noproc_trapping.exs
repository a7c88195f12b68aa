dead = spawn(fn -> :ok end)
Process.sleep(20)
Process.flag(:trap_exit, true)
IO.inspect(Process.link(dead))
receive do
  {:EXIT, ^dead, reason} -> IO.inspect(reason, label: "EXIT")
end
