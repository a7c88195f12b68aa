result =
  receive do
    :never -> :got_it
  after
    50 -> :timed_out
  end
IO.inspect(result)
