# Elixir in Action, ch. 8 "Fault tolerance basics": errors, links, trapping exits, monitors.
try_helper = fn fun ->
  try do
    fun.()
    IO.puts("No error.")
  catch type, value ->
    IO.puts("Error\n  #{inspect(type)}\n  #{inspect(value)}")
  end
end

try_helper.(fn -> raise("Something went wrong") end)
try_helper.(fn -> throw("Thrown value") end)
try_helper.(fn -> exit("I'm exiting") end)
try_helper.(fn -> :erlang.error(:badarg) end)
try_helper.(fn -> 1 + 1 end)

result =
  try do
    throw("Thrown value")
  catch type, value -> {type, value}
  end
IO.inspect(result)

try do
  raise("Something went wrong")
catch
  _, _ -> IO.puts("Error caught")
after
  IO.puts("Cleanup code")
end

spawn(fn ->
  spawn_link(fn ->
    Process.sleep(100)
    IO.puts("Process 2 finished")
  end)

  raise("Something went wrong")
end)
Process.sleep(200)

spawn(fn ->
  Process.flag(:trap_exit, true)

  spawn_link(fn -> exit(:boom) end)

  receive do
    msg -> IO.inspect(msg)
  end
end)
Process.sleep(100)

target_pid = spawn(fn ->
  Process.sleep(100)
end)

Process.monitor(target_pid)

# (IO.puts: a real reference is long enough for IO.inspect to break the line)
receive do
  msg -> IO.puts(inspect(msg))
end
