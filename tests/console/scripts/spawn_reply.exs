import IEx.Helpers

parent = self()
pid = spawn(fn -> send(parent, {:hello, self()}) end)
receive do
  {:hello, ^pid} -> IO.puts("got hello from the child")
end
IO.inspect(is_pid(pid))
