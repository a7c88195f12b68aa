parent = self()
middle =
  spawn(fn ->
    spawn_link(fn ->
      receive do
        :crash -> exit(:crashed)
      end
    end)
    |> then(fn child -> send(parent, {:child, child}) end)
    receive do
      :never -> :ok
    end
  end)
ref = Process.monitor(middle)
child =
  receive do
    {:child, c} -> c
  end
send(child, :crash)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "middle died")
end
