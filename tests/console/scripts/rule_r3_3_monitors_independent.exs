# R3.3 n monitors on one target give n DOWNs, each with its own reference; a monitor fires once
import IEx.Helpers
pid =
  spawn(fn ->
    receive do
      :go -> exit(:bye)
    end
  end)
refs = Enum.map(1..3, fn _ -> Process.monitor(pid) end)
IO.inspect(length(Enum.uniq(refs)), label: "distinct references")
{:monitors, ms} = Process.info(self(), :monitors)
IO.inspect(length(ms), label: "monitors held")
{:monitored_by, mb} = Process.info(pid, :monitored_by)
IO.inspect(mb == [self(), self(), self()], label: "target monitored_by us three times")
send(pid, :go)
Enum.each(refs, fn ref ->
  receive do
    {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "DOWN")
  end
end)
flush()
IO.inspect(Process.info(self(), :monitors), label: "after firing")
IO.inspect(Process.demonitor(hd(refs), [:info]), label: "demonitor [:info] of a fired monitor")
