IO.puts("start")
spawn_link(fn -> exit(:boom) end)
Process.sleep(200)
IO.puts("not reached")
