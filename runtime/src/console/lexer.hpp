#pragma once
// The console language's tokenizer (private to runtime/src/console).

#include "actorscope/console/ast.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace actorscope::console::detail {

enum class Tok : uint8_t {
  Int, Float, Atom, Str, Charlist, Ident, Alias, KwKey, Op, Kw, LParen, RParen, LBrack, RBrack,
  LBrace, RBrace, MapOpen /* %{ */, StructOpen /* %Alias{ (s = the alias) */, Comma, Semi, Newline, Dot, CaptureArg, Eof,
};

struct StrPart {
  bool code = false;
  std::string text;
  int line = 0;
  int col = 0;
};

struct Token {
  Tok t = Tok::Eof;
  std::string s;       // identifier, operator, keyword text
  Term lit;            // Int/Float/Atom value
  int line = 1;
  int col = 1;
  bool space_before = false;
  int end_col = 0;             // where the line goes on after it (a newline or a comment); 0: the input ends
  std::vector<StrPart> parts;  // Str / Charlist / quoted KwKey
};

/// Thrown by the lexer and parser.
struct ParseFailure {
  SyntaxError err;
};

/// Tokenizes `src`; line/col start at the given position (for interpolated code).
std::vector<Token> tokenize(std::string_view src, int line = 1, int col = 1);

}  // namespace actorscope::console::detail
