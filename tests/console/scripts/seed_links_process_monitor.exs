# "Elixir Processes: Linking and Monitoring": Process.monitor/1 on a process that ends normally.
pid = spawn(fn -> receive do :add -> IO.puts 1 + 2 end end)
ref = Process.monitor(pid)
IO.inspect(is_reference(ref))
sent = send(pid, :add)
receive do
  {:DOWN, ^ref, :process, down_pid, reason} = msg ->
    IO.inspect(sent)
    IO.puts(inspect(msg))
    IO.inspect(down_pid == pid)
    IO.inspect(reason, label: "DOWN")
end
