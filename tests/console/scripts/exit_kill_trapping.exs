pid =
  spawn(fn ->
    Process.flag(:trap_exit, true)
    receive do
      :never -> :ok
    end
  end)
ref = Process.monitor(pid)
Process.sleep(20)
Process.exit(pid, :kill)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason)
end
