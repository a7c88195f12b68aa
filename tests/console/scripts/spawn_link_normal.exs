import IEx.Helpers

pid = spawn_link(fn -> :ok end)
Process.sleep(50)
IO.inspect(Process.alive?(pid))
IO.puts("the parent survives a normal exit of a linked process")
flush()
