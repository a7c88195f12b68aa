Process.flag(:trap_exit, true)
pid = spawn_link(fn -> exit(:kill) end)
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "exit(:kill) gives")
end
pid2 =
  spawn_link(fn ->
    receive do
      :never -> :ok
    end
  end)
Process.exit(pid2, :kill)
receive do
  {:EXIT, ^pid2, reason} -> IO.inspect(reason, label: "Process.exit(pid, :kill) gives")
end
