# R7.8 DynamicSupervisor: :max_children makes start_child return {:error, :max_children}
{:ok, dsup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_children: 2)
spec = %{id: :ag, start: {Agent, :start_link, [fn -> 0 end]}}
{:ok, a1} = DynamicSupervisor.start_child(dsup, spec)
{:ok, a2} = DynamicSupervisor.start_child(dsup, spec)
IO.inspect(a1 != a2, label: "two children")
IO.inspect(DynamicSupervisor.start_child(dsup, spec), label: "third")
