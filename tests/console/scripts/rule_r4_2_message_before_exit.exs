# R4.2 a message that A sent before ending reaches B before A's EXIT or DOWN
parent = self()
{a, ref} =
  spawn_monitor(fn ->
    send(parent, :last_words)
    exit(:bye)
  end)
receive do
  m -> IO.inspect(m, label: "first message")
end
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "then DOWN")
end
Process.flag(:trap_exit, true)
b =
  spawn_link(fn ->
    send(parent, :last_words_b)
    exit(:bye_b)
  end)
receive do
  m -> IO.inspect(m, label: "first message")
end
receive do
  {:EXIT, ^b, r} -> IO.inspect(r, label: "then EXIT")
end
