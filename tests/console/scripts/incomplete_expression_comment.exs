y = 2
x = y *  # the rest is missing
