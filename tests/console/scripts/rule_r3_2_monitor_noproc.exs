# R3.2 monitoring a process that does not exist delivers a DOWN with :noproc at once
dead = spawn(fn -> :ok end)
ref = Process.monitor(dead)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "first monitor")
end
ref2 = Process.monitor(dead)
receive do
  {:DOWN, ^ref2, :process, _, r} -> IO.inspect(r, label: "monitor of a dead pid")
end
ref3 = Process.monitor(:r32_nobody)
receive do
  {:DOWN, ^ref3, :process, who, r} -> IO.inspect({who, r}, label: "monitor of an unknown name")
end
