// Integer's built-ins (64-bit: an overflow raises ArithmeticError).

#include "args.hpp"

#include <algorithm>
#include <cctype>

namespace actorscope::console::detail {

namespace {

Term integer_pow(int64_t b, int64_t e) {
  long long r = 1;
  for (int64_t i = 0; i < e; ++i)
    if (__builtin_mul_overflow(r, b, &r)) raise_message("ArithmeticError", "integer overflow");
  return Term(r);
}

std::string to_base(int64_t v, int base) {
  if (v == 0) return "0";
  bool neg = v < 0;
  uint64_t u = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string s;
  while (u) {
    int d = static_cast<int>(u % static_cast<uint64_t>(base));
    s += static_cast<char>(d < 10 ? '0' + d : 'A' + d - 10);
    u /= static_cast<uint64_t>(base);
  }
  if (neg) s += '-';
  std::reverse(s.begin(), s.end());
  return s;
}

}  // namespace

Term parse_int(std::string_view s, int base) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  int64_t v = 0;
  size_t start = i;
  for (; i < s.size(); ++i) {
    int c = std::tolower(static_cast<unsigned char>(s[i]));
    int d = std::isdigit(c) ? c - '0' : (c >= 'a' && c <= 'z') ? c - 'a' + 10 : 99;
    if (d >= base) break;
    v = v * base + d;
  }
  if (i == start) return Term(A("error"));
  return T2(Term(static_cast<long long>(neg ? -v : v)), Term::binary(s.substr(i)));
}
void register_integer_builtins(BuiltinTable& t) {
  t.reg("Integer", "to_string", 1).sync = [](Ctx&, Args& a) -> Term { return Term::binary(inspect_pretty(Term(need_int(a[0])))); };
  t.reg("Integer", "pow", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer()) fce("Integer", "pow", 2);
    if (a[1].as_integer() < 0) raise_message("ArithmeticError", "bad argument in arithmetic expression");
    return integer_pow(a[0].as_integer(), a[1].as_integer());
  };
  t.reg("Integer", "parse", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("Integer", "parse", 2);
    return parse_int(a[0].as_binary(), 10);
  };
  t.reg("Integer", "parse", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("Integer", "parse", 2);
    if (!a[1].is_integer() || a[1].as_integer() < 2 || a[1].as_integer() > 36)
      raise_message("ArgumentError", "invalid base " + inspect_pretty(a[1]));
    return parse_int(a[0].as_binary(), static_cast<int>(a[1].as_integer()));
  };
  t.reg("Integer", "digits", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer()) fce("Integer", "digits", 2);
    int64_t v = a[0].as_integer();
    std::vector<Term> out;
    uint64_t u = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    do {
      int64_t d = static_cast<int64_t>(u % 10);
      out.insert(out.begin(), Term(static_cast<long long>(v < 0 ? -d : d)));
      u /= 10;
    } while (u);
    return Term::list(out);
  };
  t.reg("Integer", "undigits", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list()) fce("Integer", "undigits", 2);
    long long v = 0;
    for (const Term& d : a[0].list_elements()) {
      if (!d.is_integer()) fce("Integer", "undigits", 2);
      v = v * 10 + d.as_integer();
    }
    return Term(v);
  };
  t.reg("Integer", "to_string", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer()) raise_bif_badarg("1st argument: not an integer");
    if (!a[1].is_integer() || a[1].as_integer() < 2 || a[1].as_integer() > 36)
      raise_bif_badarg("2nd argument: not an integer in the range 2 through 36");
    return Term::binary(to_base(a[0].as_integer(), static_cast<int>(a[1].as_integer())));
  };
  t.reg("Integer", "mod", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer()) fce("Integer", "mod", 2);
    if (a[1].as_integer() == 0) raise_message("ArithmeticError", "bad argument in arithmetic expression");
    int64_t r = a[0].as_integer() % a[1].as_integer();
    if (r != 0 && ((r < 0) != (a[1].as_integer() < 0))) r += a[1].as_integer();
    return Term(static_cast<long long>(r));
  };
  t.reg("Integer", "floor_div", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer()) fce("Integer", "floor_div", 2);
    if (a[1].as_integer() == 0) raise_message("ArithmeticError", "bad argument in arithmetic expression");
    int64_t x = a[0].as_integer(), y = a[1].as_integer(), q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
    return Term(static_cast<long long>(q));
  };
  t.reg("Integer", "gcd", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer()) fce("Integer", "gcd", 2);
    int64_t x = std::llabs(a[0].as_integer()), y = std::llabs(a[1].as_integer());
    while (y) {
      int64_t t2 = x % y;
      x = y;
      y = t2;
    }
    return Term(static_cast<long long>(x));
  };
}

}  // namespace actorscope::console::detail
