IO.inspect(match?({:ok, _}, {:ok, 1}))
IO.inspect(match?({:ok, x} when x > 1, {:ok, 1}))
IO.inspect(match?([_ | _], []))
try do raise "boom" rescue e -> IO.inspect(e) end
try do raise ArgumentError, "bad" rescue e in ArgumentError -> IO.inspect(e); IO.puts(e.message); IO.puts(Exception.message(e)) end
try do raise ArgumentError, message: "x" rescue e -> IO.inspect(e) end
try do 1 + String.to_atom("a") rescue e -> IO.inspect(e) end
try do {:a} = {:b} rescue e -> IO.inspect(e) end
try do Map.fetch!(%{a: 1}, :b) rescue e -> IO.inspect(e); IO.puts(Exception.message(e)) end
try do %{a: 1}.b rescue e -> IO.inspect(e) end
try do raise KeyError, key: :k rescue e -> IO.inspect(e); IO.puts(Exception.message(e)) end
try do throw(:t) catch x -> IO.inspect(x) end
try do raise "x" rescue RuntimeError -> IO.puts("rt") end
try do :erlang.error(:foo) rescue e -> IO.inspect(e) end
try do case 1 do 2 -> 2 end rescue e -> IO.inspect(e) end
try do String.to_integer("x") rescue e -> IO.inspect(e) end
try do raise "x" rescue e in [ArgumentError, RuntimeError] -> IO.inspect(e.__struct__) end
IO.inspect(RuntimeError.exception("m"))
try do raise "oops" catch kind, reason -> IO.inspect({kind, reason}) end
IO.inspect(%RuntimeError{message: "lit"})
IO.inspect(%RuntimeError{})
e = %KeyError{key: :a}
IO.inspect(e)
IO.puts(Exception.message(e))
%RuntimeError{message: m} = RuntimeError.exception("hello")
IO.puts(m)
try do
  raise %ArgumentError{message: "struct raised"}
rescue
  e in ArgumentError -> IO.puts("got " <> e.message)
end
IO.inspect(match?(%RuntimeError{}, %{a: 1}))
IO.inspect(%{%RuntimeError{} | message: "upd"})
r = try do
  throw({:found, 42})
catch
  {:found, v} -> v
end
IO.inspect(r)
try do
  raise "with after"
rescue
  e in RuntimeError -> IO.puts("rescued: " <> Exception.message(e))
after
  IO.puts("after ran")
end
IO.inspect(Exception.format(:error, %RuntimeError{message: "f"}))
IO.puts(inspect(%KeyError{key: :a}))
try do
  raise KeyError
rescue
  e -> IO.inspect(e)
end
try do
  1 = 2
rescue
  e -> IO.puts(Exception.message(e))
end
