parent = self()
pid =
  spawn(fn ->
    Process.flag(:trap_exit, true)
    send(parent, :ready)
    receive do
      msg -> send(parent, {:got, msg})
    end
  end)
receive do
  :ready -> :ok
end
Process.exit(pid, :normal)
receive do
  {:got, {:EXIT, from, reason}} -> IO.inspect({from == self(), reason})
end
