pid = spawn(fn -> :ok end)
Process.sleep(20)
ref = Process.monitor(pid)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason)
end
