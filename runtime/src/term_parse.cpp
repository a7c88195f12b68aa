// parse_term(): reads back the Elixir syntax that inspect() prints.
//
// A recursive-descent parser over bytes. Errors carry the 1-based line and column (in code
// points) of the offending character. Nesting is limited so that no input can exhaust the stack,
// and every loop consumes input, so no input can make it loop.

#include "utf8.hpp"
#include "actorscope/term.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace actorscope {

std::string ParseError::to_string() const {
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

namespace {

using detail::append_utf8;
using detail::decode_utf8;

constexpr int kMaxDepth = 1000;

struct Failure {
  size_t pos;
  std::string message;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }
bool ident_start(char c) { return is_lower(c) || is_upper(c) || c == '_' || is_high(c); }
bool ident_continue(char c) {
  return is_lower(c) || is_upper(c) || is_digit(c) || c == '_' || c == '@' || is_high(c);
}
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}



// Atoms written without quotes after ':' or before ': ' that are not identifiers, longest first.
constexpr std::string_view kOperators[] = {
    "..//", "<<>>", "...", "%{}", "===", "!==", "<<<", ">>>", "<<~", "~>>", "<~>", "|||", "&&&",
    "+++",  "---",  "^^^", "~~~", "<|>", "\\\\", "..", "{}", "->", "<-", "||", "&&", "==", "!=",
    "=~",   "<=",   ">=",  "|>",  "<~",  "~>",  "++", "--", "<>", "**", "//", "%",  ".",  "&",
    "!",    "^",    "+",   "-",   "@",   "|",   "=",  "<",  ">",  "*",  "/"};

/// A fun read back from its printed form: prints the same, cannot be called.
class OpaqueFun final : public FunObject {
 public:
  explicit OpaqueFun(std::string text) : FunObject(arity_of(text)), text_(std::move(text)) {}
  std::string describe() const override { return text_; }

 private:
  static int arity_of(const std::string& t) {
    const size_t slash = t.find('/');
    int a = 0;
    for (size_t i = slash == std::string::npos ? t.size() : slash + 1; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i)
      a = a * 10 + (t[i] - '0');
    return a;
  }
  std::string text_;
};

class Parser {
 public:
  explicit Parser(std::string_view src) : s_(src) {}
  bool opaque_funs = false;

  Term parse_document() {
    skip_space();
    if (at_end()) fail("unexpected end of input");
    Term t = value();
    skip_space();
    if (!at_end()) fail("expected end of input after the term, found " + describe_here());
    return t;
  }

  ParseError make_error(const Failure& f) const {
    ParseError e;
    e.message = f.message;
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < f.pos && i < s_.size(); ++i) {
      if (s_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    int column = 1;
    for (size_t i = line_start; i < f.pos && i < s_.size(); ++i)
      if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) ++column;  // count code points
    e.line = line;
    e.column = column;
    return e;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  int depth_ = 0;

  // --- helpers --------------------------------------------------------------------------------

  bool at_end() const { return pos_ >= s_.size(); }
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0';
  }
  bool looking_at(std::string_view t) const { return s_.substr(pos_, t.size()) == t; }

  [[noreturn]] void fail(std::string message) const { throw Failure{pos_, std::move(message)}; }
  [[noreturn]] void fail_at(size_t pos, std::string message) const {
    throw Failure{pos, std::move(message)};
  }

  /// The character at the cursor, quoted, for messages: `']'`, `'é'`, `'\n'`, or "end of input".
  std::string describe_here() const {
    if (at_end()) return "end of input";
    uint32_t cp;
    const size_t n = decode_utf8(s_, pos_, cp);
    if (n == 0) {
      static const char hex[] = "0123456789ABCDEF";
      const auto b = static_cast<unsigned char>(s_[pos_]);
      return std::string("byte 0x") + hex[b >> 4] + hex[b & 15];
    }
    switch (cp) {
      case '\n': return "'\\n'";
      case '\t': return "'\\t'";
      case '\r': return "'\\r'";
      case 0: return "'\\0'";
      default: break;
    }
    if (cp < 0x20 || cp == 0x7F) return "control character " + std::to_string(cp);
    return "'" + std::string(s_.substr(pos_, n)) + "'";
  }

  void skip_space() {
    while (!at_end() && is_space(s_[pos_])) ++pos_;
  }

  void expect_end_or_eof_message(std::string_view expected, std::string_view where) const {
    if (at_end())
      fail("unexpected end of input, expected " + std::string(expected) + " in " +
           std::string(where));
    fail("expected " + std::string(expected) + " in " + std::string(where) + ", found " +
         describe_here());
  }

  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxDepth) p.fail("nesting too deep (more than 1000 levels)");
    }
    ~DepthGuard() { --p.depth_; }
  };

  // --- values ---------------------------------------------------------------------------------

  Term value() {
    if (at_end()) fail("unexpected end of input");
    const char c = s_[pos_];
    switch (c) {
      case '{': return tuple();
      case '[': return list();
      case '"': return Term::binary(quoted('"', "string"));
      case '\'': return charlist();
      case ':': return atom_literal();
      case '%': return map();
      case '#': return hash_literal();
      case '?': return char_literal();
      case '<':
        if (looking_at("<<")) return binary();
        break;
      case '-':
        if (is_digit(peek(1))) return number();
        break;
      default:
        if (is_digit(c)) return number();
        if (is_upper(c)) return alias_or_word();
        if (ident_start(c)) return alias_or_word();
        break;
    }
    if (c == '}' || c == ']' || c == ',' || c == ')' || c == '|' || c == '>' || c == '=')
      fail("unexpected " + describe_here());
    fail("unknown token " + describe_here());
  }

  Term tuple() {
    DepthGuard guard(*this);
    ++pos_;  // '{'
    std::vector<Term> elems;
    skip_space();
    while (true) {
      if (at_end()) expect_end_or_eof_message("a term or '}'", "tuple");
      if (peek() == '}') break;
      elems.push_back(value());
      skip_space();
      if (peek() == ',' && !at_end()) {
        ++pos_;
        skip_space();
        continue;
      }
      if (peek() == '}' && !at_end()) break;
      expect_end_or_eof_message("',' or '}'", "tuple");
    }
    ++pos_;  // '}'
    return Term::tuple(elems);
  }

  /// If a keyword key (`a: `, `"a b": `, `+: `) starts at the cursor, consumes it and returns
  /// true with the key's name in `name`; otherwise leaves the cursor alone.
  bool keyword_key(std::string& name) {
    const size_t start = pos_;
    const char c = peek();
    if (at_end()) return false;
    if (c == '"' || c == '\'') {
      // Quoted key: the literal must be followed immediately by ':'.
      const size_t save = pos_;
      std::string text = quoted(c, c == '"' ? "string" : "charlist");
      if (peek() == ':' && !at_end() && peek(1) != ':') {
        ++pos_;
        name = std::move(text);
        return true;
      }
      pos_ = save;
      return false;
    }
    if (ident_start(c)) {
      size_t i = pos_ + 1;
      while (i < s_.size() && ident_continue(s_[i])) ++i;
      if (i < s_.size() && (s_[i] == '?' || s_[i] == '!')) ++i;
      if (i < s_.size() && s_[i] == ':' && (i + 1 >= s_.size() || s_[i + 1] != ':')) {
        name = std::string(s_.substr(start, i - start));
        pos_ = i + 1;
        return true;
      }
      return false;
    }
    for (std::string_view op : kOperators) {
      if (looking_at(op) && pos_ + op.size() < s_.size() && s_[pos_ + op.size()] == ':' &&
          (pos_ + op.size() + 1 >= s_.size() || is_space(s_[pos_ + op.size() + 1]))) {
        name = std::string(op);
        pos_ += op.size() + 1;
        return true;
      }
    }
    return false;
  }

  Term list() {
    DepthGuard guard(*this);
    ++pos_;  // '['
    std::vector<Term> elems;
    Term tail = Term::empty_list();
    bool keywords = false;
    skip_space();
    while (true) {
      if (at_end()) expect_end_or_eof_message("a term or ']'", "list");
      if (peek() == ']') break;
      std::string key;
      const size_t elem_start = pos_;
      if (keyword_key(key)) {
        keywords = true;
        skip_space();
        Term v = value();
        elems.push_back(Term::tuple({Term::atom(key), std::move(v)}));
      } else if (keywords) {
        fail_at(elem_start, "expected a keyword pair (key: value) after keyword pairs in list, "
                            "found " + describe_here());
      } else {
        elems.push_back(value());
      }
      skip_space();
      if (at_end()) expect_end_or_eof_message("',', '|' or ']'", "list");
      if (peek() == ',') {
        ++pos_;
        skip_space();
        continue;
      }
      if (peek() == '|' && !keywords) {
        ++pos_;
        skip_space();
        tail = value();
        skip_space();
        if (peek() != ']' || at_end()) expect_end_or_eof_message("']' after the tail", "list");
        break;
      }
      if (peek() == ']') break;
      expect_end_or_eof_message(keywords ? "',' or ']'" : "',', '|' or ']'", "list");
    }
    ++pos_;  // ']'
    return Term::list(elems, std::move(tail));
  }

  Term map() {
    DepthGuard guard(*this);
    if (peek(1) != '{') {
      ++pos_;
      if (is_upper(peek())) fail("structs are not supported");
      fail("expected '{' after '%'");
    }
    pos_ += 2;  // "%{"
    std::vector<std::pair<Term, Term>> entries;
    bool keywords = false;
    skip_space();
    while (true) {
      if (at_end()) expect_end_or_eof_message("a key or '}'", "map");
      if (peek() == '}') break;
      std::string key;
      const size_t entry_start = pos_;
      if (keyword_key(key)) {
        keywords = true;
        skip_space();
        Term v = value();
        entries.emplace_back(Term::atom(key), std::move(v));
      } else if (keywords) {
        fail_at(entry_start, "expected a keyword pair (key: value) after keyword pairs in map, "
                             "found " + describe_here());
      } else {
        Term k = value();
        skip_space();
        if (!looking_at("=>")) {
          if (peek() == '|' && !at_end()) fail("map update syntax is not supported");
          expect_end_or_eof_message("'=>'", "map");
        }
        pos_ += 2;
        skip_space();
        Term v = value();
        entries.emplace_back(std::move(k), std::move(v));
      }
      skip_space();
      if (peek() == ',' && !at_end()) {
        ++pos_;
        skip_space();
        continue;
      }
      if (peek() == '}' && !at_end()) break;
      expect_end_or_eof_message("',' or '}'", "map");
    }
    ++pos_;  // '}'
    return Term::map(std::move(entries));
  }

  Term binary() {
    pos_ += 2;  // "<<"
    std::string bytes;
    skip_space();
    while (true) {
      if (at_end()) expect_end_or_eof_message("a byte or '>>'", "binary");
      if (looking_at(">>")) break;
      if (peek() == '"') {
        bytes += quoted('"', "string");
      } else if (is_digit(peek()) || (peek() == '-' && is_digit(peek(1))) || peek() == '?') {
        const size_t start = pos_;
        Term n = peek() == '?' ? char_literal() : number();
        if (!n.is_integer()) fail_at(start, "binary elements must be integers or strings");
        if (n.as_integer() < 0 || n.as_integer() > 255)
          fail_at(start, "byte out of range 0..255 in binary: " + std::to_string(n.as_integer()));
        bytes += static_cast<char>(n.as_integer());
      } else {
        expect_end_or_eof_message("an integer, a string or '>>'", "binary");
      }
      skip_space();
      if (peek() == ',' && !at_end()) {
        ++pos_;
        skip_space();
        continue;
      }
      if (looking_at(">>")) break;
      expect_end_or_eof_message("',' or '>>'", "binary");
    }
    pos_ += 2;  // ">>"
    return Term::binary(bytes);
  }

  Term charlist() {
    const size_t start = pos_;
    const std::string bytes = quoted('\'', "charlist");
    std::vector<Term> chars;
    for (size_t i = 0; i < bytes.size();) {
      uint32_t cp;
      const size_t n = decode_utf8(bytes, i, cp);
      if (n == 0) fail_at(start, "invalid UTF-8 in charlist");
      chars.emplace_back(static_cast<long long>(cp));
      i += n;
    }
    return Term::list(chars);
  }

  /// The contents of a "..." or '...' literal with escapes resolved; the cursor is on the quote.
  std::string quoted(char quote, std::string_view what) {
    const size_t open = pos_;
    ++pos_;
    std::string out;
    while (true) {
      if (at_end()) fail_at(open, "unterminated " + std::string(what));
      const char c = s_[pos_];
      if (c == quote) {
        ++pos_;
        return out;
      }
      if (c == '#' && peek(1) == '{') fail("string interpolation is not supported");
      if (c != '\\') {
        out += c;
        ++pos_;
        continue;
      }
      // An escape.
      const size_t esc = pos_;
      ++pos_;
      if (at_end()) fail_at(open, "unterminated " + std::string(what));
      const char e = s_[pos_++];
      switch (e) {
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'd': out += '\x7f'; break;
        case 'e': out += '\x1b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 's': out += ' '; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0': out += '\0'; break;
        case '\n': break;  // line continuation
        case 'x': {
          if (peek() == '{') {
            out_codepoint(out, braced_hex(esc, "\\x{...}"), esc);
          } else {
            const int h1 = hex_value(peek()), h2 = hex_value(peek(1));
            if (h1 < 0 || h2 < 0 || pos_ + 1 >= s_.size())
              fail_at(esc, "invalid escape: \\x must be followed by two hex digits or {hex}");
            pos_ += 2;
            out += static_cast<char>(h1 * 16 + h2);  // a byte, as in Elixir
          }
          break;
        }
        case 'u': {
          if (peek() == '{') {
            out_codepoint(out, braced_hex(esc, "\\u{...}"), esc);
          } else {
            uint32_t cp = 0;
            for (int k = 0; k < 4; ++k) {
              const int h = hex_value(peek());
              if (h < 0 || at_end())
                fail_at(esc, "invalid escape: \\u must be followed by four hex digits or {hex}");
              cp = cp * 16 + static_cast<uint32_t>(h);
              ++pos_;
            }
            out_codepoint(out, cp, esc);
          }
          break;
        }
        default:
          // `\\`, `\"`, `\'`, `\#` and any other escaped character stand for themselves.
          out += e;
          break;
      }
    }
  }

  uint32_t braced_hex(size_t esc, std::string_view form) {
    ++pos_;  // '{'
    uint32_t cp = 0;
    int digits = 0;
    while (hex_value(peek()) >= 0 && !at_end()) {
      if (++digits > 6) fail_at(esc, "invalid escape " + std::string(form) + ": too many digits");
      cp = cp * 16 + static_cast<uint32_t>(hex_value(peek()));
      ++pos_;
    }
    if (digits == 0 || peek() != '}' || at_end())
      fail_at(esc, "invalid escape " + std::string(form) + ": expected hex digits and '}'");
    ++pos_;
    return cp;
  }

  void out_codepoint(std::string& out, uint32_t cp, size_t esc) const {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      fail_at(esc, "invalid escape: not a Unicode code point");
    append_utf8(out, cp);
  }

  Term atom_literal() {
    ++pos_;  // ':'
    if (at_end()) fail("unexpected end of input after ':'");
    const char c = peek();
    if (c == '"' || c == '\'') return Term::atom(quoted(c, "quoted atom"));
    if (ident_start(c)) {
      const size_t start = pos_;
      while (!at_end() && ident_continue(peek())) ++pos_;
      if (peek() == '?' || peek() == '!') ++pos_;
      std::string_view name = s_.substr(start, pos_ - start);
      if (peek() == '.' && is_upper(peek(1)) && is_upper(name[0]))
        fail("unexpected '.' after atom (write the alias without ':' or quote it)");
      return Term::atom(name);
    }
    for (std::string_view op : kOperators) {
      if (looking_at(op)) {
        pos_ += op.size();
        return Term::atom(op);
      }
    }
    if (looking_at("::")) {
      pos_ += 2;
      return Term::atom("::");
    }
    fail("expected an atom name after ':', found " + describe_here());
  }

  /// `true`, `false`, `nil`, or an alias (`Foo.Bar`, an atom `Elixir.Foo.Bar`).
  Term alias_or_word() {
    const size_t start = pos_;
    if (is_upper(peek())) {
      std::string name;
      while (true) {
        const size_t seg = pos_;
        while (!at_end() && (is_lower(peek()) || is_upper(peek()) || is_digit(peek()) ||
                             peek() == '_'))
          ++pos_;
        if (!name.empty()) name += '.';
        name += s_.substr(seg, pos_ - seg);
        if (is_high(peek()) || peek() == '@' || peek() == '?' || peek() == '!')
          fail("invalid character in alias: " + describe_here());
        if (peek() == '.' && is_upper(peek(1))) {
          ++pos_;
          continue;
        }
        if (peek() == '.') {
          ++pos_;
          fail("expected an uppercase alias segment after '.', found " + describe_here());
        }
        break;
      }
      if (name == "Elixir" || name.rfind("Elixir.", 0) == 0) return Term::atom(name);
      return Term::atom("Elixir." + name);
    }
    while (!at_end() && ident_continue(peek())) ++pos_;
    if (peek() == '?' || peek() == '!') ++pos_;
    const std::string_view word = s_.substr(start, pos_ - start);
    if (word == "true") return Term(atoms::true_);
    if (word == "false") return Term(atoms::false_);
    if (word == "nil") return Term(atoms::nil);
    fail_at(start, "unknown identifier '" + std::string(word) + "' (write atoms as :" +
                       std::string(word) + ")");
  }

  Term char_literal() {
    const size_t start = pos_;
    ++pos_;  // '?'
    if (at_end()) fail("unexpected end of input after '?'");
    if (peek() == '\\') {
      ++pos_;
      if (at_end()) fail("unexpected end of input after '?\\'");
      const char e = s_[pos_++];
      switch (e) {
        case 'a': return Term(7);
        case 'b': return Term(8);
        case 'd': return Term(127);
        case 'e': return Term(27);
        case 'f': return Term(12);
        case 'n': return Term(10);
        case 'r': return Term(13);
        case 's': return Term(32);
        case 't': return Term(9);
        case 'v': return Term(11);
        case '0': return Term(0);
        default: --pos_; break;
      }
    }
    uint32_t cp;
    const size_t n = decode_utf8(s_, pos_, cp);
    if (n == 0) fail_at(start, "invalid UTF-8 after '?'");
    pos_ += n;
    return Term(static_cast<long long>(cp));
  }

  /// `#PID<0.N.0>`, `#Reference<0.A.B.N>` (N is the id); `#Function<...>` is refused.
  Term hash_literal() {
    if (looking_at("#PID<")) {
      pos_ += 5;
      uint64_t parts[3];
      dotted_integers(parts, 3, "#PID<...> expects three integers");
      if (parts[1] > std::numeric_limits<uint32_t>::max())
        fail("#PID<...> serial number out of range");
      // The slot is unknown in text: Pid::kUnresolvedSlot, resolved by the runtime on use.
      return Term(Pid::make(0xFFFFFFFFu, static_cast<uint32_t>(parts[1])));
    }
    if (looking_at("#Reference<")) {
      pos_ += 11;
      uint64_t parts[4];
      dotted_integers(parts, 4, "#Reference<...> expects four integers");
      // #Reference<0.A.B.kRefShown+id> as inspect prints it; #Reference<0.0.0.id> as older files have it.
      bool shown = (parts[1] || parts[2]) && parts[3] >= kRefShown;
      return Term(Ref{shown ? parts[3] - kRefShown : parts[3]});
    }
    if (looking_at("#Function<")) {
      if (!opaque_funs) fail("funs cannot be parsed");
      const size_t start = pos_ + 10;
      int depth = 1;
      size_t i = start;
      for (; i < s_.size() && depth > 0; ++i) {
        if (s_[i] == '<') ++depth;
        if (s_[i] == '>') --depth;
      }
      if (depth != 0) fail("unterminated #Function<...>");
      pos_ = i;
      return Term::fun(new OpaqueFun(std::string(s_.substr(start, i - 1 - start))));
    }
    fail("unknown token '#'");
  }

  /// Reads `n` dot-separated non-negative integers and the closing '>'.
  void dotted_integers(uint64_t* out, int n, const char* message) {
    for (int i = 0; i < n; ++i) {
      if (i > 0) {
        if (peek() != '.' || at_end()) fail(message);
        ++pos_;
      }
      if (!is_digit(peek()) || at_end()) fail(message);
      uint64_t v = 0;
      while (!at_end() && is_digit(peek())) {
        const auto d = static_cast<uint64_t>(peek() - '0');
        if (v > (std::numeric_limits<uint64_t>::max() - d) / 10) fail("integer out of range");
        v = v * 10 + d;
        ++pos_;
      }
      out[i] = v;
    }
    if (peek() != '>' || at_end()) fail(message);
    ++pos_;
  }

  /// Digits in `base` with single '_' separators between digits; appends them to `out`.
  void digits(std::string& out, int base, std::string_view what) {
    auto valid = [base](char c) {
      const int v = hex_value(c);
      return v >= 0 && v < base && (base == 16 || is_digit(c));
    };
    if (at_end() || !valid(peek())) fail("expected " + std::string(what) + ", found " + describe_here());
    while (!at_end()) {
      if (valid(peek())) {
        out += peek();
        ++pos_;
      } else if (peek() == '_' && valid(peek(1)) && pos_ + 1 < s_.size()) {
        ++pos_;
      } else {
        break;
      }
    }
  }

  Term number() {
    const size_t start = pos_;
    const bool negative = peek() == '-';
    if (negative) ++pos_;
    int base = 10;
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'b' || peek(1) == 'o')) {
      base = peek(1) == 'x' ? 16 : (peek(1) == 'b' ? 2 : 8);
      pos_ += 2;
    }
    std::string text;
    digits(text, base, base == 16 ? "a hex digit" : (base == 2 ? "a binary digit" : (base == 8 ? "an octal digit" : "a digit")));
    bool is_float = false;
    if (base == 10 && peek() == '.' && is_digit(peek(1))) {
      is_float = true;
      ++pos_;
      text += '.';
      digits(text, 10, "a digit");
      if ((peek() == 'e' || peek() == 'E') && !at_end()) {
        ++pos_;
        text += 'e';
        if (peek() == '-' || peek() == '+') {
          text += peek();
          ++pos_;
        }
        digits(text, 10, "a digit in the exponent");
      }
    }
    if (ident_continue(peek()) && !at_end())
      fail("unexpected " + describe_here() + " after number");
    if (is_float) {
      double d = 0;
      auto r = std::from_chars(text.data(), text.data() + text.size(), d);
      if (r.ec != std::errc() || !std::isfinite(d)) fail_at(start, "float out of range");
      return Term(negative ? -d : d);
    }
    uint64_t mag = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), mag, base);
    if (r.ec != std::errc()) fail_at(start, "integer out of range (integers are 64-bit)");
    constexpr uint64_t limit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    if (negative) {
      if (mag > limit + 1) fail_at(start, "integer out of range (integers are 64-bit)");
      return Term(static_cast<long long>(0 - mag));  // two's complement wrap is well-defined
    }
    if (mag > limit) fail_at(start, "integer out of range (integers are 64-bit)");
    return Term(static_cast<long long>(mag));
  }
};

}  // namespace

ParseResult parse_term(std::string_view text) { return parse_term(text, ParseOptions{}); }

ParseResult parse_term(std::string_view text, const ParseOptions& opts) {
  Parser p(text);
  p.opaque_funs = opts.opaque_funs;
  try {
    return ParseResult(p.parse_document());
  } catch (const Failure& f) {
    return ParseResult(p.make_error(f));
  }
}

}  // namespace actorscope
