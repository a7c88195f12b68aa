# Processes notes, "Process Investigate", with the variable the notes meant (pid, not p).
# Only the keys are printed: the values (heap sizes, reductions...) change from run to run, and a
# registered process also has :registered_name.
pid = Process.list |> Enum.random
info = Process.info(pid)
IO.inspect(Keyword.keys(info) -- [:registered_name])
IO.inspect(Process.alive?(pid))

me = Process.info(self())
IO.inspect(Keyword.take(me, [:status, :message_queue_len, :trap_exit, :priority]))
IO.inspect(self() in Process.list)
IO.inspect(Process.info(self(), :status))
