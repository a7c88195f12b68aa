IO.puts("matching")
{:ok, _value} = {:error, :enoent}
IO.puts("not reached")
