parent = self()
a =
  spawn(fn ->
    Process.flag(:trap_exit, true)
    b =
      spawn_link(fn ->
        receive do
          :never -> :ok
        end
      end)
    send(parent, {:b, b})
    receive do
      {:EXIT, ^b, reason} -> send(parent, {:a_trapped, reason})
    end
    receive do
      :stop -> :ok
    end
  end)
b =
  receive do
    {:b, b} -> b
  end
Process.exit(b, :crash)
receive do
  {:a_trapped, reason} -> IO.inspect(reason, label: "a trapped")
end
IO.inspect(Process.alive?(a), label: "a alive")
send(a, :stop)
