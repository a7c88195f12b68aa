pid =
  spawn(fn ->
    receive do
      :go -> exit(:bye)
    end
  end)
r1 = Process.monitor(pid)
r2 = Process.monitor(pid)
IO.inspect(r1 == r2, label: "same ref")
send(pid, :go)
for _ <- 1..2 do
  receive do
    {:DOWN, ref, :process, ^pid, reason} -> IO.inspect({ref in [r1, r2], reason})
  end
end
receive do
  other -> IO.inspect(other)
after
  50 -> IO.puts("no third DOWN")
end
