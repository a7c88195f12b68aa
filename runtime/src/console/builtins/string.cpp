// String's built-ins: a code point counts as a grapheme, and case changes are ASCII only.

#include "args.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace actorscope::console::detail {

namespace {

/// The code points of a UTF-8 binary, each as its bytes.
std::vector<std::string> codepoints(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) n = 4;
    else if (c >= 0xE0) n = 3;
    else if (c >= 0xC0) n = 2;
    n = std::min(n, s.size() - i);
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}
std::string joined(const std::vector<std::string>& v, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e && i < v.size(); ++i) s += v[i];
  return s;
}
bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

Term pad(const Args& a, bool leading) {
  int arity = static_cast<int>(a.size());
  const char* fn = leading ? "pad_leading" : "pad_trailing";
  if (!a[0].is_binary() || !a[1].is_integer() || a[1].as_integer() < 0) fce("String", fn, 3);
  std::string padding = arity == 3 ? (a[2].is_binary() ? std::string(a[2].as_binary()) : "") : " ";
  if (arity == 3 && (!a[2].is_binary() || padding.empty())) fce("String", fn, 3);
  std::vector<std::string> s = codepoints(a[0].as_binary()), p = codepoints(padding);
  int64_t need = a[1].as_integer() - static_cast<int64_t>(s.size());
  std::string fill;
  for (int64_t i = 0; i < need; ++i) fill += p[static_cast<size_t>(i) % p.size()];
  std::string str(a[0].as_binary());
  return Term::binary(leading ? fill + str : str + fill);
}

}  // namespace

