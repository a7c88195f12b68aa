# R8.3 Task.async links and monitors; Task.await exits the caller with the task's reason
# (a {:shutdown, _} reason: the BEAM logs no crash report for it)
parent = self()
task = Task.async(fn ->
  receive do
    :go -> :result
  end
end)
{:links, links} = Process.info(self(), :links)
IO.inspect(task.pid in links, label: "linked")
{:monitors, ms} = Process.info(self(), :monitors)
IO.inspect({:process, task.pid} in ms, label: "monitored")
send(task.pid, :go)
IO.inspect(Task.await(task), label: "await")
{_, ref} =
  spawn_monitor(fn ->
    Process.flag(:trap_exit, true)
    t = Task.async(fn -> exit({:shutdown, :boom}) end)
    Task.await(t)
  end)
receive do
  {:DOWN, ^ref, :process, _, {reason, {mod, fun, [_task, timeout]}}} ->
    IO.inspect({reason, {mod, fun, timeout}}, label: "caller exited with")
end
IO.inspect(is_pid(parent))
