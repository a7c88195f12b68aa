# Logger reports of tasks and GenServers that crash (stack lines are not compared).
Task.start(fn -> raise ArgumentError, "bad" end)
Process.sleep(100)

defmodule Srv do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(:crash, _from, s), do: {:reply, 1 + s, s}
  def handle_call(:exit, _from, _s), do: exit(:myexit)
  def handle_cast(:stop, s), do: {:stop, :oops, s}
  def handle_info(:boom, _s), do: raise("info boom")
end

{:ok, p} = GenServer.start(Srv, :notanumber)
r = try do
  GenServer.call(p, :crash)
catch
  :exit, {reason, _} -> {:caught, elem(reason, 0)}
end
Process.sleep(100)
IO.inspect(r)

{:ok, p} = GenServer.start(Srv, 0)
GenServer.cast(p, :stop)
Process.sleep(100)

{:ok, p} = GenServer.start(Srv, %{a: 1})
send(p, :boom)
Process.sleep(100)

{:ok, p} = GenServer.start(Srv, 1)
GenServer.stop(p, :bad)
Process.sleep(100)

{:ok, p} = GenServer.start(Srv, 2)
try do GenServer.call(p, :exit) catch :exit, _ -> :ok end
Process.sleep(100)

{:ok, p} = GenServer.start(Srv, 3)
try do GenServer.call(p, :nope) catch :exit, _ -> :ok end
Process.sleep(100)

{:ok, a} = Agent.start(fn -> 0 end)
try do Agent.update(a, fn _ -> raise "agent boom" end) catch :exit, _ -> :ok end
Process.sleep(100)

# Normal and shutdown ends are not reported.
{:ok, p} = GenServer.start(Srv, 4)
GenServer.stop(p, :normal)
{:ok, p} = GenServer.start(Srv, 5)
GenServer.stop(p, {:shutdown, :done})
Task.start(fn -> exit(:shutdown) end)
Process.sleep(100)

Process.flag(:trap_exit, true)
t = Task.async(fn -> exit(:reason) end)
receive do
  {:EXIT, pid, reason} -> IO.inspect({pid == t.pid, reason})
end
Process.sleep(100)
{:ok, _} = Task.start(fn -> 1 = 2 end)
Process.sleep(100)
IO.puts("end")
