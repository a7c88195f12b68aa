# Programming Elixir, "Processes Are Cheap": the Chain of processes, timed with :timer.tc.
defmodule Chain do
  def counter(next_pid) do
    receive do
      n ->
        send next_pid, n + 1
    end
  end

  def create_processes(n) do
    code_to_run = fn (_,send_to) ->
      spawn(Chain, :counter, [send_to])
    end

    last = Enum.reduce(1..n, self(), code_to_run)

    send(last, 0) # start the count by sending a zero to the last process

    receive do # and wait for the result to come back to us
      final_answer when is_integer(final_answer) ->
        "Result is #{inspect(final_answer)}"
    end
  end

  def run(n) do
    {time, result} = :timer.tc(Chain, :create_processes, [n])
    IO.puts result
    IO.puts is_integer(time) and time >= 0
  end
end

Chain.run(10)
Chain.run(1000)
{t, r} = :timer.tc(fn -> :done end)
IO.inspect {is_integer(t), r}
{_, r} = :timer.tc(fn a, b -> a + b end, [1, 2])
IO.inspect r
IO.inspect :timer.tc(fn () -> :x end) |> elem(1)
t = {:a, :b, :c}
IO.inspect {elem(t, 1), put_elem(t, 1, :z), tuple_size(t)}
