# Enum.group_by/2 and /3 (the /3 form once corrupted the heap: keep it covered).
IO.inspect Enum.group_by([1, 2, 3, 4, 5], &rem(&1, 3))
IO.inspect Enum.group_by(~w(ant bee cat), &String.length/1, &String.upcase/1)
