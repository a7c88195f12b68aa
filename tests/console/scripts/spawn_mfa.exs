defmodule Greeter do
  def greet(parent, name, times) do
    Enum.each(1..times, fn i -> send(parent, {:greeting, i, "hello #{name}"}) end)
  end
end

spawn(Greeter, :greet, [self(), "world", 3])
for _ <- 1..3 do
  receive do
    {:greeting, i, text} -> IO.puts("#{i}: #{text}")
  end
end
