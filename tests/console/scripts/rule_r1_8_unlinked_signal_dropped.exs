# R1.8 a link exit signal whose link was removed before it arrived is dropped
parent = self()
watcher =
  spawn(fn ->
    child =
      spawn_link(fn ->
        receive do
          :go -> exit(:boom)
        end
      end)
    Process.unlink(child)
    ref = Process.monitor(child)
    send(child, :go)
    receive do
      {:DOWN, ^ref, :process, _, r} -> send(parent, {:child_down, r})
    end
    send(parent, {:watcher_alive, Process.alive?(self())})
  end)
receive do
  {:child_down, r} -> IO.inspect(r, label: "child ended with")
end
receive do
  {:watcher_alive, a} -> IO.inspect(a, label: "unlinked non-trapping process survives")
end
Process.flag(:trap_exit, true)
child =
  spawn_link(fn ->
    receive do
      :go -> exit(:boom)
    end
  end)
IO.inspect(Process.unlink(child), label: "unlink")
ref = Process.monitor(child)
send(child, :go)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "child ended with")
end
receive do
  {:EXIT, _, _} = m -> IO.inspect(m, label: "unexpected")
after
  0 -> IO.puts("no EXIT for a trapping process either")
end
IO.inspect(is_pid(watcher))
