# R3.1 Process.monitor returns a new reference; the watcher receives {:DOWN, ref, :process, pid, reason}
pid =
  spawn(fn ->
    receive do
      :go -> exit(:bye)
    end
  end)
ref = Process.monitor(pid)
IO.inspect(is_reference(ref), label: "is_reference")
ref2 = Process.monitor(pid)
IO.inspect(ref != ref2, label: "each call a new reference")
Process.demonitor(ref2)
send(pid, :go)
receive do
  {:DOWN, r, :process, who, reason} -> IO.inspect({:DOWN, r == ref, :process, who == pid, reason}, label: "{:DOWN, ref?, :process, pid?, reason}")
end
