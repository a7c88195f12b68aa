# Scenario: mailbox-flood
# A producer sends 2000 messages at once to a consumer that needs a millisecond for each, so the
# consumer's mailbox grows far faster than it drains.
# Try: make the consumer faster, or send fewer messages, and watch the badge on its node.
consumer =
  spawn(fn ->
    consume = fn consume, handled ->
      receive do
        {:item, _} ->
          Process.sleep(1)
          consume.(consume, handled + 1)
      end
    end

    consume.(consume, 0)
  end)

producer = spawn(fn -> Enum.each(1..2000, fn i -> send(consumer, {:item, i}) end) end)
Process.sleep(50)
{:message_queue_len, queued} = Process.info(consumer, :message_queue_len)
IO.inspect(Process.alive?(producer), label: "producer still running")
IO.inspect(queued > 1000, label: "consumer's mailbox holds more than 1000 messages")
