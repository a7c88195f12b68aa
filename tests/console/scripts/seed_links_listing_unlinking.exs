# "Elixir Processes: Linking and Monitoring": Process.info(pid, :links) and Process.unlink/1.
# Played in a fresh process, as in the book's console: while elixir runs a script, the script's
# own process is also linked to the compiler's lexical tracker.
parent = self()

spawn(fn ->
  # View the console's current links
  IO.inspect(Process.info(self(), :links))

  # Spawn a process and view the link it creates to the console
  child = spawn_link(fn -> IO.inspect Process.info(self(), :links) end)
  ref = Process.monitor(child)
  receive do
    {:DOWN, ^ref, :process, _, _} -> :ok
  end

  console = self()
  pid = spawn_link(fn -> receive do :crash -> exit :wheres_the_kaboom end end)
  IO.inspect(Process.info(self(), :links))
  IO.inspect(Process.unlink(pid))
  ref = Process.monitor(pid)
  IO.inspect(send(pid, :crash))
  receive do
    {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "the unlinked process died")
  end
  IO.inspect(self() == console, label: "same console")
  IO.inspect(Process.info(self(), :links))
  send(parent, :done)
end)

receive do :done -> :ok end
