defmodule PingPong do
  def ponger do
    receive do
      {:ping, from, n} ->
        send(from, {:pong, n})
        ponger()

      :stop ->
        IO.puts("ponger stops")
    end
  end

  def ping(_pid, 0), do: :done

  def ping(pid, n) do
    send(pid, {:ping, self(), n})
    receive do
      {:pong, ^n} -> IO.puts("pong #{n}")
    end
    ping(pid, n - 1)
  end
end

p = spawn(PingPong, :ponger, [])
IO.inspect(PingPong.ping(p, 3))
ref = Process.monitor(p)
send(p, :stop)
receive do
  {:DOWN, ^ref, _, _, :normal} -> IO.puts("ponger is down")
end
