pid =
  spawn(fn ->
    receive do
      :stop -> exit(:named_exit)
    end
  end)
Process.register(pid, :named)
ref = Process.monitor(:named)
send(:named, :stop)
receive do
  {:DOWN, ^ref, :process, who, reason} -> IO.inspect({who, reason})
end
