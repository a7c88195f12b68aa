// Tokenizer of the console language (Elixir's lexical syntax, the part the console needs).
// Over 600 lines: one Lexer class (numbers, atoms, strings and heredocs, sigils), kept whole.

#include "../utf8.hpp"
#include "lexer.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace actorscope::console::detail {
namespace {

bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool is_alias_start(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

const char* const kKeywords[] = {"do", "end", "fn", "after", "else", "when", "and", "or", "not", "in",
                                 "catch", "rescue"};
// Longest first.
const char* const kOps[] = {"===", "!==", "...", "<<<", ">>>", "|||", "&&&", "\\\\", "|>", "<>", "++", "--",
                            "..",  "//",  "==",  "!=",  "<=",  ">=",  "&&",  "||",  "->",   "<-", "=>", "::", "=~",
                            "**",  "+",   "-",   "*",   "/",   "<",   ">",   "=",    "|",  "!",  "^",  "&",
                            "@"};

class Lexer {
 public:
  Lexer(std::string_view s, int line, int col) : s_(s), line_(line), col_(col) {}

  std::vector<Token> run() {
    while (true) {
      bool space = skip_space();
      if (i_ >= s_.size()) {
        push_newline_if_needed();
        Token t;
        t.t = Tok::Eof;
        t.line = line_;
        t.col = col_;
        out_.push_back(std::move(t));
        return std::move(out_);
      }
      char c = s_[i_];
      if (c == '\n') {
        mark_line_end();
        int l = line_, co = col_;
        adv();
        if (can_take_newline()) {
          Token t;
          t.t = Tok::Newline;
          t.line = l;
          t.col = co;
          out_.push_back(std::move(t));
        }
        continue;
      }
      Token t;
      t.line = line_;
      t.col = col_;
      t.space_before = space;
      lex_one(t);
      // A line starting with a pipe or a dot continues the expression above.
      if ((t.t == Tok::Op && (t.s == "|>" || t.s == "++" || t.s == "<>" || t.s == "&&" || t.s == "||")) ||
          t.t == Tok::Dot || (t.t == Tok::Kw && (t.s == "and" || t.s == "or"))) {
        while (!out_.empty() && out_.back().t == Tok::Newline) out_.pop_back();
      }
      out_.push_back(std::move(t));
    }
  }

 private:
  [[noreturn]] void fail(int line, int col, std::string msg, bool missing = false) {
    ParseFailure f;
    f.err.kind = missing ? "TokenMissingError" : "SyntaxError";
    f.err.line = line;
    f.err.column = col;
    f.err.message = std::move(msg);
    f.err.incomplete = missing;
    throw f;
  }

  bool can_take_newline() const {
    if (out_.empty()) return false;
    const Token& p = out_.back();
    switch (p.t) {
      case Tok::Newline:
      case Tok::Comma:
      case Tok::LParen:
      case Tok::LBrack:
      case Tok::LBrace:
      case Tok::MapOpen:
      case Tok::StructOpen:
      case Tok::Semi:
      case Tok::Dot:
        return false;
      case Tok::Op:
        return p.s == "&" && false;
      case Tok::Kw:
        return p.s == "do" || p.s == "end" || p.s == "fn" || p.s == "after" || p.s == "else" ||
               p.s == "catch" || p.s == "rescue";
      default:
        return true;
    }
  }
  void push_newline_if_needed() {}

  void adv() {
    if (s_[i_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++i_;
  }
  char peek(size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }

  /// The last token on this line learns where the line goes on (Elixir's "expression is
  /// incomplete" points there).
  void mark_line_end() {
    if (!out_.empty() && out_.back().line == line_ && out_.back().end_col == 0) out_.back().end_col = col_;
  }

  bool skip_space() {
    bool any = false;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\r') {
        adv();
        any = true;
      } else if (c == '\\' && peek(1) == '\n') {  // line continuation
        adv();
        adv();
        any = true;
      } else if (c == '#') {
        mark_line_end();
        while (i_ < s_.size() && s_[i_] != '\n') adv();
        any = true;
      } else {
        break;
      }
    }
    return any;
  }

  void lex_one(Token& t) {
    char c = s_[i_];
    if (is_digit(c)) return lex_number(t);
    if (is_ident_start(c)) return lex_ident(t);
    if (is_alias_start(c)) {
      std::string name;
      while (i_ < s_.size() && is_ident_char(s_[i_])) {
        name += s_[i_];
        adv();
      }
      if (peek() == ':' && peek(1) != ':' && (peek(1) == ' ' || peek(1) == '\n' || peek(1) == '\t')) {
        adv();
        t.t = Tok::KwKey;
        t.s = name;
        return;
      }
      t.t = Tok::Alias;
      t.s = name;
      return;
    }
    if (c == '"') {
      if (peek(1) == '"' && peek(2) == '"') return lex_heredoc(t);
      lex_string(t, '"');
      t.t = Tok::Str;
      if (peek() == ':' && peek(1) != ':' && (peek(1) == ' ' || peek(1) == '\n')) {
        adv();
        t.t = Tok::KwKey;
        t.s.clear();
        for (auto& p : t.parts) t.s += p.text;
      }
      return;
    }
    if (c == '\'') {
      lex_string(t, '\'');
      t.t = Tok::Charlist;
      return;
    }
    if (c == '~' && std::isalpha(static_cast<unsigned char>(peek(1)))) return lex_sigil(t);
    if (c == ':' && peek(1) != ':') {
      char d = peek(1);
      if (d == '"') {
        adv();
        Token q;
        lex_string(q, '"');
        std::string name;
        for (auto& p : q.parts) {
          if (p.code) fail(t.line, t.col, "interpolation in quoted atoms is not supported");
          name += p.text;
        }
        t.t = Tok::Atom;
        t.lit = Term::atom(name);
        return;
      }
      if (is_ident_start(d) || is_alias_start(d)) {
        adv();
        std::string name;
        while (i_ < s_.size() && (is_ident_char(s_[i_]) || s_[i_] == '@' ||
                                  (s_[i_] == '.' && is_alias_start(peek(1)) && is_alias_start(name[0])))) {
          name += s_[i_];
          adv();
        }
        if (peek() == '?' || peek() == '!') {
          name += peek();
          adv();
        }
        t.t = Tok::Atom;
        t.lit = Term::atom(name);
        return;
      }
      // Operator atoms (:+, :<>, :===, ...): the longest operator after the colon.
      for (const char* op : kOps) {
        std::string_view o(op);
        if (o == "::" || o == "\\\\" || s_.compare(i_ + 1, o.size(), o) != 0) continue;
        for (size_t k = 0; k <= o.size(); ++k) adv();
        t.t = Tok::Atom;
        t.lit = Term::atom(std::string(o));
        return;
      }
      fail(t.line, t.col, "unexpected token: \":\" (column " + std::to_string(t.col) + ", code point U+003A)");
    }
    if (c == '?' && i_ + 1 < s_.size()) {
      adv();
      uint32_t cp = static_cast<unsigned char>(s_[i_]);
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        adv();
        char e = s_[i_];
        cp = e == 'n' ? 10 : e == 't' ? 9 : e == 's' ? 32 : e == '0' ? 0 : e == 'e' ? 27 : static_cast<unsigned char>(e);
      }
      adv();
      t.t = Tok::Int;
      t.lit = Term(static_cast<long long>(cp));
      return;
    }
    if (c == '&' && is_digit(peek(1))) {
      adv();
      int n = 0;
      while (is_digit(peek())) {
        n = n * 10 + (peek() - '0');
        adv();
      }
      t.t = Tok::CaptureArg;
      t.lit = Term(n);
      return;
    }
    if (c == '%' && peek(1) >= 'A' && peek(1) <= 'Z') {
      // %Alias{: a struct; the alias may be dotted (%Enum.EmptyError{}).
      size_t n = 1;
      while (true) {
        char ch = peek(n);
        if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_') {
          ++n;
        } else if (ch == '.' && peek(n + 1) >= 'A' && peek(n + 1) <= 'Z') {
          ++n;
        } else {
          break;
        }
      }
      if (peek(n) == '{') {
        std::string alias;
        for (size_t i = 1; i < n; ++i) alias += peek(i);
        for (size_t i = 0; i <= n; ++i) adv();
        t.t = Tok::StructOpen;
        t.s = alias;
        return;
      }
    }
    if (c == '%' && s_.compare(i_ + 1, 11, "__MODULE__{") == 0) {
      for (int k = 0; k < 12; ++k) adv();
      t.t = Tok::StructOpen;
      t.s = "__MODULE__";
      return;
    }
    if (c == '%' && peek(1) == '{') {
      adv();
      adv();
      t.t = Tok::MapOpen;
      return;
    }
    switch (c) {
      case '(': adv(); t.t = Tok::LParen; return;
      case ')': adv(); t.t = Tok::RParen; return;
      case '[': adv(); t.t = Tok::LBrack; return;
      case ']': adv(); t.t = Tok::RBrack; return;
      case '{': adv(); t.t = Tok::LBrace; return;
      case '}': adv(); t.t = Tok::RBrace; return;
      case ',': adv(); t.t = Tok::Comma; return;
      case ';': adv(); t.t = Tok::Semi; return;
      default: break;
    }
    if (c == '.' && peek(1) != '.') {
      adv();
      t.t = Tok::Dot;
      return;
    }
    for (const char* op : kOps) {
      size_t n = std::char_traits<char>::length(op);
      if (s_.substr(i_, n) == op) {
        for (size_t k = 0; k < n; ++k) adv();
        t.t = Tok::Op;
        t.s = op;
        return;
      }
    }
    unsigned char uc = static_cast<unsigned char>(c);
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", uc);
    std::string shown = uc < 0x80 ? std::string(1, c) : std::string("?");
    fail(t.line, t.col,
         "unexpected token: \"" + shown + "\" (column " + std::to_string(t.col) + ", code point " + buf + ")");
  }

