server =
  spawn(fn ->
    receive do
      {:request, from, ref, x} -> send(from, {:reply, ref, x * 2})
    end
  end)
ref = make_ref()
send(self(), {:reply, make_ref(), :stale})
send(server, {:request, self(), ref, 21})
receive do
  {:reply, ^ref, value} -> IO.inspect(value, label: "reply")
end
receive do
  {:reply, _other, v} -> IO.inspect(v, label: "stale message still queued")
end
