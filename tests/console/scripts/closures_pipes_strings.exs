add = fn a -> fn b -> a + b end end
add5 = add.(5)
IO.inspect(add5.(10))
words = ["links", "monitors", "traps"]
words
|> Enum.with_index()
|> Enum.each(fn {w, i} -> IO.puts("#{i + 1}. #{w} (#{String.length(w)})") end)
sum = [1, 2, 3, 4] |> Enum.map(&(&1 * &1)) |> Enum.sum()
IO.puts("sum of squares: #{sum}")
IO.inspect(Enum.filter(1..10, fn x -> rem(x, 3) == 0 end))
IO.inspect({:ok, [a: 1, b: "two"], %{"k" => :v}})
IO.inspect(div(17, 5) + rem(17, 5) * 10 / 4)
