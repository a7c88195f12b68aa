IO.puts("before")
IO.inspect(%Point{x: 1})
