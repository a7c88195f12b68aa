try do
  send(:nobody, :hello)
rescue
  e in ArgumentError -> IO.write("ArgumentError: " <> e.message)
end
IO.puts("still running")
