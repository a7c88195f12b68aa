# Processes notes, "Process Investigate", exactly as written: the notes bind pid but ask about p.
pid = Process.list |> Enum.random
Process.info(p)
Process.alive?(p)
