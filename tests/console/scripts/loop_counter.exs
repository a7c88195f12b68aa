defmodule Counter do
  def start(initial), do: spawn(fn -> loop(initial) end)

  def loop(count) do
    receive do
      {:inc, n} ->
        loop(count + n)

      {:get, caller} ->
        send(caller, {:count, count})
        loop(count)

      :stop ->
        :ok
    end
  end
end

c = Counter.start(10)
Enum.each(1..5, fn i -> send(c, {:inc, i}) end)
send(c, {:get, self()})
receive do
  {:count, n} -> IO.puts("count = #{n}")
end
send(c, :stop)
