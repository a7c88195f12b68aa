parent = self()
a =
  spawn(fn ->
    receive do
      :go -> exit(:boom)
    end
  end)
b =
  spawn(fn ->
    Process.link(a)
    send(parent, :linked)
    receive do
      :never -> :ok
    end
  end)
receive do
  :linked -> :ok
end
ref = Process.monitor(b)
send(a, :go)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "b died with")
end
