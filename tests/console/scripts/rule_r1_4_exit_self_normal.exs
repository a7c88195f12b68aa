# R1.4 Process.exit(self(), :normal): a non-trapping caller ends with :normal, a trapping one gets a message
parent = self()
{pid, ref} =
  spawn_monitor(fn ->
    Process.exit(self(), :normal)
    receive do
      :never -> :ok
    end
  end)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "non-trapping caller ended with")
end
{pid2, ref2} =
  spawn_monitor(fn ->
    Process.flag(:trap_exit, true)
    Process.exit(self(), :normal)
    receive do
      {:EXIT, from, r} -> send(parent, {:got, from == self(), r})
    end
    send(parent, :went_on)
  end)
receive do
  {:got, from_self, r} -> IO.inspect({from_self, r}, label: "trapping caller received EXIT from self")
end
receive do
  :went_on -> IO.puts("trapping caller went on")
end
receive do
  {:DOWN, ^ref2, :process, _, r} -> IO.inspect(r, label: "and later returned with")
end
