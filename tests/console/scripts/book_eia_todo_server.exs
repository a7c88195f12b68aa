# Elixir in Action, ch. 5: the to-do server process around the TodoList struct of ch. 4
# (dates as strings here instead of ~D sigils, Enum.filter for Stream.filter).
defmodule TodoList do
  defstruct auto_id: 1, entries: %{}

  def new(entries \\ []) do
    Enum.reduce(
      entries,
      %TodoList{},
      fn entry, todo_list_acc ->
        add_entry(todo_list_acc, entry)
      end
    )
  end

  def add_entry(todo_list, entry) do
    entry = Map.put(entry, :id, todo_list.auto_id)

    new_entries =
      Map.put(
        todo_list.entries,
        todo_list.auto_id,
        entry
      )

    %TodoList{todo_list | entries: new_entries, auto_id: todo_list.auto_id + 1}
  end

  def entries(todo_list, date) do
    todo_list.entries
    |> Enum.filter(fn {_, entry} -> entry.date == date end)
    |> Enum.map(fn {_, entry} -> entry end)
  end

  def update_entry(todo_list, entry_id, updater_fun) do
    case Map.fetch(todo_list.entries, entry_id) do
      :error ->
        todo_list

      {:ok, old_entry} ->
        new_entry = updater_fun.(old_entry)
        new_entries = Map.put(todo_list.entries, new_entry.id, new_entry)
        %TodoList{todo_list | entries: new_entries}
    end
  end

  def delete_entry(todo_list, entry_id) do
    %TodoList{todo_list | entries: Map.delete(todo_list.entries, entry_id)}
  end
end

defmodule TodoServer do
  def start do
    spawn(fn -> loop(TodoList.new()) end)
  end

  def add_entry(todo_server, new_entry) do
    send(todo_server, {:add_entry, new_entry})
  end

  def entries(todo_server, date) do
    send(todo_server, {:entries, self(), date})

    receive do
      {:todo_entries, entries} -> entries
    after
      5000 -> {:error, :timeout}
    end
  end

  defp loop(todo_list) do
    new_todo_list =
      receive do
        message -> process_message(todo_list, message)
      end

    loop(new_todo_list)
  end

  defp process_message(todo_list, {:add_entry, new_entry}) do
    TodoList.add_entry(todo_list, new_entry)
  end

  defp process_message(todo_list, {:entries, caller, date}) do
    send(caller, {:todo_entries, TodoList.entries(todo_list, date)})
    todo_list
  end
end

defmodule RegisteredTodoServer do
  def start do
    spawn(fn ->
      Process.register(self(), :todo_server)
      loop(TodoList.new())
    end)
  end

  def add_entry(new_entry), do: send(:todo_server, {:add_entry, new_entry})

  def entries(date) do
    send(:todo_server, {:entries, self(), date})

    receive do
      {:todo_entries, entries} -> entries
    after
      5000 -> {:error, :timeout}
    end
  end

  defp loop(todo_list) do
    new_todo_list =
      receive do
        {:add_entry, new_entry} -> TodoList.add_entry(todo_list, new_entry)
        {:entries, caller, date} ->
          send(caller, {:todo_entries, TodoList.entries(todo_list, date)})
          todo_list
      end

    loop(new_todo_list)
  end
end

todo_server = TodoServer.start()
TodoServer.add_entry(todo_server, %{date: "2018-12-19", title: "Dentist"})
TodoServer.add_entry(todo_server, %{date: "2018-12-20", title: "Shopping"})
TodoServer.add_entry(todo_server, %{date: "2018-12-19", title: "Movies"})
IO.inspect TodoServer.entries(todo_server, "2018-12-19")
IO.inspect TodoServer.entries(todo_server, "2018-12-21")

RegisteredTodoServer.start()
Process.sleep(20)
RegisteredTodoServer.add_entry(%{date: "2018-12-19", title: "Dentist"})
IO.inspect RegisteredTodoServer.entries("2018-12-19")

defmodule Check do
  def run do
    list =
      TodoList.new([
        %{date: "2018-12-19", title: "Dentist"},
        %{date: "2018-12-20", title: "Shopping"}
      ])
      |> TodoList.update_entry(1, &Map.put(&1, :title, "Dentist at 10"))
      |> TodoList.delete_entry(2)

    IO.inspect list
    IO.inspect %TodoList{} == TodoList.new()
  end
end

Check.run()
