check = fn x ->
  cond do
    x < 0 -> "negative"
    x == 0 -> "zero"
    x > 100 -> "large"
    true -> "small"
  end
end
Enum.each([-5, 0, 7, 1000], fn x -> IO.puts("#{x} is #{check.(x)}") end)
result =
  case {:ok, 42} do
    {:error, _} -> :failed
    {:ok, n} when n > 40 -> {:big, n}
    {:ok, n} -> {:small, n}
  end
IO.inspect(result)
if Process.alive?(self()) do
  IO.puts("alive")
else
  IO.puts("dead")
end
unless false, do: IO.puts("unless works")
[h | t] = [1, 2, 3]
IO.inspect({h, t})
%{name: name} = %{name: "ada", age: 36}
IO.puts(name)
x = 1
^x = 1
IO.puts("pin matched")
