defmodule Plain do
  def start_link(_), do: :ignore
end
IO.puts("before")
Supervisor.start_link([{Plain, 1}], strategy: :one_for_one)
