defmodule KV do
  def loop(state) do
    receive do
      {:put, k, v} -> loop(Map.put(state, k, v))
      {:get, k, from} ->
        send(from, {:value, Map.get(state, k)})
        loop(state)
      {:dump, from} ->
        send(from, {:state, state})
        loop(state)
    end
  end
end

kv = spawn(fn -> KV.loop(%{}) end)
send(kv, {:put, :a, 1})
send(kv, {:put, :b, 2})
send(kv, {:put, :a, 3})
send(kv, {:get, :a, self()})
receive do
  {:value, v} -> IO.inspect(v, label: "a")
end
send(kv, {:get, :zzz, self()})
receive do
  {:value, v} -> IO.inspect(v, label: "zzz")
end
send(kv, {:dump, self()})
receive do
  {:state, s} -> IO.inspect(s)
end
Process.exit(kv, :kill)
