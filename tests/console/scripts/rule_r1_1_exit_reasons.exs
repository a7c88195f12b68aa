# R1.1 a process that ends sends its exit reason to links (EXIT) and monitors (DOWN)
Process.flag(:trap_exit, true)
a = spawn_link(fn -> :done end)
receive do
  {:EXIT, ^a, r} -> IO.inspect(r, label: "returned, link sees")
end
{b, ref} = spawn_monitor(fn -> :done end)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "returned, monitor sees")
end
c = spawn_link(fn -> exit(:my_reason) end)
receive do
  {:EXIT, ^c, r} -> IO.inspect(r, label: "exit(r), link sees")
end
{d, ref} = spawn_monitor(fn -> exit({:custom, 1}) end)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "exit(r), monitor sees")
end
zero = 0
e = spawn_link(fn -> 1 / zero end)
receive do
  {:EXIT, ^e, {kind, stack}} ->
    Process.sleep(100)
    IO.inspect({kind, is_list(stack)}, label: "raised, link sees")
end
