# A node name is an atom: given a string, each call fails its own way (Node.disconnect/1 just says false), and an uncaught one ends the script (R9.1).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
name = "b@127.0.0.1"
show = fn call ->
  try do
    IO.inspect(call.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
show.(fn -> Node.disconnect(name) end)
show.(fn -> Node.connect(name) end)
show.(fn -> Node.spawn(name, :timer, :sleep, [100]) end)
show.(fn -> send({:keeper, name}, :hello) end)
Node.ping(name)
IO.puts("not reached")
