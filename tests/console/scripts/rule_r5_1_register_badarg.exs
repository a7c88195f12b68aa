# R5.1 Process.register fails when the name is taken, the process already has a name,
# the process is not alive, or the name is nil/:undefined
defmodule R do
  def try_register(pid, name, label) do
    try do
      IO.inspect(Process.register(pid, name), label: label)
    rescue
      e -> IO.inspect(e.__struct__, label: label)
    end
  end
end
other =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
dead = spawn(fn -> :ok end)
ref = Process.monitor(dead)
receive do
  {:DOWN, ^ref, :process, _, _} -> :ok
end
R.try_register(self(), :r51_a, "first registration")
R.try_register(other, :r51_a, "name taken")
R.try_register(self(), :r51_b, "process already named")
R.try_register(dead, :r51_c, "process not alive")
R.try_register(other, nil, "name nil")
R.try_register(other, :undefined, "name :undefined")
R.try_register(other, :r51_c, "a free name for other")
send(other, :stop)
