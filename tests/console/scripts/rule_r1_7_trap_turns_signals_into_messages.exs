# R1.7 a trapping receiver turns every exit signal, :normal included, into {:EXIT, from, reason}
# at the end of its mailbox
import IEx.Helpers
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
Process.flag(:trap_exit, true)
parent = self()
send(self(), :first)
a = spawn_link(fn -> :ok end)
W.wait_len(2)
b = spawn(fn -> Process.exit(parent, :normal) end)
W.wait_len(3)
c = spawn(fn -> Process.exit(parent, :shutdown) end)
W.wait_len(4)
send(self(), :last)
IO.inspect(Process.alive?(self()), label: "still alive")
receive do
  m -> IO.inspect(m == :first, label: "1st is :first")
end
receive do
  m -> IO.inspect(m == {:EXIT, a, :normal}, label: "2nd is {:EXIT, a, :normal} (link)")
end
receive do
  m -> IO.inspect(m == {:EXIT, b, :normal}, label: "3rd is {:EXIT, b, :normal} (Process.exit)")
end
receive do
  m -> IO.inspect(m == {:EXIT, c, :shutdown}, label: "4th is {:EXIT, c, :shutdown}")
end
flush()
