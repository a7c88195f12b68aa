# Timers: Process.send_after, :erlang.send_after / start_timer, cancel_timer, read_timer.
Process.send_after(self(), :later, 30)
ref = :erlang.send_after(10, self(), :tick)
IO.inspect is_reference(ref)
receive do
  msg -> IO.inspect msg
end
receive do
  msg -> IO.inspect msg
end
t = Process.send_after(self(), :never, 1000)
left = Process.cancel_timer(t)
IO.inspect is_integer(left) and left > 500 and left <= 1000
IO.inspect Process.cancel_timer(t)
receive do
  :never -> IO.puts "fired anyway"
after 50 -> IO.puts "cancelled"
end
r = :erlang.start_timer(10, self(), :payload)
receive do
  {:timeout, ^r, :payload} -> IO.puts "start_timer"
end
IO.inspect Process.read_timer(r)
Process.register(self(), :me)
Process.send_after(:me, :by_name, 5)
receive do
  m -> IO.inspect m
end
defmodule Periodic do
  def start do
    spawn(fn ->
      schedule()
      loop(0)
    end)
  end
  defp schedule, do: Process.send_after(self(), :work, 5)
  defp loop(3) do
    send(:me, :done)
  end
  defp loop(n) do
    receive do
      :work ->
        send(:me, {:worked, n})
        schedule()
        loop(n + 1)
    end
  end
end
Periodic.start()
for _ <- 1..4 do
  receive do
    m -> IO.inspect m
  end
end
