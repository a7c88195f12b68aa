# R8.4 Agent is a GenServer holding a value: get, update, get_and_update, stop
{:ok, agent} = Agent.start_link(fn -> [1] end)
IO.inspect(Agent.get(agent, fn s -> s end), label: "get")
IO.inspect(Agent.update(agent, fn s -> [2 | s] end), label: "update")
IO.inspect(Agent.get_and_update(agent, fn s -> {length(s), [3 | s]} end), label: "get_and_update")
IO.inspect(Agent.get(agent, & &1), label: "get")
IO.inspect(Agent.stop(agent), label: "stop")
IO.inspect(Process.alive?(agent), label: "alive")
