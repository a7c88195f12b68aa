# R3.5 demonitor returns true; a DOWN already queued stays unless [:flush]; [:info] says if it was active
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
p = spawn(fn -> receive do
    :go -> exit(:bye)
  end
end)
ref = Process.monitor(p)
IO.inspect(Process.demonitor(ref, [:info]), label: "[:info] of an active monitor")
IO.inspect(Process.demonitor(ref, [:info]), label: "[:info] again")
IO.inspect(Process.demonitor(ref), label: "demonitor again")
send(p, :go)
q = spawn(fn -> exit(:bye_q) end)
refq = Process.monitor(q)
W.wait_len(1)
IO.inspect(Process.demonitor(refq), label: "demonitor with a DOWN queued")
receive do
  {:DOWN, ^refq, :process, _, r} -> IO.inspect(r, label: "queued DOWN stays")
after
  0 -> IO.puts("DOWN removed")
end
s = spawn(fn -> exit(:bye_s) end)
refs = Process.monitor(s)
W.wait_len(1)
IO.inspect(Process.demonitor(refs, [:flush]), label: "demonitor [:flush]")
receive do
  {:DOWN, ^refs, :process, _, r} -> IO.inspect(r, label: "queued DOWN stays")
after
  0 -> IO.puts("DOWN removed by :flush")
end
flush()
