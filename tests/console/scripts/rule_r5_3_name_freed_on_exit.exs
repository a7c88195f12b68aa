# R5.3 a name is freed when its process ends, so it can be registered again at once
p =
  spawn(fn ->
    receive do
      :go -> exit(:bye)
    end
  end)
Process.register(p, :r53_name)
ref = Process.monitor(p)
send(p, :go)
receive do
  {:DOWN, ^ref, :process, _, _} -> :ok
end
IO.inspect(Process.register(self(), :r53_name), label: "registered again at once")
IO.inspect(Process.whereis(:r53_name) == self(), label: "now ours")
