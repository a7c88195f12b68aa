IO.puts "never"
import NoSuchModule
