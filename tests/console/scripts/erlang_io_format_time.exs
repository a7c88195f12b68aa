# :io.format's control sequences and the Erlang/System time functions.
:io.format("~2B     ~.2f~n", [3, 1.5])
:io.format("~p ~w ~s~n", [[1, 2], :a, "str"])
:io.format("~p ~p ~p ~w~n", [{:ok, "bin", 'abc'}, %{a: 1}, Foo, 3.25])
:io.format("[~5s|~-5s|~.3s] ~10.3.0f ~8.16B ~c~n", ["ab", "cd", "abcdef", 3.14159, 255, ?x])
:io.format("hello~n")
:io.format('~w items~n', [42])
:io.format("~3B|~e~n", [12345, 2.5])
IO.inspect :erlang.monotonic_time() |> is_integer
IO.inspect System.monotonic_time(:millisecond) |> is_integer
IO.inspect :os.system_time(:second) > 1_600_000_000
