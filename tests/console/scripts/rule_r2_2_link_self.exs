# R2.2 Process.link(self()) does nothing and returns true
# (in a fresh process: the script's own process has links of its own on the BEAM)
{pid, ref} =
  spawn_monitor(fn ->
    IO.inspect(Process.link(self()), label: "Process.link(self())")
    IO.inspect(Process.info(self(), :links), label: "links")
  end)
receive do
  {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "ended")
end
IO.inspect(is_pid(pid))
