# Scenario: link-vs-monitor
# One parent links its three children, another monitors its three. Killing each parent shows the
# difference: linked children die with their parent, monitored children live on (a monitor is
# one-way: only the watcher hears about the target).
# Try: make the linking parent's children trap exits.
caller = self()

start_parent = fn how ->
  spawn(fn ->
    children =
      for _ <- 1..3 do
        child = fn ->
          receive do
            :never -> :ok
          end
        end

        case how do
          :link -> spawn_link(child)
          :monitor -> spawn_monitor(child) |> elem(0)
        end
      end

    send(caller, {how, self(), children})

    receive do
      :never -> :ok
    end
  end)
end

start_parent.(:link)
start_parent.(:monitor)

{linker, linked} =
  receive do
    {:link, p, cs} -> {p, cs}
  end

{monitorer, monitored} =
  receive do
    {:monitor, p, cs} -> {p, cs}
  end

Process.exit(linker, :kill)
Process.exit(monitorer, :kill)
Process.sleep(100)
IO.inspect(Enum.map(linked, &Process.alive?/1), label: "linked children alive")
IO.inspect(Enum.map(monitored, &Process.alive?/1), label: "monitored children alive")
