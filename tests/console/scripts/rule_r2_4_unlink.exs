# R2.4 Process.unlink returns true even without a link; an EXIT already queued stays
defmodule W do
  def wait_len(n) do
    {:message_queue_len, l} = Process.info(self(), :message_queue_len)
    if l < n do
      Process.sleep(1)
      wait_len(n)
    else
      :ok
    end
  end
end
other =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
IO.inspect(Process.unlink(other), label: "unlink without a link")
IO.inspect(Process.unlink(other), label: "again")
send(other, :stop)
Process.flag(:trap_exit, true)
child = spawn_link(fn -> exit(:boom) end)
W.wait_len(1)
IO.inspect(Process.unlink(child), label: "unlink after the EXIT was queued")
receive do
  {:EXIT, ^child, r} -> IO.inspect(r, label: "queued EXIT still there")
after
  0 -> IO.puts("EXIT removed")
end
