// IO and :io (:io.format's io_lib formatting, Erlang term syntax for ~p/~w), and the Inspect
// options (width:, limit:) that Kernel.inspect/2 shares with IO.inspect/2.

#include "args.hpp"
#include "../../utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace actorscope::console::detail {

namespace {

void puts(Ctx& c, Stream s, const Term& t) { c.ip->write(s, to_string_term(c, t) + "\n"); }

/// A term in Erlang syntax, as io_lib's ~w writes it (one line); `p`: as ~p, which writes
/// printable charlists as strings.
void erl_write(std::string& out, const Term& t, bool p = false) {
  switch (t.type()) {
    case TermType::Atom: {
      std::string_view n = atom_name(t.as_atom());
      bool plain = !n.empty() && n[0] >= 'a' && n[0] <= 'z';
      for (char ch : n)
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '@')) plain = false;
      if (plain) {
        out += n;
      } else {
        out += '\'';
        for (char ch : n) {
          if (ch == '\'' || ch == '\\') out += '\\';
          out += ch;
        }
        out += '\'';
      }
      return;
    }
    case TermType::Binary: {
      out += "<<\"";
      for (char ch : t.as_binary()) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
      }
      out += "\">>";
      return;
    }
    case TermType::Tuple:
      out += '{';
      for (size_t i = 0; i < t.tuple_size(); ++i) {
        if (i) out += ',';
        erl_write(out, t[i], p);
      }
      out += '}';
      return;
    case TermType::List: {
      if (p && !t.is_empty_list() && t.is_proper_list()) {
        std::vector<Term> es = t.list_elements();
        bool printable = std::all_of(es.begin(), es.end(), [](const Term& e) {
          return e.is_integer() && ((e.as_integer() >= 32 && e.as_integer() < 127) || e.as_integer() == '\n' || e.as_integer() == '\t');
        });
        if (printable) {
          out += '"';
          for (const Term& e : es) {
            char ch = static_cast<char>(e.as_integer());
            if (ch == '\n') out += "\\n";
            else if (ch == '\t') out += "\\t";
            else {
              if (ch == '"' || ch == '\\') out += '\\';
              out += ch;
            }
          }
          out += '"';
          return;
        }
      }
      out += '[';
      Term cur = t;
      bool first = true;
      while (cur.is_list() && !cur.is_empty_list()) {
        if (!first) out += ',';
        first = false;
        erl_write(out, cur.head(), p);
        cur = cur.tail();
      }
      if (!cur.is_list()) {
        out += '|';
        erl_write(out, cur, p);
      }
      out += ']';
      return;
    }
    case TermType::Map: {
      out += "#{";
      bool first = true;
      for (auto& [k, v] : t.map_entries()) {
        if (!first) out += ',';
        first = false;
        erl_write(out, k, p);
        out += " => ";
        erl_write(out, v, p);
      }
      out += '}';
      return;
    }
    case TermType::Pid: {
      std::string p = inspect_pid(t.as_pid());  // #PID<0.1.0>
      out += '<' + p.substr(5, p.size() - 6) + '>';
      return;
    }
    case TermType::Reference: {
      std::string r = inspect(t);  // #Reference<0.A.B.N>
      out += "#Ref<" + r.substr(11);
      return;
    }
    default: out += inspect(t); return;
  }
}

/// The characters of ~s's argument: a binary, an atom or a (deep) charlist.
void chars_of(std::string& out, const Term& t) {
  if (t.is_binary()) {
    out += t.as_binary();
  } else if (t.is_atom()) {
    out += atom_name(t.as_atom());
  } else if (t.is_list()) {
    for (const Term& e : t.list_elements()) {
      if (e.is_integer()) {
        actorscope::detail::append_utf8(out, static_cast<uint32_t>(e.as_integer()));
      } else {
        chars_of(out, e);
      }
    }
  } else {
    badarg();
  }
}

