# Programming Elixir, "When Processes Die": Link1, Link3 and Monitor1 (sleep shortened).
defmodule Link1 do
  import :timer, only: [ sleep: 1 ]

  def sad_function do
    sleep 50
    exit(:boom)
  end
  def run do
    spawn(Link1, :sad_function, [])
    receive do
      msg ->
        IO.puts "MESSAGE RECEIVED: #{inspect msg}"
    after 300 ->
        IO.puts "Nothing happened as far as I am concerned"
    end
  end
end

Link1.run

defmodule Link3 do
  import :timer, only: [ sleep: 1 ]

  def sad_function do
    sleep 50
    exit(:boom)
  end
  def run do
    Process.flag(:trap_exit, true)
    spawn_link(Link3, :sad_function, [])
    receive do
      msg ->
        IO.puts "MESSAGE RECEIVED: #{inspect msg}"
    after 1000 ->
        IO.puts "Nothing happened as far as I am concerned"
    end
  end
end

Link3.run

defmodule Monitor1 do
  import :timer, only: [ sleep: 1 ]

  def sad_function do
    sleep 50
    exit(:boom)
  end
  def run do
    res = spawn_monitor(Monitor1, :sad_function, [])
    IO.puts inspect res
    receive do
      msg ->
        IO.puts "MESSAGE RECEIVED: #{inspect msg}"
    after 1000 ->
        IO.puts "Nothing happened as far as I am concerned"
    end
  end
end

Monitor1.run
