dead = spawn(fn -> :ok end)
Process.sleep(20)
try do
  Process.link(dead)
catch
  :error, reason -> IO.inspect(reason, label: "link failed")
end
