import :timer, only: [sleep: 1], except: [tc: 1]
IO.puts :ok
