# R1.9 Process.flag(:trap_exit, b) returns the previous value and applies to later signals
parent = self()
{p, ref} =
  spawn_monitor(fn ->
    send(parent, {:first, Process.flag(:trap_exit, true)})
    receive do
      {:EXIT, from, r} -> send(parent, {:trapped, from == parent, r})
    end
    send(parent, {:second, Process.flag(:trap_exit, false)})
    receive do
      :never -> :ok
    end
  end)
receive do
  {:first, v} -> IO.inspect(v, label: "first flag call returns")
end
Process.exit(p, :boom)
receive do
  {:trapped, from_parent, r} -> IO.inspect({from_parent, r}, label: "trapped")
end
receive do
  {:second, v} -> IO.inspect(v, label: "second flag call returns")
end
Process.exit(p, :boom2)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "not trapping any more, ended with")
end
IO.inspect(Process.flag(:trap_exit, true), label: "script: previous")
IO.inspect(Process.flag(:trap_exit, true), label: "script: previous again")
