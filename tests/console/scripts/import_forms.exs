# import: only/except, lexical scope (module body, function body), user modules, captures.
defmodule Greeter do
  def hello(name), do: "hello #{name}"
  def bye(name), do: "bye #{name}"
  defp secret, do: :secret
  def reveal, do: secret()
end

defmodule UsesImports do
  import Greeter, only: [hello: 1]

  def greet(name), do: hello(name)

  def farewell(name) do
    import Greeter
    bye(name)
  end

  def timed do
    import :timer, except: [tc: 1, tc: 2]
    sleep(1)
    {_, r} = tc(Greeter, :hello, ["tc"])
    r
  end

  def capture, do: &hello/1
end

IO.puts UsesImports.greet("a")
IO.puts UsesImports.farewell("b")
IO.puts UsesImports.timed()
IO.puts UsesImports.capture().("c")
IO.inspect UsesImports.capture()

import :timer, only: [sleep: 1]
IO.inspect(sleep 1)
IO.inspect Enum.map([1, 2], &sleep/1)

f = fn () -> :no_args end
g = fn (a, b) -> a + b end
h = fn
  (0) -> :zero
  (n) when n > 0 -> :pos
  (_) -> :neg
end
IO.inspect {f.(), g.(1, 2), h.(0), h.(5), h.(-5)}
IO.inspect Enum.reduce([1, 2, 3], 0, fn (x, acc) -> x + acc end)
