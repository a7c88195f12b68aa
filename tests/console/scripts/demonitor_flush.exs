import IEx.Helpers

pid = spawn(fn -> :ok end)
ref = Process.monitor(pid)
Process.sleep(50)
IO.inspect(Process.info(self(), :message_queue_len))
IO.inspect(Process.demonitor(ref, [:flush]))
IO.inspect(Process.info(self(), :message_queue_len))
flush()
