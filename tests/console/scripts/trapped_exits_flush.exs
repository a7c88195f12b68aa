import IEx.Helpers

Process.flag(:trap_exit, true)
p1 = spawn_link(fn -> :ok end)
Process.sleep(20)
p2 = spawn_link(fn -> exit(:bad) end)
Process.sleep(20)
IO.inspect(Process.info(self(), :message_queue_len))
flush()
IO.inspect({is_pid(p1), is_pid(p2)})
