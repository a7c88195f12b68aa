# R3.7 when the watcher ends its monitors are removed; the target is not notified
parent = self()
target =
  spawn(fn ->
    receive do
      :never -> :ok
    end
  end)
{watcher, wref} =
  spawn_monitor(fn ->
    Process.monitor(target)
    send(parent, :monitoring)
    receive do
      :go -> exit(:done)
    end
  end)
receive do
  :monitoring -> :ok
end
IO.inspect(Process.info(target, :monitored_by) == {:monitored_by, [watcher]}, label: "target monitored by watcher")
send(watcher, :go)
receive do
  {:DOWN, ^wref, :process, _, r} -> IO.inspect(r, label: "watcher ended")
end
IO.inspect(Process.info(target, :monitored_by), label: "target monitored_by")
IO.inspect(Process.info(target, :messages), label: "target messages")
IO.inspect(Process.alive?(target), label: "target alive")
