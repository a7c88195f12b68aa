# cmake -DIN=file -DOUT=file.cpp -DNAME=kSymbol -P embed.cmake: the file as a C++ byte array
# actorscope::attach::NAME, with its size in NAME##Size.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){24})" "\\1\n" bytes "${bytes}")
get_filename_component(_in_name ${IN} NAME)
file(WRITE ${OUT} "// Generated from ${_in_name} by embed.cmake.\n#include <cstddef>\nnamespace actorscope::attach {\nextern const unsigned char ${NAME}[];\nextern const size_t ${NAME}Size;\nconst unsigned char ${NAME}[] = {\n${bytes}\n};\nconst size_t ${NAME}Size = ${size};\n}\n")
