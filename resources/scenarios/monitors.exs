# Scenario: monitors
# Five workers under one watcher's monitors. Worker 3 exits with :some_reason, the others with
# :normal; the watcher ends with five DOWN messages in its mailbox, one per monitor.
# Try: change the reasons, monitor a worker twice, or demonitor one before it ends.
caller = self()

watcher =
  spawn(fn ->
    workers =
      for i <- 1..5 do
        spawn(fn ->
          receive do
            :go -> if i == 3, do: exit(:some_reason), else: :ok
          end
        end)
      end

    for w <- workers, do: Process.monitor(w)
    send(caller, {:workers, workers})

    receive do
      :never -> :ok
    end
  end)

workers =
  receive do
    {:workers, ws} -> ws
  end

Enum.each(workers, fn w ->
  send(w, :go)
  Process.sleep(10)
end)

Process.sleep(50)
{:messages, downs} = Process.info(watcher, :messages)
IO.puts("the watcher has #{length(downs)} DOWN messages:")
Enum.each(downs, fn {:DOWN, _ref, :process, _pid, reason} -> IO.inspect(reason) end)
