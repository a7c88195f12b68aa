import IEx.Helpers

send(self(), :one)
send(self(), {:two, 2})
send(self(), "three")
flush()
IO.inspect(flush())
