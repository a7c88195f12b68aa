# R1.1: An error raised by a BIF keeps the raw Erlang reason: catch, EXIT and DOWN see :badarg, while
# rescue sees the ArgumentError that Elixir builds from it.
Logger.configure(level: :none)  # no crash reports: the reasons are what this script shows
defmodule Watch do
  def down(fun) do
    {_pid, ref} = spawn_monitor(fun)
    receive do
      {:DOWN, ^ref, :process, _, {reason, stack}} -> {reason, is_list(stack)}
    end
  end
end

IO.inspect(Watch.down(fn -> send(:nobody_registered, :hi) end), label: "DOWN send")
IO.inspect(Watch.down(fn -> elem({:a}, String.length("abcdef")) end), label: "DOWN elem")
IO.inspect(Watch.down(fn -> String.to_integer("twelve") end), label: "DOWN to_integer")
IO.inspect(Watch.down(fn -> raise ArgumentError, "my own" end), label: "DOWN raise")

Process.flag(:trap_exit, true)
pid = spawn_link(fn -> send(:nobody_registered, :hi) end)
receive do
  {:EXIT, ^pid, {reason, _}} -> IO.inspect(reason, label: "EXIT")
end

caught =
  try do
    send(:nobody_registered, :hi)
  catch
    :error, r -> r
  end
IO.inspect(caught, label: "catch")

try do
  send(:nobody_registered, :hi)
rescue
  e in ArgumentError -> IO.puts("rescue: " <> Exception.message(e))
end
