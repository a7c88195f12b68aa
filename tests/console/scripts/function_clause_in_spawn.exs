defmodule Only do
  def positive(n) when n > 0, do: n
end

{_pid, ref} = spawn_monitor(fn -> Only.positive(-1) end)
receive do
  {:DOWN, ^ref, :process, _, _} -> :ok
end
Process.sleep(100)
IO.puts("the process died with a function clause error")
