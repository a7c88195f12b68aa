IO.puts("ending early")
exit(:normal)
IO.puts("not reached")
