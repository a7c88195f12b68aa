// inspect(): Elixir 1.14's `inspect/1` (with limit: :infinity and printable_limit: :infinity, so
// nothing is ever elided), following the rules of Inspect.{Atom,BitString,Float,List,Map,Tuple},
// Macro.inspect_atom/2 and Code.Identifier.escape/2.

#include "utf8.hpp"
#include "actorscope/term.hpp"

#include <atomic>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>

namespace actorscope {
namespace {

using detail::append_utf8;
using detail::decode_utf8;

// ---------------------------------------------------------------------------------------------
// UTF-8



bool printable_unicode(uint32_t cp) {
  return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/// String.printable?/1.
bool printable_string(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (!((b >= 32 && b <= 126) || (b >= 7 && b <= 13) || b == 27 || b == 127)) return false;
      ++i;
      continue;
    }
    uint32_t cp;
    const size_t n = decode_utf8(s, i, cp);
    if (n == 0 || !printable_unicode(cp)) return false;
    i += n;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Code.Identifier.escape/2

const char kHex[] = "0123456789ABCDEF";

void escape_codepoint(std::string& out, uint32_t cp) {
  switch (cp) {
    case 7: out += "\\a"; return;
    case 8: out += "\\b"; return;
    case 127: out += "\\d"; return;
    case 27: out += "\\e"; return;
    case 12: out += "\\f"; return;
    case 10: out += "\\n"; return;
    case 13: out += "\\r"; return;
    case 9: out += "\\t"; return;
    case 11: out += "\\v"; return;
    case '\\': out += "\\\\"; return;
    case 0: out += "\\0"; return;
    case 0xFEFF: out += "\\uFEFF"; return;
    default: break;
  }
  if (printable_unicode(cp)) {
    append_utf8(out, cp);
  } else if (cp < 0x100) {
    out += "\\x";
    out += kHex[cp >> 4];
    out += kHex[cp & 15];
  } else if (cp < 0x10000) {
    out += "\\x{";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
    out += '}';
  } else {
    out += "\\x{";
    for (int shift = 20; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
    out += '}';
  }
}

/// Appends `s` escaped for a literal delimited by `quote` (without the delimiters).
void escape(std::string& out, std::string_view s, char quote) {
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == quote) {
      out += '\\';
      out += c;
      ++i;
    } else if (c == '#' && i + 1 < s.size() && s[i + 1] == '{') {
      out += "\\#{";
      i += 2;
    } else {
      uint32_t cp;
      const size_t n = decode_utf8(s, i, cp);
      if (n == 0) {
        const auto b = static_cast<unsigned char>(c);
        out += "\\x";
        out += kHex[b >> 4];
        out += kHex[b & 15];
        ++i;
      } else {
        escape_codepoint(out, cp);
        i += n;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Atoms: Macro.classify_atom/1

enum class AtomClass { Alias, Unquoted, Quoted };

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  for (auto x : set)
    if (s == x) return true;
  return false;
}

bool ascii_upper(uint32_t c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(uint32_t c) { return c >= 'a' && c <= 'z'; }
bool ascii_digit(uint32_t c) { return c >= '0' && c <= '9'; }

// Scripts of identifier letters, for Elixir's mixed-script rule (UTS 39 "highly restrictive").
enum Script : unsigned {
  kLatin = 1u << 0,
  kGreek = 1u << 1,
  kCyrillic = 1u << 2,
  kArmenian = 1u << 3,
  kHebrew = 1u << 4,
  kArabic = 1u << 5,
  kDevanagari = 1u << 6,
  kThai = 1u << 7,
  kGeorgian = 1u << 8,
  kHan = 1u << 9,
  kHiragana = 1u << 10,
  kKatakana = 1u << 11,
  kHangul = 1u << 12,
};

// An approximation of the letters Elixir's tokenizer accepts in identifiers outside ASCII
// (Unicode ID_Start restricted to the "recommended" characters of UTS 39, in NFKC form) for the
// scripts one meets in practice. Anything else is printed quoted, which is always valid syntax.
// Returns the letter's script, or 0 if it is not such a letter.
unsigned unicode_letter_script(uint32_t c) {
  struct Range {
    uint32_t lo, hi;
    unsigned script;
  };
  static constexpr Range ranges[] = {
      {0xC0, 0xD6, kLatin},       {0xD8, 0xF6, kLatin},       {0xF8, 0x131, kLatin},
      {0x134, 0x13E, kLatin},     {0x141, 0x148, kLatin},     {0x14A, 0x17E, kLatin},
      {0x1A0, 0x1A1, kLatin},     {0x1AF, 0x1B0, kLatin},     {0x1CD, 0x1DC, kLatin},
      {0x1DE, 0x1E3, kLatin},     {0x1E6, 0x1F0, kLatin},     {0x1F4, 0x1F5, kLatin},
      {0x1F8, 0x21B, kLatin},     {0x21E, 0x21F, kLatin},     {0x226, 0x233, kLatin},
      {0x1E00, 0x1E99, kLatin},   {0x1EA0, 0x1EF9, kLatin},   {0x386, 0x386, kGreek},
      {0x388, 0x38A, kGreek},     {0x38C, 0x38C, kGreek},     {0x38E, 0x3A1, kGreek},
      {0x3A3, 0x3CE, kGreek},     {0x400, 0x45F, kCyrillic},  {0x48A, 0x4FF, kCyrillic},
      {0x531, 0x556, kArmenian},  {0x561, 0x586, kArmenian},  {0x5D0, 0x5EA, kHebrew},
      {0x620, 0x63F, kArabic},    {0x641, 0x64A, kArabic},    {0x905, 0x939, kDevanagari},
      {0xE01, 0xE30, kThai},      {0x10D0, 0x10FA, kGeorgian}, {0x3041, 0x3096, kHiragana},
      {0x30A1, 0x30FA, kKatakana}, {0x3400, 0x4DBF, kHan},    {0x4E00, 0x9FFF, kHan},
      {0xAC00, 0xD7A3, kHangul},
  };
  for (const auto& r : ranges)
    if (c >= r.lo && c <= r.hi) return r.script;
  return 0;
}

/// String.Tokenizer: does `s` read as one identifier (`foo`, `Foo`, `foo?`, `a@b`, `héllo`)?
bool tokenizes_as_identifier(std::string_view s) {
  size_t i = 0;
  bool first = true;
  unsigned scripts = 0;
  while (i < s.size()) {
    uint32_t cp;
    const size_t n = decode_utf8(s, i, cp);
    if (n == 0) return false;
    if (ascii_lower(cp) || ascii_upper(cp)) {
      scripts |= kLatin;
    } else if (cp == '_') {
      // common to all scripts
    } else if (!first && (ascii_digit(cp) || cp == '@' || cp == 0xB7)) {
      // continuation only
    } else if (!first && (cp == '?' || cp == '!')) {
      if (i + 1 != s.size()) return false;
    } else if (unsigned script = unicode_letter_script(cp)) {
      scripts |= script;
    } else {
      return false;
    }
    first = false;
    i += n;
  }
  if (first) return false;
  // One script, or one of the combinations allowed for CJK.
  if ((scripts & (scripts - 1)) == 0) return true;
  constexpr unsigned japanese = kLatin | kHan | kHiragana | kKatakana;
  constexpr unsigned korean = kLatin | kHan | kHangul;
  return (scripts & ~japanese) == 0 || (scripts & ~korean) == 0;
}

/// Macro's valid_alias?: `Elixir` followed by zero or more `.Upper[A-Za-z0-9_]*`.
bool valid_alias(std::string_view s) {
  if (s.substr(0, 6) != "Elixir") return false;
  size_t i = 6;
  while (i < s.size()) {
    if (s[i] != '.' || i + 1 >= s.size() || !ascii_upper(static_cast<unsigned char>(s[i + 1])))
      return false;
    i += 2;
    while (i < s.size()) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (!(ascii_lower(c) || ascii_upper(c) || ascii_digit(c) || c == '_')) break;
      ++i;
    }
  }
  return true;
}

AtomClass classify_atom(std::string_view s) {
  if (is_one_of(s, {"%", "%{}", "{}", "<<>>", "...", "..", ".", "..//", "->"}))
    return AtomClass::Unquoted;  // not_callable
  if (is_one_of(s, {"::", "^^^", "~~~", "<|>"})) return AtomClass::Quoted;  // quoted_operator
  if (is_one_of(s, {"&", "!", "^", "not", "+", "-", "@", "<-", "\\\\", "when", "|", "=", "||",
                    "|||", "or", "&&", "&&&", "and", "==", "!=", "=~", "===", "!==", "<", "<=",
                    ">=", ">", "|>", "<<<", ">>>", "<~", "~>", "<<~", "~>>", "<~>", "in", "++",
                    "--", "+++", "---", "<>", "*", "/", "**"}))
    return AtomClass::Unquoted;  // unquoted_operator
  if (valid_alias(s)) return AtomClass::Alias;
  return tokenizes_as_identifier(s) ? AtomClass::Unquoted : AtomClass::Quoted;
}

void put_atom(std::string& out, std::string_view name) {
  if (name == "nil" || name == "true" || name == "false") {
    out += name;
    return;
  }
  switch (classify_atom(name)) {
    case AtomClass::Alias:
      if (name == "Elixir" || name == "Elixir.Elixir" || name.substr(0, 14) == "Elixir.Elixir.")
        out += name;
      else
        out += name.substr(7);
      return;
    case AtomClass::Unquoted:
      out += ':';
      out += name;
      return;
    case AtomClass::Quoted:
      out += ":\"";
      escape(out, name, '"');
      out += '"';
      return;
  }
}

/// A keyword key, with its colon and space (`a: `, `"with space": `).
void put_key(std::string& out, std::string_view name) {
  switch (classify_atom(name)) {
    case AtomClass::Unquoted:
      out += name;
      break;
    case AtomClass::Alias:
    case AtomClass::Quoted:
      out += '"';
      escape(out, name, '"');
      out += '"';
      break;
  }
  out += ": ";
}

// ---------------------------------------------------------------------------------------------
// Numbers

void put_integer(std::string& out, int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

/// Erlang's float_to_list(F, [short]) (io_lib_format:fwrite_g/1), as wrapped by Inspect.Float.
void put_float(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "nan";
    return;
  }
  if (std::isinf(d)) {
    out += d < 0 ? "-inf" : "inf";
    return;
  }
  const double a = std::fabs(d);
  if (a >= 1.0 && a < 1.0e16 && std::trunc(d) == d) {
    put_integer(out, static_cast<int64_t>(d));
    out += ".0";
    return;
  }
  if (d == 0.0) {
    out += std::signbit(d) ? "-0.0" : "0.0";
    return;
  }
  // Shortest round-trip digits: "d.ddde[+-]xx".
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(r.ptr - buf));
  if (sci[0] == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  const size_t epos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, epos))
    if (c != '.') digits += c;
  int exp10 = 0;
  std::from_chars(sci.data() + epos + 1 + (sci[epos + 1] == '+'), sci.data() + sci.size(), exp10);

  // The value is digits * 10^place. OTP uses scientific notation when it is strictly shorter
  // than the plain one, and always from 2^53 up.
  const int len = static_cast<int>(digits.size());
  const int place = exp10 - (len - 1);
  std::string sci_form;
  sci_form += digits[0];
  sci_form += '.';
  if (len == 1)
    sci_form += '0';
  else
    sci_form.append(digits, 1);
  sci_form += 'e';
  sci_form += std::to_string(exp10);
  if (a >= 9007199254740992.0) {
    out += sci_form;
    return;
  }
  std::string plain;
  if (place >= 0) {
    plain = digits;
    plain.append(static_cast<size_t>(place), '0');
    plain += ".0";
  } else if (exp10 >= 0) {
    plain.append(digits, 0, static_cast<size_t>(len + place));
    plain += '.';
    plain.append(digits, static_cast<size_t>(len + place));
  } else {
    plain = "0.";
    plain.append(static_cast<size_t>(-exp10 - 1), '0');
    plain += digits;
  }
  out += sci_form.size() < plain.size() ? sci_form : plain;
}

// ---------------------------------------------------------------------------------------------
// Containers

bool keyword_pair(const Term& t) {
  if (!t.is_tuple() || t.tuple_size() != 2 || !t.element(0).is_atom()) return false;
  return atom_name(t.element(0).as_atom()).substr(0, 7) != "Elixir.";
}

/// Inspect.List.keyword?/1: a proper list of {atom, _} pairs, none of whose keys is an alias.
bool is_keyword_list(const Term& list) {
  const Term* t = &list;
  for (; t->is_cons(); t = &t->tail())
    if (!keyword_pair(t->head())) return false;
  return t->is_empty_list();
}

/// List.ascii_printable?/1 (for a non-empty list).
bool is_printable_charlist(const Term& list) {
  const Term* t = &list;
  for (; t->is_cons(); t = &t->tail()) {
    const Term& h = t->head();
    if (!h.is_integer()) return false;
    const int64_t c = h.as_integer();
    if (!((c >= 7 && c <= 13) || c == 27 || (c >= 32 && c <= 126))) return false;
  }
  return t->is_empty_list();
}

void put(std::string& out, const Term& t);

void put_list(std::string& out, const Term& list) {
  if (list.is_empty_list()) {
    out += "[]";
    return;
  }
  if (is_printable_charlist(list)) {
    std::string chars;
    for (const Term* t = &list; t->is_cons(); t = &t->tail())
      chars += static_cast<char>(t->head().as_integer());
    out += '\'';
    escape(out, chars, '\'');
    out += '\'';
    return;
  }
  const bool keyword = is_keyword_list(list);
  out += '[';
  const Term* t = &list;
  bool first = true;
  for (; t->is_cons(); t = &t->tail()) {
    if (!first) out += ", ";
    first = false;
    const Term& h = t->head();
    if (keyword) {
      put_key(out, atom_name(h.element(0).as_atom()));
      put(out, h.element(1));
    } else {
      put(out, h);
    }
  }
  if (!t->is_empty_list()) {
    out += " | ";
    put(out, *t);
  }
  out += ']';
}

void put_map(std::string& out, const Term& map) {
  const auto& entries = map.map_entries();
  bool keyword = true;
  for (const auto& [k, v] : entries) {
    if (!k.is_atom() || atom_name(k.as_atom()).substr(0, 7) == "Elixir.") {
      keyword = false;
      break;
    }
  }
  out += "%{";
  bool first = true;
  for (const auto& [k, v] : entries) {
    if (!first) out += ", ";
    first = false;
    if (keyword) {
      put_key(out, atom_name(k.as_atom()));
    } else {
      put(out, k);
      out += " => ";
    }
    put(out, v);
  }
  out += '}';
}

void put_binary(std::string& out, std::string_view bytes) {
  if (printable_string(bytes)) {
    out += '"';
    escape(out, bytes, '"');
    out += '"';
    return;
  }
  out += "<<";
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i) out += ", ";
    put_integer(out, static_cast<unsigned char>(bytes[i]));
  }
  out += ">>";
}

void put(std::string& out, const Term& t) {
  switch (t.type()) {
    case TermType::Integer:
      put_integer(out, t.as_integer());
      return;
    case TermType::Float:
      put_float(out, t.as_float());
      return;
    case TermType::Atom:
      put_atom(out, atom_name(t.as_atom()));
      return;
    case TermType::Reference: {
      // As wide as the BEAM prints one (#Reference<0.3864886318.2185232385.215284>), so that a
      // {:DOWN, ref, :process, pid, reason} wraps where iex wraps it: two 10-digit words derived
      // from the id, then kRefShown + id (parse_term reads the id back). The last word is two
      // digits longer than the BEAM's, for our pids are two shorter (#PID<0.3.0>, #PID<0.110.0>).
      const uint64_t id = t.as_ref().id;
      out += "#Reference<0.";
      out += std::to_string(1'000'000'000 + (id * 2'654'435'761ULL) % 3'000'000'000ULL);
      out += '.';
      out += std::to_string(1'000'000'000 + (id * 40'503ULL + 2'166'136'261ULL) % 3'000'000'000ULL);
      out += '.';
      out += std::to_string(kRefShown + id);
      out += '>';
      return;
    }
    case TermType::Fun:
      out += "#Function<";
      out += t.as_fun()->describe();
      out += '>';
      return;
    case TermType::Pid:
      out += inspect_pid(t.as_pid());
      return;
    case TermType::Tuple: {
      out += '{';
      for (size_t i = 0, n = t.tuple_size(); i < n; ++i) {
        if (i) out += ", ";
        put(out, t.element(i));
      }
      out += '}';
      return;
    }
    case TermType::Map:
      put_map(out, t);
      return;
    case TermType::List:
      put_list(out, t);
      return;
    case TermType::Binary:
      put_binary(out, t.as_binary());
      return;
  }
}

}  // namespace

std::string inspect(const Term& t) {
  std::string out;
  put(out, t);
  return out;
}

std::ostream& operator<<(std::ostream& os, const Term& t) { return os << inspect(t); }

std::string inspect_atom(Atom a) {
  std::string out;
  put_atom(out, atom_name(a));
  return out;
}

std::string inspect_key(Atom a) {
  std::string out;
  put_key(out, atom_name(a));
  return out;
}

namespace detail {
uint32_t pid_print_node(Pid p) noexcept;  // nodes.cpp
}

namespace {
std::atomic<ForeignPidText> g_foreign_pid_text{nullptr};
}  // namespace

void set_foreign_pid_text(ForeignPidText f) { g_foreign_pid_text.store(f); }

std::string inspect_pid(Pid p) {
  std::string out;
  if (p.serial() >= kForeignPidSerial)
    if (ForeignPidText f = g_foreign_pid_text.load(std::memory_order_relaxed); f && f(p, out)) return out;
  // R9.1: as the running process's node sees it; another node's pids have a non-zero first number.
  out = "#PID<" + std::to_string(detail::pid_print_node(p)) + ".";
  out += std::to_string(p.serial());
  out += ".0>";
  return out;
}

}  // namespace actorscope
