# R3.4 monitoring by registered name resolves the name once; the DOWN names {name, node}
parent = self()
p1 =
  spawn(fn ->
    Process.register(self(), :r34_svc)
    send(parent, :registered)
    receive do
      :unregister ->
        Process.unregister(:r34_svc)
        send(parent, :unregistered)
    end
    receive do
      :go -> exit(:bye)
    end
  end)
receive do
  :registered -> :ok
end
ref = Process.monitor(:r34_svc)
send(p1, :unregister)
receive do
  :unregistered -> :ok
end
p2 =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
Process.register(p2, :r34_svc)
send(p1, :go)
receive do
  {:DOWN, ^ref, :process, who, r} -> IO.inspect({who, r}, label: "DOWN")
end
IO.inspect(Process.alive?(p2), label: "new holder of the name unaffected")
send(p2, :stop)
