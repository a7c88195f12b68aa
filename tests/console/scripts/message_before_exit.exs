Process.flag(:trap_exit, true)
parent = self()
pid =
  spawn_link(fn ->
    send(parent, :last_words)
    exit(:gone)
  end)
Process.sleep(50)
receive do
  first -> IO.inspect(first, label: "first")
end
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "then EXIT")
end
