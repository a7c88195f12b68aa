# Elixir's getting started guide, "Processes": spawn, send/receive, links, tasks, state.
import IEx.Helpers

pid = spawn(fn -> 1 + 2 end)
Process.sleep(50)
IO.inspect Process.alive?(pid)
IO.inspect is_pid(self())

send(self(), {:hello, "world"})
IO.inspect(receive do
  {:hello, msg} -> msg
  {:world, _msg} -> "won't match"
end)

IO.inspect(receive do
  {:hello, msg}  -> msg
after
  100 -> "nothing after 100ms"
end)

parent = self()
spawn(fn -> send(parent, {:hello, self()}) end)
IO.puts(receive do
  {:hello, pid} -> "Got hello from #{is_pid(pid)}"
end)

send(self(), :hello)
flush()

spawn(fn -> raise "oops" end)
Process.sleep(50)

{:ok, _} = Task.start(fn -> raise "oops" end)
Process.sleep(50)

defmodule KV do
  def start_link do
    Task.start_link(fn -> loop(%{}) end)
  end

  defp loop(map) do
    receive do
      {:get, key, caller} ->
        send caller, Map.get(map, key)
        loop(map)
      {:put, key, value} ->
        loop(Map.put(map, key, value))
    end
  end
end

{:ok, pid} = KV.start_link()
send(pid, {:get, :hello, self()})
Process.sleep(20)
flush()
send(pid, {:put, :hello, :world})
send(pid, {:get, :hello, self()})
Process.sleep(20)
flush()

Process.register(pid, :kv)
send(:kv, {:get, :hello, self()})
Process.sleep(20)
flush()

{:ok, pid} = Agent.start_link(fn -> %{} end)
Agent.update(pid, fn map -> Map.put(map, :hello, :world) end)
IO.inspect Agent.get(pid, fn map -> Map.get(map, :hello) end)
