# "Мониторинг процессов": Lesson_10.Monitor.run_and_exit(5) and the DOWN messages it leaves.
# The chapter shows only the transcript, not the module's source: this is the smallest module that
# prints what the transcript shows. The spawner reports each start; the middle process is told to
# exit with :some_reason; the others stop after a delay, fixed here (the book's were random) so
# that they stop in the book's order: 4, 1, 5, 2.
defmodule Lesson_10.Monitor do
  @stop_after %{1 => 200, 2 => 400, 4 => 100, 5 => 300}

  def run_and_exit(n) do
    monitors =
      for id <- 1..n do
        {pid, ref} = spawn_monitor(fn -> worker(id) end)
        IO.puts("Process id:#{id} pid:#{inspect(pid)} started")
        {pid, ref}
      end

    {pid, _ref} = Enum.at(monitors, div(n, 2))
    send(pid, {:exit, self()})
    receive do
      :exiting -> monitors
    end
  end

  defp worker(id) do
    receive do
      {:exit, from} ->
        IO.puts("Process id:#{id} exits")
        send(from, :exiting)
        exit(:some_reason)
    after
      Map.get(@stop_after, id, :infinity) ->
        IO.puts("Process id:#{id} pid:#{inspect(self())} stopped")
    end
  end
end

alias Lesson_10.Monitor, as: M
IO.inspect(M.run_and_exit(5))
Process.sleep(600)

# What iex's flush() shows: the five DOWN messages in the order they came.
# (IO.puts(inspect(...)): a real reference is long enough for IO.inspect to break the line)
for _ <- 1..5 do
  receive do
    msg -> IO.puts(inspect(msg))
  end
end
