IO.inspect(Process.put(:color, :blue))
IO.inspect(Process.put(:color, :red))
IO.inspect(Process.get(:color))
IO.inspect(Process.get(:missing))
