# Processes notes, "Message Passing": a message to oneself, receive with after.
send(self(), {:french, "Bob"})

# Block until a message is received
receive do 
	{:german, name} -> IO.puts "Guten tag #{name}"
	{:french, name} -> IO.puts "Bonjour #{name}"
	after
	500 -> IO.puts "Time up"
end

# Nothing left in the mailbox: the after clause runs.
receive do 
	{:german, name} -> IO.puts "Guten tag #{name}"
	{:french, name} -> IO.puts "Bonjour #{name}"
	after
	500 -> IO.puts "Time up"
end

# A message no clause matches stays in the mailbox.
send(self(), {:spanish, "Bob"})
receive do 
	{:german, name} -> IO.puts "Guten tag #{name}"
	{:french, name} -> IO.puts "Bonjour #{name}"
	after
	100 -> IO.puts "Time up"
end
IO.inspect(Process.info(self(), :messages))
