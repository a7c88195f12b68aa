# Processes notes, "Spawn": spawn/1, spawn/3 and spawn_link/1.
# The notes call a loop/2 "defined up there" that they do not show: here loop(to, from) adds the
# numbers from..to and sends the sum to the process given.
defmodule Notes do
  def loop(to, from), do: loop(to, from, 0)

  defp loop(to, from, acc) when from > to, do: acc
  defp loop(to, from, acc), do: loop(to, from + 1, acc + from)

  def report(parent, to, from), do: send(parent, {:sum, from, to, loop(to, from)})

  def run do
    parent = self()
    spawn(fn() -> send(parent, {:sum, 1, 50, loop(50, 1)}) end) # loop defined up there
    spawn(fn() -> send(parent, {:sum, 50, 100, loop(100, 50)}) end)
    spawn(Notes, :report, [parent, 10, 1]) # spawn(MODULE_NAME, FUNCTION_NAME, [ARGS])

    for {from, to} <- [{1, 50}, {50, 100}, {1, 10}] do
      receive do
        {:sum, ^from, ^to, sum} -> IO.puts("#{from}..#{to}: #{sum}")
      end
    end
  end
end

Notes.run

pid = spawn_link(fn() -> :ok end)
IO.inspect(is_pid(pid))
Process.sleep(50)
IO.inspect(Process.alive?(pid))
IO.puts("a process that ends normally does not take the linked caller with it")
