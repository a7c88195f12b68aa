parent = self()
b =
  spawn(fn ->
    spawn_link(fn -> :normal_end end)
    Process.sleep(50)
    send(parent, {:still_here, self()})
  end)
receive do
  {:still_here, ^b} -> IO.puts("b survived its linked child ending normally")
end
