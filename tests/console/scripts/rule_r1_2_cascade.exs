# R1.2 a non-trapping receiver of a non-normal exit signal ends with the same reason and cascades
Process.flag(:trap_exit, true)
parent = self()
a =
  spawn_link(fn ->
    b =
      spawn_link(fn ->
        receive do
          :go -> exit(:boom)
        end
      end)
    send(parent, {:b, b})
    receive do
      :never -> :ok
    end
  end)
ref = Process.monitor(a)
b =
  receive do
    {:b, b} -> b
  end
bref = Process.monitor(b)
send(b, :go)
receive do
  {:DOWN, ^bref, :process, _, r} -> IO.inspect(r, label: "b ended with")
end
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "a ended with")
end
receive do
  {:EXIT, ^a, r} -> IO.inspect(r, label: "a's link signal to us")
end
IO.inspect(Process.alive?(a), label: "a alive")
