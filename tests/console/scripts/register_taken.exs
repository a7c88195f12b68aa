Process.register(self(), :me)
other =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
try do
  Process.register(other, :me)
rescue
  e in ArgumentError -> IO.puts("ArgumentError: " <> e.message)
end
IO.inspect(Process.unregister(:me))
IO.inspect(Process.whereis(:me))
send(other, :stop)
