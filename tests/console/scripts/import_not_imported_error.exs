IO.puts "never"
import :timer, only: [sleep: 1]
sleep(1)
tc(fn -> 1 end)
