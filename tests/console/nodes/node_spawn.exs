# Node.spawn/4, spawn_link/4 and spawn_monitor/4 run an Erlang function on another node; what it prints comes to our output (R9.1).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true})
printer = Node.spawn(b, :io, :format, ["hello from a process on b~n"])
Process.sleep(100)
IO.inspect(node(printer))
Node.spawn(b, :erlang, :send, [self(), {:hi_from, b}])
receive do
  msg -> IO.inspect(msg)
end
{sleeper, ref} = Node.spawn_monitor(b, :timer, :sleep, [100])
IO.inspect(node(sleeper))
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "sleeper on b ended")
end
Process.flag(:trap_exit, true)
linked = Node.spawn_link(b, :erlang, :exit, [:bye])
receive do
  {:EXIT, ^linked, reason} -> IO.inspect(reason, label: "linked process on b exited")
end
:peer.stop(peer)
