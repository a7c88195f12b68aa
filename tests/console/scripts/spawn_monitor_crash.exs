{pid, ref} = spawn_monitor(fn -> exit(:oops) end)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "spawn_monitor DOWN")
end
