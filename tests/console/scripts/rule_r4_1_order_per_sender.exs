# R4.1 signals from one process to another arrive in the order they were sent
parent = self()
spawn(fn -> Enum.each(1..10, fn i -> send(parent, {:n, i}) end) end)
got =
  Enum.map(1..10, fn _ ->
    receive do
      {:n, i} -> i
    end
  end)
IO.inspect(got, label: "received")
Process.flag(:trap_exit, true)
c =
  spawn(fn ->
    Process.link(parent)
    send(parent, :after_link)
    Process.unlink(parent)
    send(parent, :after_unlink)
    exit(:bye)
  end)
receive do
  :after_link -> :ok
end
receive do
  :after_unlink -> :ok
end
receive do
  {:EXIT, ^c, r} -> IO.inspect(r, label: "unexpected EXIT")
after
  50 -> IO.puts("link, unlink, exit in order: no EXIT")
end
