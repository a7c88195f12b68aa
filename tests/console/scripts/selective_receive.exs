send(self(), {:b, 2})
send(self(), {:a, 1})
send(self(), {:c, 3})
receive do
  {:a, v} -> IO.puts("first a: #{v}")
end
receive do
  msg -> IO.inspect(msg, label: "then")
end
receive do
  msg -> IO.inspect(msg, label: "last")
end
