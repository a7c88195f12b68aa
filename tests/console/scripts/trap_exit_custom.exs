Process.flag(:trap_exit, true)
pid = spawn_link(fn -> exit(:boom) end)
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason)
end
pid2 = spawn_link(fn -> exit({:shutdown, :tired}) end)
receive do
  {:EXIT, ^pid2, reason} -> IO.inspect(reason)
end
