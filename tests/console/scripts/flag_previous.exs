IO.inspect(Process.flag(:trap_exit, true))
IO.inspect(Process.flag(:trap_exit, true))
IO.inspect(Process.flag(:trap_exit, false))
IO.inspect(Process.info(self(), :trap_exit))
