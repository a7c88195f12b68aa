# lib/monitor.exs for monitors_ru_run_and_exit.iex ("Мониторинг процессов": c "lib/monitor.exs").
# The chapter shows only the transcript, not the module's source: this is the smallest module that
# prints what the transcript shows (the same as scripts/seed_monitors_ru_run_and_exit.exs). The
# spawner reports each start; the middle process is told to exit with :some_reason; the others stop
# after a delay, fixed here (the book's were random) so that they stop in the book's order: 4, 1, 5, 2.
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
