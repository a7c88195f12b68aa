pid =
  spawn(fn ->
    receive do
      {:ping, from} -> send(from, :pong)
    end
  end)
Process.register(pid, :pinger)
IO.inspect(Process.whereis(:pinger) == pid)
send(:pinger, {:ping, self()})
receive do
  :pong -> IO.puts("pong from :pinger")
end
Process.sleep(20)
IO.inspect(Process.whereis(:pinger))
