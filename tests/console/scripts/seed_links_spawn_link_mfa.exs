# "Elixir Processes: Linking and Monitoring": spawn_link/3 with a module, the same ending.
defmodule Crashy do
  def run do
    receive do
      :crash -> 1 / 0
    end
  end
end

pid = spawn_link(Crashy, :run, [])
IO.inspect(Process.alive?(pid))
send pid, :crash
Process.sleep(100)
IO.puts("not reached")
