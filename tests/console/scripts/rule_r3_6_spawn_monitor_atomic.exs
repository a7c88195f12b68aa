# R3.6 spawn_monitor returns {pid, ref} and monitors atomically
Enum.each(1..3, fn i ->
  {pid, ref} = spawn_monitor(fn -> exit({:quick, i}) end)
  IO.inspect({is_pid(pid), is_reference(ref)})
  receive do
    {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "DOWN")
  end
end)
