defmodule Sup do
  def start(n) do
    parent = self()
    spawn(fn ->
      Process.flag(:trap_exit, true)
      workers = for i <- 1..n, do: spawn_link(fn -> worker(i) end)
      send(parent, {:workers, workers})
      watch(n)
    end)
  end

  def worker(i) do
    receive do
      :crash -> exit({:crashed, i})
    end
  end

  def watch(0), do: :ok

  def watch(n) do
    receive do
      {:EXIT, _pid, reason} ->
        IO.inspect(reason, label: "supervisor saw")
        watch(n - 1)
    end
  end
end

Sup.start(3)
workers =
  receive do
    {:workers, w} -> w
  end
Enum.each(workers, fn w ->
  send(w, :crash)
  Process.sleep(20)
end)
Process.sleep(50)
