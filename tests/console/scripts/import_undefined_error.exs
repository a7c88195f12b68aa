IO.puts "never"
import :timer, only: [nope: 1]
