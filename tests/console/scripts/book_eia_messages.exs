# Elixir in Action, ch. 5 "Concurrency primitives": message passing and asynchronous queries.
send(self(), "a message")
receive do
  message -> IO.inspect(message)
end

send(self(), {:message, 1})
receive do
  {:message, id} ->
    IO.puts("received message #{id}")
end

receive do
  message -> IO.inspect(message)
after
  100 -> IO.puts("message not received")
end

send(self(), {:message, 1})
receive_result =
  receive do
    {:message, x} ->
      x + 2
  end
IO.inspect(receive_result)

run_query =
  fn query_def ->
    Process.sleep(100)
    "#{query_def} result"
  end

IO.inspect(run_query.("query 1"))

async_query =
  fn query_def ->
    caller = self()
    spawn(fn ->
      query_result = run_query.(query_def)
      send(caller, {:query_result, query_result})
    end)
  end

Enum.each(1..5, &async_query.("query #{&1}"))

get_result =
  fn ->
    receive do
      {:query_result, result} -> result
    end
  end

results = Enum.map(1..5, fn _ -> get_result.() end)
IO.inspect(Enum.sort(results))

results =
  1..5
  |> Enum.map(&async_query.("query #{&1}"))
  |> Enum.map(fn _ -> get_result.() end)
IO.inspect(length(results))
