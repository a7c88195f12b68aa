defmodule Chain do
  def start(0, parent) do
    send(parent, {:last, self()})
    wait()
  end

  def start(n, parent) do
    spawn_link(fn -> start(n - 1, parent) end)
    wait()
  end

  defp wait do
    receive do
      :never -> :ok
    end
  end
end

parent = self()
first = spawn(fn -> Chain.start(4, parent) end)
ref = Process.monitor(first)
last =
  receive do
    {:last, pid} -> pid
  end
Process.exit(last, :boom)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "first of the chain died")
end
