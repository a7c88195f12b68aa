IO.puts("before")
raise "top-level failure"
