import IEx.Helpers

r1 =
  receive do
    x -> x
  after
    0 -> :empty
  end
IO.inspect(r1)
send(self(), :queued)
r2 =
  receive do
    x -> x
  after
    0 -> :empty
  end
IO.inspect(r2)
