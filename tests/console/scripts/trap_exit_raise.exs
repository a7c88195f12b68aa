Process.flag(:trap_exit, true)
pid = spawn_link(fn -> raise "kaboom" end)
message =
  receive do
    {:EXIT, ^pid, {exception, _stack}} -> exception.message
  end
Process.sleep(100)
IO.puts("trapped: " <> message)
