# Programming Elixir, "When Processes Die": Link2, the linked exit takes the script down.
defmodule Link2 do
  import :timer, only: [ sleep: 1 ]

  def sad_function do
    sleep 50
    exit(:boom)
  end
  def run do
    spawn_link(Link2, :sad_function, [])
    receive do
      msg ->
        IO.puts "MESSAGE RECEIVED: #{inspect msg}"
    after 1000 ->
        IO.puts "Nothing happened as far as I am concerned"
    end
  end
end

Link2.run
