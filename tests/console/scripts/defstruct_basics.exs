# defstruct: defaults, construction, update, patterns, %__MODULE__{}, struct/2, inspect order.
defmodule TodoList do
  defstruct auto_id: 1, entries: %{}
  def new(), do: %TodoList{}
  def add_entry(todo_list, entry) do
    entry = Map.put(entry, :id, todo_list.auto_id)
    new_entries = Map.put(todo_list.entries, todo_list.auto_id, entry)
    %TodoList{todo_list | entries: new_entries, auto_id: todo_list.auto_id + 1}
  end
end
defmodule User do
  defstruct [:name, :email, age: 0]
  def adult?(%User{age: age}) when age >= 18, do: true
  def adult?(%__MODULE__{}), do: false
  def new(name, age), do: %User{name: name, age: age}
  def blank, do: %__MODULE__{}
  def older(%User{} = u), do: %User{u | age: u.age + 1}
end
defmodule Demo do
  def run do
    t = TodoList.new() |> TodoList.add_entry(%{date: "2018-12-19", title: "Dentist"})
    IO.inspect t
    u = User.new("Ann", 30)
    IO.inspect u
    IO.inspect {User.adult?(u), User.adult?(User.blank())}
    %User{name: n} = u
    IO.puts n
    IO.inspect %{u | age: 31}
    IO.inspect User.older(u)
    IO.inspect u.__struct__
    IO.inspect Map.keys(u)
    IO.inspect is_map(u)
    IO.inspect Map.from_struct(u)
    IO.inspect struct(User, name: "Bob")
    IO.inspect Map.put(u, :extra, 1)
    IO.puts inspect(%User{})
    IO.inspect match?(%User{}, u)
    IO.inspect match?(%TodoList{}, u)
  end
end
Demo.run()
