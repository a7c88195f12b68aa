# R2.1 links are bidirectional, at most one per pair, linking again is a no-op, either side may unlink
# (run in a fresh process "us": the script's own process has links of its own on the BEAM)
defmodule Peer do
  def loop do
    receive do
      {:link, from} ->
        Process.link(from)
        send(from, :linked)
        loop()
      {:unlink, from} ->
        Process.unlink(from)
        send(from, :unlinked)
        loop()
      :die ->
        exit(:died)
    end
  end

  def us do
    Process.flag(:trap_exit, true)
    me = self()
    child = spawn(&Peer.loop/0)
    send(child, {:link, self()})
    receive do
      :linked -> :ok
    end
    IO.inspect(Process.info(self(), :links) == {:links, [child]}, label: "child linked to us: we see the link")
    IO.inspect(Process.link(child), label: "link again")
    IO.inspect(Process.link(child), label: "and again")
    {:links, mine} = Process.info(self(), :links)
    IO.inspect(length(mine), label: "links of ours")
    IO.inspect(Process.info(child, :links) == {:links, [me]}, label: "child has one link to us")
    send(child, {:unlink, self()})
    receive do
      :unlinked -> :ok
    end
    IO.inspect(Process.info(self(), :links), label: "after the child unlinked")
    Process.link(child)
    send(child, :die)
    receive do
      {:EXIT, ^child, r} -> IO.inspect(r, label: "linked again, child's end reaches us")
    end
  end
end
{_, ref} = spawn_monitor(&Peer.us/0)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "us ended")
end
