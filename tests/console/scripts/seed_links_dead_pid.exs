# "Elixir Processes: Linking and Monitoring": sending to a pid that does not exist.
# (iex's pid(0, 999, 0) is the :c.pid/3 helper in a script)
pid = :c.pid(0, 999, 0)
IO.inspect(pid)
IO.inspect(Process.info(pid))
IO.inspect(send(pid, :hello))
IO.inspect(Process.alive?(pid))
