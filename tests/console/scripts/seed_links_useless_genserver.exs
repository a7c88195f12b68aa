# "Elixir Processes: Linking and Monitoring": the world's most useless GenServer takes its
# linked caller with it when it is killed.
defmodule Useless do
  use GenServer

  def start_link(_) do
    GenServer.start_link(__MODULE__, [])
  end

  def init(_), do: {:ok, []}
end

me = self()
IO.inspect(me)
{:ok, pid} = Useless.start_link([])
IO.inspect(Process.info(pid, :links) == {:links, [me]})
Process.exit(pid, :kill)
Process.sleep(100)
IO.puts("not reached: the script died with the GenServer")
