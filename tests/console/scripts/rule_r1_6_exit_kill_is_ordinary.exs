# R1.6 exit(:kill) sends an ordinary signal with reason :kill: trapping peers get {:EXIT, from, :kill},
# non-trapping peers end with :kill (not :killed)
Process.flag(:trap_exit, true)
parent = self()
t = spawn_link(fn -> exit(:kill) end)
receive do
  {:EXIT, ^t, r} -> IO.inspect(r, label: "trapping peer gets")
end
a =
  spawn_link(fn ->
    b =
      spawn_link(fn ->
        receive do
          :go -> exit(:kill)
        end
      end)
    send(parent, {:b, b})
    receive do
      :never -> :ok
    end
  end)
ref = Process.monitor(a)
receive do
  {:b, b} -> send(b, :go)
end
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "non-trapping peer ended with")
end
receive do
  {:EXIT, ^a, r} -> IO.inspect(r, label: "and its link sends on")
end