/// io_lib:format/2 for the control sequences ~p ~w ~s ~a ~B ~b ~f ~e ~c ~n ~~ with field width,
/// precision and padding (~p on one line). Anything else is :badarg, as in Erlang.
std::string io_format(const Term& fmt, const Term& args_term) {
  std::string f;
  if (!(fmt.is_binary() || fmt.is_atom() || fmt.is_list())) bif_arg_error("1st argument: not a valid format string");
  chars_of(f, fmt);
  if (!args_term.is_proper_list()) bif_arg_error("2nd argument: not a list");
  std::vector<Term> args = args_term.list_elements();
  // The number of arguments the control sequences take, checked before any is formatted.
  size_t wanted = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '~') continue;
    for (++i; i < f.size() && (std::isdigit(static_cast<unsigned char>(f[i])) || f[i] == '.' || f[i] == '-' || f[i] == '*'); ++i)
      if (f[i] == '*') ++wanted;
    if (i >= f.size()) bif_arg_error("1st argument: format string invalid (truncated)");
    if (std::string_view("pwsaBbfec").find(f[i]) != std::string_view::npos) ++wanted;
    else if (f[i] != 'n' && f[i] != '~')
      bif_arg_error(std::string("1st argument: format string invalid (invalid control ~") + f[i] + ")");
  }
  if (wanted != args.size()) bif_arg_error("1st argument: wrong number of arguments");
  size_t ai = 0;
  auto next_arg = [&]() -> const Term& { return args[ai++]; };
  auto type_error = [&](const char* type) {
    bif_arg_error("2nd argument: element " + std::to_string(ai) + " must be of type " + type);
  };
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '~') {
      out += f[i];
      continue;
    }
    ++i;
    bool left = false;
    if (i < f.size() && f[i] == '-') {
      left = true;
      ++i;
    }
    auto number = [&]() -> int {
      if (i < f.size() && f[i] == '*') {
        ++i;
        const Term& n = next_arg();
        if (!n.is_integer()) type_error("integer");
        return static_cast<int>(n.as_integer());
      }
      int v = -1;
      while (i < f.size() && std::isdigit(static_cast<unsigned char>(f[i]))) v = (v < 0 ? 0 : v * 10) + (f[i++] - '0');
      return v;
    };
    int width = number();
    int prec = -1;
    char pad = ' ';
    if (i < f.size() && f[i] == '.') {
      ++i;
      prec = number();
      if (i < f.size() && f[i] == '.') {
        ++i;
        if (i >= f.size()) badarg();
        pad = f[i++];
      }
    }
    if (i >= f.size()) badarg();
    char ctl = f[i];
    std::string field;
    switch (ctl) {
      case 'n': out += '\n'; continue;
      case '~': out += '~'; continue;
      case 'p':
      case 'w': erl_write(field, next_arg(), ctl == 'p'); break;
      case 's':
      case 'a': {
        const Term& a = next_arg();
        if (ctl == 'a' && !a.is_atom()) type_error("atom");
        if (!(a.is_binary() || a.is_atom() || a.is_list())) type_error("string");
        chars_of(field, a);
        if (prec >= 0 && static_cast<int>(field.size()) > prec) field.resize(static_cast<size_t>(prec));
        break;
      }
      case 'B':
      case 'b': {
        const Term& a = next_arg();
        if (!a.is_integer()) type_error("integer");
        int base = prec < 0 ? 10 : prec;
        if (base < 2 || base > 36) badarg();
        long long v = a.as_integer();
        bool neg = v < 0;
        unsigned long long u = neg ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
        std::string digits;
        do {
          int d = static_cast<int>(u % static_cast<unsigned>(base));
          digits += static_cast<char>(d < 10 ? '0' + d : (ctl == 'B' ? 'A' : 'a') + d - 10);
          u /= static_cast<unsigned>(base);
        } while (u);
        if (neg) digits += '-';
        field.assign(digits.rbegin(), digits.rend());
        prec = -1;
        break;
      }
      case 'f':
      case 'e': {
        const Term& a = next_arg();
        if (!a.is_float()) type_error("float");
        char buf[512];
        std::snprintf(buf, sizeof buf, ctl == 'f' ? "%.*f" : "%.*e", prec < 0 ? (ctl == 'e' ? 5 : 6) : (ctl == 'e' ? prec - 1 : prec), a.as_float());
        field = buf;
        if (ctl == 'e') {  // Erlang writes the exponent without leading zeros: 2.50000e+0
          size_t e = field.find('e');
          std::string exp = field.substr(e + 2);
          while (exp.size() > 1 && exp[0] == '0') exp.erase(0, 1);
          field = field.substr(0, e + 2) + exp;
        }
        prec = -1;
        break;
      }
      case 'c': {
        const Term& a = next_arg();
        if (!a.is_integer()) type_error("integer");
        chars_of(field, Term::list({a}));
        break;
      }
      default: badarg();
    }
    if (width >= 0 && static_cast<int>(field.size()) < width) {
      std::string fill(static_cast<size_t>(width) - field.size(), pad);
      field = left ? field + fill : fill + field;
    } else if (width >= 0 && static_cast<int>(field.size()) > width && ctl != 's' && ctl != 'a' && ctl != 'p' && ctl != 'w') {
      field.assign(static_cast<size_t>(width), '*');  // a number that does not fit
    }
    out += field;
  }
  return out;
}

}  // namespace

