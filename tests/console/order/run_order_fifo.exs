# Processes made runnable by one event run in the order they were woken (the BEAM's FIFO run
# queues): spawned ones in spawn order, woken receivers in the order their messages were sent.
for i <- 1..5, do: spawn(fn -> IO.puts("spawned #{i}") end)
Process.sleep(100)
parent = self()
pids = for i <- 1..4, do: spawn(fn -> receive do :go -> IO.puts("woke #{i}"); send(parent, :done) end end)
Process.sleep(50)
Enum.each(Enum.reverse(pids), &send(&1, :go))
for _ <- pids, do: (receive do :done -> :ok end)
IO.puts "end"
