# R2.5 spawn_link spawns and links atomically: a child that ends at once is still linked
Process.flag(:trap_exit, true)
pids = Enum.map(1..5, fn i -> spawn_link(fn -> exit({:oops, i}) end) end)
Enum.each(pids, fn pid ->
  receive do
    {:EXIT, ^pid, r} -> IO.inspect(r, label: "EXIT")
  end
end)
