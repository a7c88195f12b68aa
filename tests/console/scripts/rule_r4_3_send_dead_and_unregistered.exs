# R4.3 sending to an ended pid succeeds silently; sending to an unregistered name fails with badarg
dead = spawn(fn -> :ok end)
ref = Process.monitor(dead)
receive do
  {:DOWN, ^ref, :process, _, _} -> :ok
end
IO.inspect(send(dead, :hello), label: "send to an ended pid returns")
try do
  send(:r43_nobody, :hello)
  IO.puts("sent?")
rescue
  e in ArgumentError -> IO.write("send to an unregistered name: ArgumentError: " <> e.message)
end
