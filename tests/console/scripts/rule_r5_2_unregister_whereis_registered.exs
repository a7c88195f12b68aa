# R5.2 unregister of an unknown name fails with badarg; whereis returns the pid or nil; registered lists names
try do
  Process.unregister(:r52_unknown)
rescue
  e in ArgumentError -> IO.inspect(e.__struct__, label: "unregister of an unknown name")
end
Process.register(self(), :r52_me)
IO.inspect(Process.whereis(:r52_me) == self(), label: "whereis the name")
IO.inspect(Process.whereis(:r52_nobody), label: "whereis an unknown name")
IO.inspect(:r52_me in Process.registered(), label: "name in registered()")
IO.inspect(Process.unregister(:r52_me), label: "unregister")
IO.inspect(Process.whereis(:r52_me), label: "whereis after unregister")
IO.inspect(:r52_me in Process.registered(), label: "name in registered() after")
