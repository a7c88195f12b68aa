# R1.10 a process that is exiting runs no more code and accepts no more messages
import IEx.Helpers
parent = self()
{p, ref} =
  spawn_monitor(fn ->
    send(parent, :before)
    exit(:bye)
    send(parent, :after)
  end)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "ended with")
end
flush()
send(p, :hello)
IO.inspect(Process.info(p), label: "info of the ended process")
IO.inspect(Process.alive?(p), label: "alive")
