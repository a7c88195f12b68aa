IO.puts("exiting")
exit(:shutdown_now)
