pid =
  spawn(fn ->
    receive do
      :crash -> exit(:crashed)
    end
  end)
Process.link(pid)
IO.inspect(Process.unlink(pid), label: "unlink")
IO.inspect(Process.unlink(pid), label: "unlink again")
send(pid, :crash)
Process.sleep(50)
IO.puts("still alive after the unlinked process crashed")