void register_string_builtins(BuiltinTable& t) {
  t.reg("String", "upcase", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    std::string s(a[0].as_binary());
    for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return Term::binary(s);
  };
  t.reg("String", "downcase", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    std::string s(a[0].as_binary());
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return Term::binary(s);
  };
  t.reg("String", "length", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    long long n = 0;
    for (char ch : a[0].as_binary())
      if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
    return Term(n);
  };
  t.reg("String", "to_atom", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    return Term::atom(a[0].as_binary());
  };
  t.reg("String", "to_integer", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    std::string s(a[0].as_binary());
    char* end = nullptr;
    long long v = std::strtoll(s.c_str(), &end, 10);
    // Elixir normalises this :badarg with the BIF's error info.
    if (s.empty() || *end || std::isspace(static_cast<unsigned char>(s[0])))
      raise_bif_badarg("1st argument: not a textual representation of an integer");
    return Term(v);
  };
  t.reg("String", "duplicate", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    std::string s;
    for (int64_t i = 0; i < need_int(a[1]); ++i) s += a[0].as_binary();
    return Term::binary(s);
  };
  t.reg("String", "trim", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    std::string_view s = a[0].as_binary();
    size_t b = s.find_first_not_of(" \t\n\r"), e = s.find_last_not_of(" \t\n\r");
    return Term::binary(b == std::string_view::npos ? std::string_view() : s.substr(b, e - b + 1));
  };
  t.reg("String", "split", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[1].is_binary() || a[1].as_binary().empty()) badarg();
    std::string_view s = a[0].as_binary(), sep = a[1].as_binary();
    std::vector<Term> out;
    size_t pos = 0;
    while (true) {
      size_t f = s.find(sep, pos);
      if (f == std::string_view::npos) {
        out.push_back(Term::binary(s.substr(pos)));
        break;
      }
      out.push_back(Term::binary(s.substr(pos, f - pos)));
      pos = f + sep.size();
    }
    return Term::list(out);
  };
  t.reg("String", "contains?", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[1].is_binary()) badarg();
    return Term::boolean(a[0].as_binary().find(a[1].as_binary()) != std::string_view::npos);
  };
  t.reg("String", "reverse", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "reverse", 1);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    std::reverse(v.begin(), v.end());
    return Term::binary(joined(v, 0, v.size()));
  };
  t.reg("String", "graphemes", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "graphemes", 1);
    std::vector<Term> out;
    for (auto& s : codepoints(a[0].as_binary())) out.push_back(Term::binary(s));
    return Term::list(out);
  };
  t.reg("String", "codepoints", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "codepoints", 1);
    std::vector<Term> out;
    for (auto& s : codepoints(a[0].as_binary())) out.push_back(Term::binary(s));
    return Term::list(out);
  };
  t.reg("String", "first", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "first", 1);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    return v.empty() ? Term() : Term::binary(v.front());
  };
  t.reg("String", "last", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "last", 1);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    return v.empty() ? Term() : Term::binary(v.back());
  };
  t.reg("String", "at", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[1].is_integer()) fce("String", "at", 2);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    int64_t i = a[1].as_integer(), n = static_cast<int64_t>(v.size());
    if (i < 0) i += n;
    return i < 0 || i >= n ? Term() : Term::binary(v[static_cast<size_t>(i)]);
  };
  t.reg("String", "slice", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[1].is_integer() || !a[2].is_integer() || a[2].as_integer() < 0) fce("String", "slice", 3);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    int64_t n = static_cast<int64_t>(v.size()), b = a[1].as_integer();
    if (b < 0) b = std::max<int64_t>(0, b + n);
    if (b >= n) return Term::binary("");
    return Term::binary(joined(v, static_cast<size_t>(b), static_cast<size_t>(std::min(n, b + a[2].as_integer()))));
  };
  t.reg("String", "slice", 2).sync = [](Ctx&, Args& a) -> Term {
    int64_t f, l, s;
    if (!a[0].is_binary() || !range_parts(a[1], f, l, s)) fce("String", "slice", 2);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    int64_t b, e;
    slice_bounds(static_cast<int64_t>(v.size()), f, l, b, e);
    std::string out;
    for (int64_t i = b; i < e; i += std::max<int64_t>(s, 1)) out += v[static_cast<size_t>(i)];
    return Term::binary(out);
  };
  t.reg("String", "starts_with?", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "starts_with?", 2);
    std::vector<Term> ps = a[1].is_list() ? a[1].list_elements() : std::vector<Term>{a[1]};
    for (const Term& p : ps) {
      if (!p.is_binary()) raise_error(Term(atoms::badarg));
      if (a[0].as_binary().substr(0, p.as_binary().size()) == p.as_binary()) return Term(atoms::true_);
    }
    return Term(atoms::false_);
  };
  t.reg("String", "ends_with?", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "ends_with?", 2);
    std::vector<Term> ps = a[1].is_list() ? a[1].list_elements() : std::vector<Term>{a[1]};
    std::string_view s = a[0].as_binary();
    for (const Term& p : ps) {
      if (!p.is_binary()) raise_error(Term(atoms::badarg));
      std::string_view x = p.as_binary();
      if (s.size() >= x.size() && s.substr(s.size() - x.size()) == x) return Term(atoms::true_);
    }
    return Term(atoms::false_);
  };
  t.reg("String", "replace", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[2].is_binary()) fce("String", "replace", 4);
    if (!a[1].is_binary()) raise_message("ArgumentError", "the console supports only a string pattern in String.replace/3");
    std::string_view s = a[0].as_binary(), p = a[1].as_binary(), r = a[2].as_binary();
    std::string out;
    if (p.empty()) {
      for (auto& cp : codepoints(s)) out += std::string(r) + cp;
      return Term::binary(out + std::string(r));
    }
    size_t pos = 0;
    while (true) {
      size_t f = s.find(p, pos);
      if (f == std::string_view::npos) break;
      out += s.substr(pos, f - pos);
      out += r;
      pos = f + p.size();
    }
    out += s.substr(pos);
    return Term::binary(out);
  };
  t.reg("String", "capitalize", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "capitalize", 1);
    std::string s(a[0].as_binary());
    for (size_t i = 0; i < s.size(); ++i)
      s[i] = static_cast<char>(i == 0 ? std::toupper(static_cast<unsigned char>(s[i])) : std::tolower(static_cast<unsigned char>(s[i])));
    return Term::binary(s);
  };
  t.reg("String", "pad_leading", 2).sync = [](Ctx&, Args& a) -> Term { return pad(a, true); };
  t.reg("String", "pad_leading", 3).sync = [](Ctx&, Args& a) -> Term { return pad(a, true); };
  t.reg("String", "pad_trailing", 2).sync = [](Ctx&, Args& a) -> Term { return pad(a, false); };
  t.reg("String", "pad_trailing", 3).sync = [](Ctx&, Args& a) -> Term { return pad(a, false); };
  t.reg("String", "trim_leading", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "trim_leading", 1);
    std::string_view s = a[0].as_binary();
    size_t b = 0;
    while (b < s.size() && is_ws(s[b])) ++b;
    return Term::binary(s.substr(b));
  };
  t.reg("String", "trim_trailing", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "trim_trailing", 1);
    std::string_view s = a[0].as_binary();
    size_t e = s.size();
    while (e > 0 && is_ws(s[e - 1])) --e;
    return Term::binary(s.substr(0, e));
  };
  t.reg("String", "split", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "split", 1);
    std::string_view s = a[0].as_binary();
    std::vector<Term> out;
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_ws(s[i])) ++i;
      size_t b = i;
      while (i < s.size() && !is_ws(s[i])) ++i;
      if (i > b) out.push_back(Term::binary(s.substr(b, i - b)));
    }
    return Term::list(out);
  };
  // String.split(s, sep, parts: n | trim: bool)
  t.reg("String", "split", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[1].is_binary() || !a[2].is_list()) fce("String", "split", 3);
    int64_t parts = -1;
    bool trim = false;
    for (const Term& o : a[2].list_elements()) {
      if (o.is_tuple() && o.tuple_size() == 2 && o[0].is_atom(A("parts")) && o[1].is_integer()) parts = o[1].as_integer();
      if (o.is_tuple() && o.tuple_size() == 2 && o[0].is_atom(A("trim"))) trim = truthy(o[1]);
    }
    std::string_view s = a[0].as_binary(), sep = a[1].as_binary();
    std::vector<Term> out;
    if (sep.empty()) {
      for (auto& cp : codepoints(s)) out.push_back(Term::binary(cp));
      if (!trim) out.push_back(Term::binary(""));
      return Term::list(out);
    }
    size_t pos = 0;
    while (true) {
      size_t f = s.find(sep, pos);
      if (f == std::string_view::npos || (parts > 0 && static_cast<int64_t>(out.size()) == parts - 1)) {
        out.push_back(Term::binary(s.substr(pos)));
        break;
      }
      Term piece = Term::binary(s.substr(pos, f - pos));
      if (!(trim && f == pos)) out.push_back(piece);
      pos = f + sep.size();
    }
    if (trim && !out.empty() && out.back().as_binary().empty()) out.pop_back();
    return Term::list(out);
  };
  t.reg("String", "to_integer", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[1].is_integer() || a[1].as_integer() < 2 || a[1].as_integer() > 36) raise_error(Term(atoms::badarg));
    Term r = parse_int(a[0].as_binary(), static_cast<int>(a[1].as_integer()));
    if (!r.is_tuple() || !r[1].as_binary().empty())
      raise_bif_badarg("1st argument: not a textual representation of an integer");
    return r[0];
  };
  t.reg("String", "to_float", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "to_float", 1);
    std::string s(a[0].as_binary());
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (s.empty() || *end || s.find('.') == std::string::npos || std::isspace(static_cast<unsigned char>(s[0])))
      raise_bif_badarg("1st argument: not a textual representation of a float");
    return Term(v);
  };
  t.reg("String", "to_charlist", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "to_charlist", 1);
    std::vector<Term> out;
    for (auto& cp : codepoints(a[0].as_binary())) {
      uint32_t c = static_cast<unsigned char>(cp[0]);
      if (cp.size() == 2) c &= 0x1F;
      if (cp.size() == 3) c &= 0x0F;
      if (cp.size() == 4) c &= 0x07;
      for (size_t i = 1; i < cp.size(); ++i) c = (c << 6) | (static_cast<unsigned char>(cp[i]) & 0x3F);
      out.push_back(Term(static_cast<long long>(c)));
    }
    return Term::list(out);
  };
}

}  // namespace actorscope::console::detail
