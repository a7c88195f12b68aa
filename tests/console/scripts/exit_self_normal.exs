{pid, ref} =
  spawn_monitor(fn ->
    Process.exit(self(), :normal)
    IO.puts("never printed")
  end)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "DOWN")
end
{pid2, ref2} =
  spawn_monitor(fn ->
    Process.flag(:trap_exit, true)
    Process.exit(self(), :normal)
    receive do
      {:EXIT, _, r} -> IO.inspect(r, label: "trapper got EXIT")
    end
  end)
receive do
  {:DOWN, ^ref2, :process, _, reason} -> IO.inspect(reason, label: "DOWN 2")
end
