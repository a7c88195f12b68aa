# R8.1 GenServer.start_link links caller and server and returns after init/1
defmodule Slow do
  use GenServer
  @impl true
  def init(parent) do
    send(parent, :in_init)
    Process.sleep(50)
    {:ok, :initialised}
  end
  @impl true
  def handle_call(:state, _from, s), do: {:reply, s, s}
end
{:ok, pid} = GenServer.start_link(Slow, self())
receive do
  m -> IO.inspect(m, label: "already in the mailbox when start_link returned")
after
  0 -> IO.puts("init had not run")
end
IO.inspect(GenServer.call(pid, :state), label: "state")
{:links, links} = Process.info(self(), :links)
IO.inspect(pid in links, label: "caller linked to server")
{:links, slinks} = Process.info(pid, :links)
IO.inspect(self() in slinks, label: "server linked to caller")
