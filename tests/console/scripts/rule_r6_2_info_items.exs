# R6.2 Process.info items: status, message_queue_len, messages, links, monitors, monitored_by,
# trap_exit, registered_name, initial_call; a fresh process blocked in receive is :waiting
defmodule W do
  def wait_status(pid, s) do
    case Process.info(pid, :status) do
      {:status, ^s} -> s
      _ ->
        Process.sleep(1)
        wait_status(pid, s)
    end
  end
end
parent = self()
p =
  spawn(fn ->
    Process.flag(:trap_exit, true)
    send(parent, :ready)
    receive do
      :stop -> :ok
    end
  end)
receive do
  :ready -> :ok
end
IO.inspect(W.wait_status(p, :waiting), label: "status")
Process.link(p)
ref = Process.monitor(p)
send(p, {:hello, 1})
IO.inspect(Process.info(p, :message_queue_len), label: "message_queue_len")
IO.inspect(Process.info(p, :messages), label: "messages")
IO.inspect(Process.info(p, :links) == {:links, [self()]}, label: "links is [us]")
IO.inspect(Process.info(self(), :monitors) == {:monitors, [process: p]}, label: "our monitors is [process: p]")
IO.inspect(Process.info(p, :monitored_by) == {:monitored_by, [self()]}, label: "p monitored_by [us]")
IO.inspect(Process.info(p, :trap_exit), label: "trap_exit")
IO.inspect(Process.info(p, :registered_name), label: "registered_name")
Process.register(p, :r62_p)
IO.inspect(Process.info(p, :registered_name), label: "registered_name")
IO.inspect(Process.info(p, :initial_call), label: "initial_call")
{:reductions, r} = Process.info(p, :reductions)
IO.inspect(is_integer(r), label: "reductions is an integer")
{:memory, m} = Process.info(p, :memory)
IO.inspect(is_integer(m) and m > 0, label: "memory is a positive integer")
info = Process.info(p)
IO.inspect(Keyword.get(info, :trap_exit), label: "info/1 has trap_exit")
Process.demonitor(ref)
Process.unlink(p)
send(p, :stop)
