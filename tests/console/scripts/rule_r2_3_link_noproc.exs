# R2.3 linking to a process that does not exist: noproc error when not trapping, {:EXIT, pid, :noproc} when trapping
dead = spawn(fn -> :ok end)
ref = Process.monitor(dead)
receive do
  {:DOWN, ^ref, :process, _, _} -> :ok
end
try do
  Process.link(dead)
  IO.puts("linked?")
catch
  :error, reason -> IO.inspect(reason, label: "non-trapping caller: link failed with")
end
Process.flag(:trap_exit, true)
IO.inspect(Process.link(dead), label: "trapping caller: link returns")
receive do
  {:EXIT, ^dead, r} -> IO.inspect(r, label: "and receives EXIT with")
end
