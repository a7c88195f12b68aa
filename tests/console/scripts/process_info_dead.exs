pid = spawn(fn -> :ok end)
Process.sleep(20)
IO.inspect(Process.info(pid))
IO.inspect(Process.info(pid, :status))
