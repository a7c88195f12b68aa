# R6.3 :message_queue_len equals the length of :messages
p =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
Enum.each(1..5, fn i -> send(p, {:m, i}) end)
{:message_queue_len, n} = Process.info(p, :message_queue_len)
{:messages, ms} = Process.info(p, :messages)
IO.inspect({n, length(ms)}, label: "message_queue_len and length(messages)")
IO.inspect(ms, label: "messages")
send(self(), :a)
send(self(), :b)
IO.inspect({Process.info(self(), :message_queue_len), Process.info(self(), :messages)}, label: "self")
send(p, :stop)
