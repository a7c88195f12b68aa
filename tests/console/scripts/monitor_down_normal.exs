pid =
  spawn(fn ->
    receive do
      :go -> :ok
    end
  end)
ref = Process.monitor(pid)
IO.inspect(is_reference(ref))
send(pid, :go)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason)
end
