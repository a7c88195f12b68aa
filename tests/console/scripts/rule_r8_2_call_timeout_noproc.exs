# R8.2 GenServer.call timeout exits the caller with {:timeout, {GenServer, :call, [server, request, timeout]}};
# calling a dead or unknown server exits with {:noproc, ...}
defmodule Mute do
  use GenServer
  @impl true
  def init(s), do: {:ok, s}
  @impl true
  def handle_call(_req, _from, s), do: {:noreply, s}
end
{:ok, server} = GenServer.start(Mute, nil)
{_, ref} = spawn_monitor(fn -> GenServer.call(server, :hello, 100) end)
receive do
  {:DOWN, ^ref, :process, _, {:timeout, {mod, fun, [s, req, t]}}} ->
    IO.inspect({:timeout, {mod, fun, [s == server, req, t]}}, label: "timeout")
end
dead = spawn(fn -> :ok end)
dref = Process.monitor(dead)
receive do
  {:DOWN, ^dref, :process, _, _} -> :ok
end
{_, ref} = spawn_monitor(fn -> GenServer.call(dead, :hello) end)
receive do
  {:DOWN, ^ref, :process, _, {:noproc, {mod, fun, [s, req, t]}}} ->
    IO.inspect({:noproc, {mod, fun, [s == dead, req, t]}}, label: "dead server")
end
{_, ref} = spawn_monitor(fn -> GenServer.call(:r82_nobody, :hello) end)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "unknown name")
end
