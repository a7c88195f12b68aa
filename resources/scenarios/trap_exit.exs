# Scenario: trap-exit
# A process that traps exits spawn_links a child that exits with :kaboom. The parent survives and
# finds {:EXIT, child, :kaboom} in its mailbox instead of dying with it.
# Try: remove the Process.flag call and watch the parent die with :kaboom too.
caller = self()

parent =
  spawn(fn ->
    Process.flag(:trap_exit, true)

    child =
      spawn_link(fn ->
        receive do
          :go -> exit(:kaboom)
        end
      end)

    send(caller, {:child, child})

    receive do
      :never -> :ok
    end
  end)

child =
  receive do
    {:child, c} -> c
  end

send(child, :go)
Process.sleep(50)
IO.inspect(Process.alive?(child), label: "child alive")
IO.inspect(Process.alive?(parent), label: "parent alive")
{:messages, [{:EXIT, from, reason}]} = Process.info(parent, :messages)
IO.inspect({from == child, reason}, label: "parent's mailbox")
