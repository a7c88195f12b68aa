# An uncaught arithmetic error at the top level: elixir names the call that failed (the "blame").
# Caught, the exception's message has no blame; in a spawned process the report has none either.
try do
  1 + :a
rescue
  e -> IO.inspect(e)
end
spawn(fn -> x = :b; 2 * x end)
Process.sleep(50)
n = 0
IO.puts(div(10, 3))
IO.puts(div(10, n))
