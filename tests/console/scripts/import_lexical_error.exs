defmodule A do
  def run do
    import :timer, only: [sleep: 1]
    sleep(1)
  end
  def later, do: sleep(1)
end
