{pid, ref} = spawn_monitor(fn -> 10 / 0 end)
reason =
  receive do
    {:DOWN, ^ref, :process, _, {reason, _stack}} -> reason
  end
Process.sleep(100)
IO.inspect(reason, label: "DOWN reason")
IO.inspect(is_pid(pid))