int inspect_width(const Term& opts, int dflt) {
  int w = dflt;
  if (opts.is_list())
    for (const Term& kv : opts.list_elements()) {
      if (!kv.is_tuple() || kv.tuple_size() != 2) continue;
      if (kv[0].is_atom(intern("width")) && kv[1].is_integer()) w = kv[1].as_integer() <= 0 ? kInspectOneLine : static_cast<int>(kv[1].as_integer());
      if (kv[0].is_atom(intern("pretty")) && kv[1].is_atom(atoms::true_) && w == kInspectOneLine) w = 80;
    }
  return w;
}

int inspect_limit(const Term& opts) {
  int l = 50;
  if (opts.is_list())
    for (const Term& kv : opts.list_elements())
      if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(intern("limit"))) {
        if (kv[1].is_atom(atoms::infinity)) l = -1;
        else if (kv[1].is_integer() && kv[1].as_integer() >= 0) l = static_cast<int>(std::min<int64_t>(kv[1].as_integer(), 1 << 30));
      }
  return l;
}
namespace {

Term io_inspect(Ctx& c, const Term& v, const Term& opts) {
  std::string label;
  if (opts.is_list()) {
    for (const Term& kv : opts.list_elements())
      if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(intern("label"))) label = to_string_term(c, kv[1]) + ": ";
  }
  c.ip->write(Stream::Out, label + inspect_pretty(v, inspect_width(opts), inspect_limit(opts)) + "\n");
  return v;
}

}  // namespace

void register_io_builtins(BuiltinTable& t) {
  t.reg(":io", "format", 1).sync = [](Ctx& c, Args& a) -> Term {
    c.ip->write(Stream::Out, io_format(a[0], Term::empty_list()));
    return ok();
  };
  t.reg(":io", "format", 2).sync = [](Ctx& c, Args& a) -> Term {
    c.ip->write(Stream::Out, io_format(a[0], a[1]));
    return ok();
  };
  t.reg("IO", "puts", 1).sync = [](Ctx& c, Args& a) -> Term {
    puts(c, Stream::Out, a[0]);
    return ok();
  };
  t.reg("IO", "puts", 2).sync = [](Ctx& c, Args& a) -> Term {
    puts(c, a[0].is_atom(intern("stderr")) ? Stream::Err : Stream::Out, a[1]);
    return ok();
  };
  t.reg("IO", "write", 1).sync = [](Ctx& c, Args& a) -> Term {
    c.ip->write(Stream::Out, to_string_term(c, a[0]));
    return ok();
  };
  t.reg("IO", "inspect", 1).sync = [](Ctx& c, Args& a) -> Term { return io_inspect(c, a[0], Term::empty_list()); };
  t.reg("IO", "inspect", 2).sync = [](Ctx& c, Args& a) -> Term { return io_inspect(c, a[0], a[1]); };
}

}  // namespace actorscope::console::detail
