# cmake -DIN=file.beam -DOUT=file.cpp -P embed.cmake: the beam as a C++ byte array.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){24})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT} "// Generated from actorscope_agent.beam by embed.cmake.\n#include <cstddef>\nnamespace actorscope::attach {\nextern const unsigned char kAgentBeam[];\nextern const size_t kAgentBeamSize;\nconst unsigned char kAgentBeam[] = {\n${bytes}\n};\nconst size_t kAgentBeamSize = ${size};\n}\n")
