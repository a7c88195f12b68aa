IO.inspect(Process.link(self()))
IO.inspect(Process.info(self(), :links) |> elem(1) |> Enum.member?(self()))
