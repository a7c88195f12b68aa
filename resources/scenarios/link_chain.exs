# Scenario: link-chain
# A chain of 12 linked processes; member 6 traps exits. Killing the last member takes down 7..11
# one link at a time, and the cascade stops at 6, which gets an {:EXIT, ...} message instead.
# Try: trap in another member, or kill the first member instead of the last.
defmodule Chain do
  def start(i, n, trapper, caller) do
    if i == trapper, do: Process.flag(:trap_exit, true)
    if i < n, do: spawn_link(Chain, :start, [i + 1, n, trapper, caller])
    send(caller, {:member, i, self()})
    loop()
  end

  def loop do
    receive do
      _ -> loop()
    end
  end
end

n = 12
caller = self()
spawn(Chain, :start, [1, n, 6, caller])

members =
  for i <- 1..n do
    receive do
      {:member, ^i, pid} -> pid
    end
  end

Process.exit(List.last(members), :kill)
Process.sleep(100)

members
|> Enum.with_index(1)
|> Enum.each(fn {pid, i} -> IO.puts("member #{i}: #{if Process.alive?(pid), do: "alive", else: "dead"}") end)
