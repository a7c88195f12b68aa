# The logger process (started by the first crash report here) is registered as :logger.
spawn(fn -> raise "boom" end)
Process.sleep(100)
IO.inspect(is_pid(Process.whereis(:logger)))
