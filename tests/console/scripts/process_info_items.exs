pid =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
Process.sleep(20)
IO.inspect(Process.info(pid, :status))
IO.inspect(Process.info(pid, :message_queue_len))
IO.inspect(Process.info(pid, :trap_exit))
IO.inspect(Process.info(pid, :registered_name))
IO.inspect(Process.info(pid, :links))
send(pid, :hello)
send(pid, :world)
Process.sleep(20)
IO.inspect(Process.alive?(pid))
IO.inspect(Process.info(pid, :message_queue_len))
IO.inspect(Process.info(pid, :messages))
