# A registered name is local to its node: from here it is {name, node}. Messages land in that process's mailbox; a reply comes back by name (R9.1).
{:ok, _} = Node.start(:"main@127.0.0.1", :longnames)
{:ok, peer, b} = :peer.start_link(%{name: :b, host: ~c"127.0.0.1", longnames: true})
keeper = Node.spawn(b, :timer, :sleep, [:infinity])
IO.inspect(:rpc.call(b, :erlang, :register, [:keeper, keeper]))
IO.inspect(:rpc.call(b, :erlang, :whereis, [:keeper]) == keeper)
IO.inspect(Process.whereis(:keeper))
IO.inspect(send({:keeper, b}, :hello))
IO.inspect(send(keeper, :world))
IO.inspect(send({:nobody, b}, :lost))
Process.sleep(100)
IO.inspect(:rpc.call(b, :erlang, :process_info, [keeper, :messages]))
Process.register(self(), :inbox)
Node.spawn(b, :erlang, :send, [{:inbox, node()}, {:reply, b}])
receive do
  msg -> IO.inspect(msg, label: "inbox got")
end
:peer.stop(peer)