  void lex_number(Token& t) {
    std::string digits;
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'b' || peek(1) == 'o')) {
      int base = peek(1) == 'x' ? 16 : peek(1) == 'b' ? 2 : 8;
      adv();
      adv();
      while (std::isxdigit(static_cast<unsigned char>(peek())) || peek() == '_') {
        if (peek() != '_') digits += peek();
        adv();
      }
      t.t = Tok::Int;
      t.lit = Term(static_cast<long long>(std::strtoll(digits.c_str(), nullptr, base)));
      return;
    }
    while (is_digit(peek()) || (peek() == '_' && is_digit(peek(1)))) {
      if (peek() != '_') digits += peek();
      adv();
    }
    bool is_float = false;
    if (peek() == '.' && is_digit(peek(1))) {
      is_float = true;
      digits += '.';
      adv();
      while (is_digit(peek()) || (peek() == '_' && is_digit(peek(1)))) {
        if (peek() != '_') digits += peek();
        adv();
      }
      if ((peek() == 'e' || peek() == 'E') &&
          (is_digit(peek(1)) || ((peek(1) == '-' || peek(1) == '+') && is_digit(peek(2))))) {
        digits += 'e';
        adv();
        if (peek() == '-' || peek() == '+') {
          digits += peek();
          adv();
        }
        while (is_digit(peek())) {
          digits += peek();
          adv();
        }
      }
    }
    if (is_float) {
      t.t = Tok::Float;
      t.lit = Term(std::strtod(digits.c_str(), nullptr));
    } else {
      t.t = Tok::Int;
      errno = 0;
      long long v = std::strtoll(digits.c_str(), nullptr, 10);
      if (errno == ERANGE) fail(t.line, t.col, "integer literal too large for the console: " + digits);
      t.lit = Term(v);
    }
  }

  void lex_ident(Token& t) {
    std::string name;
    while (i_ < s_.size() && is_ident_char(s_[i_])) {
      name += s_[i_];
      adv();
    }
    if (peek() == '?' || peek() == '!') {
      name += peek();
      adv();
    }
    if (peek() == ':' && peek(1) != ':' && (peek(1) == ' ' || peek(1) == '\n' || peek(1) == '\t')) {
      adv();
      t.t = Tok::KwKey;
      t.s = name;
      return;
    }
    if (name == "true" || name == "false" || name == "nil") {
      t.t = Tok::Atom;
      t.lit = Term::atom(name);
      return;
    }
    for (const char* k : kKeywords) {
      if (name == k) {
        t.t = Tok::Kw;
        t.s = name;
        return;
      }
    }
    t.t = Tok::Ident;
    t.s = name;
  }


  /// Reads an escape after a backslash into `cur`.
  void escape(std::string& cur) {
    char e = peek();
    adv();
    switch (e) {
      case 'n': cur += '\n'; break;
      case 't': cur += '\t'; break;
      case 'r': cur += '\r'; break;
      case 's': cur += ' '; break;
      case 'e': cur += '\x1b'; break;
      case '0': cur += '\0'; break;
      case 'a': cur += '\a'; break;
      case 'b': cur += '\b'; break;
      case 'f': cur += '\f'; break;
      case 'v': cur += '\v'; break;
      case '\n': break;
      case 'u': {
        std::string hex;
        if (peek() == '{') {
          adv();
          while (i_ < s_.size() && peek() != '}') {
            hex += peek();
            adv();
          }
          if (i_ < s_.size()) adv();
        } else {
          for (int k = 0; k < 4 && std::isxdigit(static_cast<unsigned char>(peek())); ++k) {
            hex += peek();
            adv();
          }
        }
        actorscope::detail::append_utf8(cur, static_cast<uint32_t>(std::strtoul(hex.c_str(), nullptr, 16)));
        break;
      }
      default: cur += e; break;
    }
  }

  /// Reads an interpolation body after `#{`, up to its matching `}`.
  void interpolation(Token& t, std::string& cur, int start_line, const char* what) {
    if (!cur.empty()) t.parts.push_back({false, std::move(cur), 0, 0});
    cur.clear();
    StrPart p;
    p.code = true;
    p.line = line_;
    p.col = col_;
    int depth = 0;
    while (true) {
      if (i_ >= s_.size())
        fail(line_, col_, std::string("missing terminator: ") + what + " (for string starting at line " +
                              std::to_string(start_line) + ")", true);
      char c = peek();
      if (c == '}' && depth == 0) {
        adv();
        break;
      }
      if (c == '{') ++depth;
      if (c == '}') --depth;
      if (c == '"' || c == '\'') {  // a nested string: copy it whole
        char q = c;
        p.text += c;
        adv();
        while (i_ < s_.size() && peek() != q) {
          if (peek() == '\\' && i_ + 1 < s_.size()) {
            p.text += peek();
            adv();
          }
          p.text += peek();
          adv();
        }
        if (i_ < s_.size()) {
          p.text += peek();
          adv();
        }
        continue;
      }
      p.text += c;
      adv();
    }
    t.parts.push_back(std::move(p));
  }

  /// A sigil: ~s/~S -> Str, ~c/~C -> Charlist, ~w/~W -> a list literal of words (strings, or atoms
  /// or charlists with the a/c modifier). Any other letter becomes the call sigil_X("text", 'mods'),
  /// which fails at run time as an undefined function (~r: the console has no regexes).
  void lex_sigil(Token& t) {
    char letter = peek(1);
    char open = peek(2);
    const char* opens = "([{</|\"'";
    const char* closes = ")]}>/|\"'";
    const char* o = open ? std::strchr(opens, open) : nullptr;
    if (!o) fail(t.line, t.col, std::string("invalid sigil delimiter: \"") + open + "\" (column " + std::to_string(col_ + 2) + ")");
    char close = closes[o - opens];
    adv();  // ~
    adv();  // the letter; lex_string skips the opening delimiter
    bool raw = std::isupper(static_cast<unsigned char>(letter));
    lex_string(t, close, raw);
    std::string mods;
    while (i_ < s_.size() && std::isalpha(static_cast<unsigned char>(peek()))) {
      mods += peek();
      adv();
    }
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
    if (l == 's' || l == 'c') {
      t.t = l == 's' ? Tok::Str : Tok::Charlist;
      return;
    }
    auto mk = [&](Tok k, const char* s = "") {
      Token x;
      x.t = k;
      x.s = s;
      x.line = t.line;
      x.col = t.col;
      return x;
    };
    if (l == 'w') {
      std::string text;
      for (auto& p : t.parts) {
        if (p.code) fail(t.line, t.col, "interpolation in ~w is not supported by the console");
        text += p.text;
      }
      char kind = mods.empty() ? 's' : mods.back();
      if (kind != 's' && kind != 'a' && kind != 'c')
        fail(t.line, t.col, "modifier must be one of: s, a, c");
      std::vector<std::string> words;
      size_t i = 0;
      while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        size_t b = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i > b) words.push_back(text.substr(b, i - b));
      }
      Token lb = mk(Tok::LBrack);
      lb.space_before = t.space_before;
      out_.push_back(lb);
      for (size_t k = 0; k < words.size(); ++k) {
        if (k) out_.push_back(mk(Tok::Comma));
        Token w = mk(kind == 'a' ? Tok::Atom : kind == 'c' ? Tok::Charlist : Tok::Str);
        if (kind == 'a') w.lit = Term::atom(words[k]);
        else w.parts.push_back({false, words[k], 0, 0});
        out_.push_back(w);
      }
      Token rb = mk(Tok::RBrack);
      t = rb;
      return;
    }
    Token call = mk(Tok::Ident, "");
    call.s = std::string("sigil_") + letter;
    call.space_before = t.space_before;
    out_.push_back(call);
    out_.push_back(mk(Tok::LParen));
    Token str = t;
    str.t = Tok::Str;
    str.space_before = false;
    out_.push_back(str);
    out_.push_back(mk(Tok::Comma));
    Token m = mk(Tok::Charlist);
    m.parts.push_back({false, mods, 0, 0});
    out_.push_back(m);
    t = mk(Tok::RParen);
  }

  /// A quoted text from the opening delimiter (skipped) to `close` (default: `quote`); `raw`: no
  /// escapes (but \close) and no interpolation, as in ~S.
  void lex_string(Token& t, char quote, bool raw = false, char close = 0) {
    int start_line = line_;
    adv();  // opening quote
    if (!close) close = quote;
    std::string cur;
    const char* what = quote == '"' ? "\"" : "'";
    while (true) {
      if (i_ >= s_.size())
        fail(line_, col_, std::string("missing terminator: ") + what + " (for " +
                              (quote == '"' ? "string" : "charlist") + " starting at line " +
                              std::to_string(start_line) + ")", true);
      char c = peek();
      if (c == close) {
        adv();
        break;
      }
      if (c == '\\' && raw) {
        adv();
        if (i_ < s_.size() && peek() != close) cur += '\\';
        continue;
      }
      if (c == '\\') {
        adv();
        if (i_ >= s_.size()) continue;
        escape(cur);
        continue;
      }
      if (c == '#' && peek(1) == '{' && !raw) {
        adv();
        adv();
        interpolation(t, cur, start_line, what);
        continue;
      }
      cur += c;
      adv();
    }
    if (!cur.empty() || t.parts.empty()) t.parts.push_back({false, std::move(cur), 0, 0});
  }

  void lex_heredoc(Token& t) {
    int start_line = line_;
    adv();
    adv();
    adv();
    while (i_ < s_.size() && peek() != '\n') adv();
    if (i_ < s_.size()) adv();
    // Collect raw lines until a line whose first non-blank text is """.
    std::vector<std::string> lines;
    std::string cur_line;
    size_t indent = 0;
    bool closed = false;
    while (i_ < s_.size()) {
      size_t j = i_;
      size_t sp = 0;
      while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) {
        ++j;
        ++sp;
      }
      if (s_.substr(j, 3) == "\"\"\"") {
        indent = sp;
        while (i_ < j + 3) adv();
        closed = true;
        break;
      }
      std::string line;
      while (i_ < s_.size() && peek() != '\n') {
        line += peek();
        adv();
      }
      if (i_ < s_.size()) adv();
      lines.push_back(line);
    }
    if (!closed)
      fail(line_, col_, "missing terminator: \"\"\" (for heredoc starting at line " + std::to_string(start_line) + ")",
           true);
    std::string body;
    for (auto& l : lines) {
      size_t k = 0;
      while (k < indent && k < l.size() && (l[k] == ' ' || l[k] == '\t')) ++k;
      body += l.substr(k);
      body += '\n';
    }
    // Process escapes and interpolation inside the body.
    Lexer sub(body, start_line + 1, 1);
    sub.s_ = body;
    std::string cur;
    while (sub.i_ < sub.s_.size()) {
      char c = sub.peek();
      if (c == '\\') {
        sub.adv();
        if (sub.i_ < sub.s_.size()) sub.escape(cur);
        continue;
      }
      if (c == '#' && sub.peek(1) == '{') {
        sub.adv();
        sub.adv();
        sub.interpolation(t, cur, start_line, "\"\"\"");
        continue;
      }
      cur += c;
      sub.adv();
    }
    if (!cur.empty() || t.parts.empty()) t.parts.push_back({false, std::move(cur), 0, 0});
    t.t = Tok::Str;
  }

  std::string_view s_;
  size_t i_ = 0;
  int line_;
  int col_;
  std::vector<Token> out_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view src, int line, int col) { return Lexer(src, line, col).run(); }

}  // namespace actorscope::console::detail
