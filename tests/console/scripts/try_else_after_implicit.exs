r = try do
  {:ok, 5}
rescue
  _ -> :error
else
  {:ok, v} -> v * 2
  other -> other
end
IO.inspect(r)
defmodule Safe do
  def div(a, b) do
    try do
      a / b
    rescue
      ArithmeticError -> :infinity
    end
  end
  def fetch(m, k) do
    Map.fetch!(m, k)
  rescue
    e in KeyError -> {:missing, e.key}
  end
  def run(f) do
    f.()
  catch
    :exit, reason -> {:exited, reason}
    :throw, v -> {:thrown, v}
  after
    IO.puts("cleanup")
  end
end
IO.inspect(Safe.div(1, 0))
IO.inspect(Safe.fetch(%{a: 1}, :b))
IO.inspect(Safe.run(fn -> exit(:bye) end))
IO.inspect(Safe.run(fn -> throw(:ball) end))
x = try do
  raise ArgumentError
rescue
  e in [ArgumentError, RuntimeError] -> e
end
IO.inspect(x)
r2 = try do
  :ok
after
  :ignored
end
IO.inspect(r2)
IO.inspect(try do
  raise "x"
rescue
  e -> e
after
  IO.puts("after")
end)
