defmodule Counter do
  use GenServer
  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)
  def init(n), do: {:ok, n}
  def handle_call(:get, _f, n), do: {:reply, n, n}
  def handle_cast(:boom, _n), do: raise("kaboom")
end
{:ok, _sup} = Supervisor.start_link([{Counter, 5}], strategy: :one_for_one)
IO.inspect(GenServer.call(Counter, :get))
GenServer.cast(Counter, :boom)
Process.sleep(100)
IO.inspect(GenServer.call(Counter, :get))
t = Task.async(fn -> raise "task failed" end)
Task.await(t)
