# "Elixir Processes: Linking and Monitoring": spawn_monitor/1 and spawn_monitor/3.
# (IO.puts(inspect(...)): a real reference is long enough for IO.inspect to break the line)
{pid, ref} = spawn_monitor(fn -> receive do :crash -> exit :kaboom end end)
IO.inspect(send(pid, :crash))
receive do
  {:DOWN, ^ref, :process, down_pid, reason} = msg ->
    IO.puts(inspect(msg))
    IO.inspect(down_pid == pid)
    IO.inspect(reason)
end

defmodule Crashy do
  def run do
    receive do
      :crash -> exit :kaboom
    end
  end
end

{pid, ref} = spawn_monitor(Crashy, :run, [])
IO.inspect({pid, ref})
IO.inspect(send(pid, :crash))
receive do
  msg -> IO.puts(inspect(msg))
end
IO.inspect(Process.alive?(pid))
