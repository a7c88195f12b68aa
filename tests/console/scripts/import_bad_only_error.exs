IO.puts "never"
import :timer, only: [sleep: "x"]
