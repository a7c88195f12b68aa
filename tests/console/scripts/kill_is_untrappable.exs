Process.flag(:trap_exit, true)
parent = self()
victim =
  spawn_link(fn ->
    Process.flag(:trap_exit, true)
    send(parent, :ready)
    receive do
      :never -> :ok
    end
  end)
receive do
  :ready -> :ok
end
Process.exit(victim, :kill)
receive do
  {:EXIT, ^victim, reason} -> IO.inspect(reason, label: "links see")
end
