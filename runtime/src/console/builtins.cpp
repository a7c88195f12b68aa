// Built-in functions of the console language.

#include "builtins.hpp"

#include "interp.hpp"
#include "../utf8.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <random>
#include <map>
#include <set>
#include <unordered_map>

namespace actorscope::console {

Atom kernel_atom() {
  static const Atom k = intern("Elixir.Kernel");
  return k;
}

namespace detail {

Term make_range(int64_t first, int64_t last, int64_t step);
std::vector<Term> enumerate(const Term& t);
Term map_update(const Term& base, std::vector<std::pair<Term, Term>> kvs, bool must_exist);
Task<Term> call_clauses(Ctx& c, Callable f, std::vector<Term> args);
void register_otp(Builtin& (*reg)(void*, const char*, const char*, int), void* table);
void register_stdlib(Builtin& (*reg)(void*, const char*, const char*, int), void* table);

namespace {

uint64_t key(Atom mod, Atom fun, int arity) {
  return (static_cast<uint64_t>(mod.id) << 36) ^ (static_cast<uint64_t>(fun.id) << 8) ^ static_cast<uint64_t>(arity & 0xFF);
}

struct Entry {
  Atom mod, fun;
  int arity;
  Builtin b;
};

struct Table {
  std::unordered_map<uint64_t, std::vector<Entry>> map;
  std::vector<std::string> names;
  std::set<uint32_t> modules;
  std::map<uint32_t, std::vector<std::pair<Atom, int>>> exports;
  Builtin& reg(const char* mod, const char* fun, int arity) {
    Atom m = intern(std::string(mod[0] == ':' ? mod + 1 : "Elixir." + std::string(mod)));
    Atom f = intern(fun);
    auto& v = map[key(m, f, arity)];
    v.push_back({m, f, arity, {}});
    names.push_back(std::string(mod) + "." + fun + "/" + std::to_string(arity));
    modules.insert(m.id);
    exports[m.id].emplace_back(f, arity);
    return v.back().b;
  }
  const Builtin* find(Atom m, Atom f, int arity) const {
    auto it = map.find(key(m, f, arity));
    if (it == map.end()) return nullptr;
    for (const Entry& e : it->second)
      if (e.mod == m && e.fun == f && e.arity == arity) return &e.b;
    return nullptr;
  }
};

using Args = std::vector<Term>;

Args one(const Term& a) { return Args{a}; }
Args two(const Term& a, const Term& b) { return Args{a, b}; }

[[noreturn]] void badarg() { raise_error(Term(atoms::badarg)); }
[[noreturn]] void arg_error(const std::string& msg) { raise_message("ArgumentError", msg); }

const Term& need_pid(const Term& t) {
  if (!t.is_pid()) arg_error("errors were found at the given arguments:\n\n  * 1st argument: not a pid\n");
  return t;
}
const Term& need_list(const Term& t) {
  if (!t.is_list() || !t.is_proper_list()) badarg();
  return t;
}
int64_t need_int(const Term& t) {
  if (!t.is_integer()) badarg();
  return t.as_integer();
}
Atom need_atom(const Term& t) {
  if (!t.is_atom()) badarg();
  return t.as_atom();
}
Term ok() { return Term(atoms::ok); }

Runtime& rt(Ctx& c) { return c.self.runtime(); }

// ---- spawning -------------------------------------------------------------------------------------

Term check_fun0(const Term& f) {
  if (!f.is_fun()) badarg();
  return f;
}

SpawnOptions mfa_opts(const Args& a) {
  SpawnOptions o;
  o.initial_call = InitialCall{need_atom(a[0]), need_atom(a[1]), static_cast<int>(need_list(a[2]).list_length())};
  return o;
}

Term spawn_fun(Ctx& c, const Term& fun, bool link, bool monitor) {
  check_fun0(fun);
  SpawnOptions o;
  o.link = link;
  o.monitor = monitor;
  Ref r;
  Pid p = actorscope::detail::spawn_in(actorscope::detail::core_of(c.self), &c.self, o, monitor ? &r : nullptr,
                                        &process_main, c.ip, fun, Atom{}, Atom{}, std::vector<Term>{});
  if (monitor) return Term::tuple({Term(p), Term(r)});
  return Term(p);
}

Term spawn_mfa(Ctx& c, const Args& a, bool link, bool monitor) {
  SpawnOptions o = mfa_opts(a);
  o.link = link;
  o.monitor = monitor;
  Ref r;
  Pid p = actorscope::detail::spawn_in(actorscope::detail::core_of(c.self), &c.self, o, monitor ? &r : nullptr,
                                        &process_main, c.ip, Term(), a[0].as_atom(), a[1].as_atom(), a[2].list_elements());
  if (monitor) return Term::tuple({Term(p), Term(r)});
  return Term(p);
}

Term do_send(Ctx& c, const Term& dest, const Term& msg) {
  if (dest.is_pid()) {
    c.self.send(dest.as_pid(), msg);
  } else if (dest.is_atom()) {
    Pid p = rt(c).whereis(dest.as_atom());
    if (!p.valid()) arg_error("errors were found at the given arguments:\n\n  * 1st argument: invalid destination\n");
    c.self.send(p, msg);
  } else if (dest.is_tuple() && dest.tuple_size() == 2 && dest[0].is_atom()) {
    return do_send(c, dest[0], msg);
  } else {
    arg_error("errors were found at the given arguments:\n\n  * 1st argument: invalid destination\n");
  }
  return msg;
}


// ---- output -----------------------------------------------------------------------------------------

void puts(Ctx& c, Stream s, const Term& t) { c.ip->write(s, to_string_term(c, t) + "\n"); }

/// IO.inspect/2 prints with pretty: true and width 80; `width:` changes it (0: one line).
int inspect_width(const Term& opts, int dflt = 80) {
  int w = dflt;
  if (opts.is_list())
    for (const Term& kv : opts.list_elements()) {
      if (!kv.is_tuple() || kv.tuple_size() != 2) continue;
      if (kv[0].is_atom(intern("width")) && kv[1].is_integer()) w = kv[1].as_integer() <= 0 ? kInspectOneLine : static_cast<int>(kv[1].as_integer());
      if (kv[0].is_atom(intern("pretty")) && kv[1].is_atom(atoms::true_) && w == kInspectOneLine) w = 80;
    }
  return w;
}

/// The `limit:` option of IO.inspect/2 and inspect/2 (default 50; :infinity: no limit).
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

Term io_inspect(Ctx& c, const Term& v, const Term& opts) {
  std::string label;
  if (opts.is_list()) {
    for (const Term& kv : opts.list_elements())
      if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(intern("label"))) label = to_string_term(c, kv[1]) + ": ";
  }
  c.ip->write(Stream::Out, label + inspect_pretty(v, inspect_width(opts), inspect_limit(opts)) + "\n");
  return v;
}

struct NotInterrupt {
  Ctx* c;
  bool operator()(const Term& m) const { return !(c->interrupt && m == c->interrupt_token); }
};
struct OnlyInterrupt {
  Ctx* c;
  bool operator()(const Term& m) const {
    return c->interrupt && c->interrupt->load(std::memory_order_relaxed) && m == c->interrupt_token;
  }
};

// ---- :io.format --------------------------------------------------------------------------------

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
      std::string r = inspect(t);  // #Reference<0.0.0.1>
      out += "#Ref<" + r.substr(11);
      return;
    }
    default: out += inspect(t); return;
  }
}

/// ArgumentError "errors were found at the given arguments: * <what>", as a BIF reports it.
[[noreturn]] void bif_arg_error(const std::string& what) {
  arg_error("errors were found at the given arguments:\n\n  * " + what + "\n");
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

/// A time in nanoseconds in the unit an Erlang time function is asked for.
Term time_in(int64_t ns, const Term& unit) {
  std::string_view u = unit.is_atom() ? atom_name(unit.as_atom()) : "";
  if (u == "native" || u == "nanosecond" || u == "nano_seconds") return Term(static_cast<long long>(ns));
  if (u == "microsecond" || u == "micro_seconds") return Term(static_cast<long long>(ns / 1000));
  if (u == "millisecond" || u == "milli_seconds") return Term(static_cast<long long>(ns / 1000000));
  if (u == "second" || u == "seconds") return Term(static_cast<long long>(ns / 1000000000));
  badarg();
}

int64_t system_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// struct(Mod, fields) (keys that are not fields are dropped) and struct!/2 (they raise KeyError).
Term struct_of(Ctx& c, Args& a, bool strict) {
  Atom mod = need_atom(a[0]);
  std::vector<std::pair<Term, Term>> pairs;
  if (a[1].is_map()) {
    pairs = a[1].map_entries();
  } else {
    for (const Term& e : need_list(a[1]).list_elements()) {
      if (!e.is_tuple() || e.tuple_size() != 2) badarg();
      pairs.emplace_back(e[0], e[1]);
    }
  }
  auto m = c.ip->module(mod);
  std::vector<std::pair<Term, Term>> kv;
  for (auto& [k, v] : pairs) {
    bool known = !m || !m->has_struct ||
                 std::any_of(m->struct_fields.begin(), m->struct_fields.end(), [&](auto& f) { return k.is_atom(f.first); });
    if (known || strict) kv.emplace_back(k, v);
  }
  return make_struct(c, mod, std::move(kv), c.ip->file, 0);
}

// ---- timers --------------------------------------------------------------------------------------
// A timer (send_after, start_timer) is a small unlinked process that waits `ms` and then sends;
// cancelling it sends it a cancel token. The table maps a timer's reference to that process and
// its deadline (runtime clock, ns) until it fires or is cancelled.

struct TimerEntry {
  Pid pid;
  int64_t deadline_ns;
};
std::mutex g_timers_m;
std::map<uint64_t, TimerEntry> g_timers;

struct IsCancel {
  bool operator()(const Term& m) const { return m.is_atom(intern("$cancel_timer")); }
};

Task<> timer_main(Process& self, uint64_t id, Term dest, Term msg, int64_t ms) {
  auto got = co_await self.receive(IsCancel{}, ms);
  {
    std::lock_guard g(g_timers_m);
    g_timers.erase(id);
  }
  if (got) co_return;
  if (dest.is_pid()) {
    self.send(dest.as_pid(), msg);
  } else {
    Pid p = self.runtime().whereis(dest.as_atom());
    if (p.valid()) self.send(p, msg);
  }
}

/// send_after(dest, msg, ms), or start_timer's {:timeout, ref, msg} when `wrap`: the timer's reference.
Term start_timer(Ctx& c, const Term& dest, const Term& msg, const Term& time, bool wrap) {
  if (!time.is_integer()) bif_arg_error("1st argument: not an integer");
  if (time.as_integer() < 0) bif_arg_error("1st argument: out of range");
  if (!(dest.is_pid() || dest.is_atom())) bif_arg_error("2nd argument: not a pid or an atom");
  Ref ref = c.self.make_ref();
  Term r(ref);
  Term payload = wrap ? Term::tuple({Term(intern("timeout")), r, msg}) : msg;
  int64_t ms = time.as_integer();
  std::lock_guard g(g_timers_m);  // held across the spawn so the timer cannot fire before it is listed
  Pid p = actorscope::detail::spawn_in(actorscope::detail::core_of(c.self), &c.self, SpawnOptions{}, nullptr,
                                        &timer_main, ref.id, dest, payload, ms);
  g_timers[ref.id] = TimerEntry{p, rt(c).now_ns() + ms * 1000000};
  return r;
}

/// cancel_timer / read_timer: the milliseconds left, or false for a timer that fired or is unknown.
Term timer_left(Ctx& c, const Term& ref, bool cancel) {
  if (!ref.is_ref()) bif_arg_error("1st argument: not a reference");
  TimerEntry e;
  {
    std::lock_guard g(g_timers_m);
    auto it = g_timers.find(ref.as_ref().id);
    if (it == g_timers.end()) return Term(atoms::false_);
    e = it->second;
    if (cancel) g_timers.erase(it);
  }
  if (cancel) c.self.send(e.pid, Term(intern("$cancel_timer")));
  int64_t left = (e.deadline_ns - rt(c).now_ns()) / 1000000;
  return Term(static_cast<long long>(left < 0 ? 0 : left));
}

Task<Term> sleep_ms(Ctx& c, const Term& t) {
  int64_t ms;
  if (t.is_atom(atoms::infinity))
    ms = kInfinity;
  else if (t.is_integer() && t.as_integer() >= 0)
    ms = t.as_integer();
  else
    badarg();
  if (ms == kInfinity) {
    (void)co_await c.self.receive(OnlyInterrupt{&c});
    throw Interrupted{};
  }
  auto got = co_await c.self.receive(OnlyInterrupt{&c}, ms);
  if (got) throw Interrupted{};
  co_return ok();
}

// ---- enumerables ---------------------------------------------------------------------------------

std::mt19937_64& rng() {
  thread_local std::mt19937_64 g{std::random_device{}()};
  return g;
}

std::string join(Ctx& c, const Term& coll, const std::string& sep) {
  std::string out;
  bool first = true;
  for (const Term& e : enumerate(coll)) {
    if (!first) out += sep;
    first = false;
    out += to_string_term(c, e);
  }
  return out;
}

std::vector<std::pair<Term, Term>> keyword_pairs(const Term& t) {
  std::vector<std::pair<Term, Term>> out;
  for (const Term& e : enumerate(t)) {
    if (!e.is_tuple() || e.tuple_size() != 2) badarg();
    out.emplace_back(e[0], e[1]);
  }
  return out;
}

Builtin& reg_thunk(void* t, const char* mod, const char* fun, int arity);

Table build() {
  Table t;
  // ---- Kernel ----------------------------------------------------------------------------------
  t.reg("Kernel", "self", 0).sync = [](Ctx& c, Args&) -> Term { return Term(c.self.pid()); };
  t.reg("Kernel", "node", 0).sync = [](Ctx&, Args&) -> Term { return Term(atoms::nonode); };
  t.reg("Kernel", "make_ref", 0).sync = [](Ctx& c, Args&) -> Term { return Term(c.self.make_ref()); };
  t.reg("Kernel", "send", 2).sync = [](Ctx& c, Args& a) -> Term { return do_send(c, a[0], a[1]); };
  t.reg("Kernel", "spawn", 1).sync = [](Ctx& c, Args& a) -> Term { return spawn_fun(c, a[0], false, false); };
  t.reg("Kernel", "spawn_link", 1).sync = [](Ctx& c, Args& a) -> Term { return spawn_fun(c, a[0], true, false); };
  t.reg("Kernel", "spawn_monitor", 1).sync = [](Ctx& c, Args& a) -> Term { return spawn_fun(c, a[0], false, true); };
  t.reg("Kernel", "spawn", 3).sync = [](Ctx& c, Args& a) -> Term { return spawn_mfa(c, a, false, false); };
  t.reg("Kernel", "spawn_link", 3).sync = [](Ctx& c, Args& a) -> Term { return spawn_mfa(c, a, true, false); };
  t.reg("Kernel", "spawn_monitor", 3).sync = [](Ctx& c, Args& a) -> Term { return spawn_mfa(c, a, false, true); };
  t.reg("Kernel", "exit", 1).sync = [](Ctx&, Args& a) -> Term { throw LangExit(a[0]); };
  t.reg("Kernel", "raise", 1).sync = [](Ctx&, Args& a) -> Term {
    if (a[0].is_binary()) raise_message("RuntimeError", std::string(a[0].as_binary()));
    if (a[0].is_map() && a[0].map_get(Term(intern("__exception__")))) raise_error(a[0]);
    if (a[0].is_atom()) raise_error(exception_of(a[0], Term::empty_list()));
    arg_error("raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: " + inspect_pretty(a[0]));
  };
  t.reg("Kernel", "raise", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_atom()) badarg();
    raise_error(exception_of(a[0], a[1]));
  };
  t.reg("Kernel", "reraise", 2).sync = [](Ctx&, Args& a) -> Term {
    if (a[0].is_map() && a[0].map_get(Term(intern("__exception__")))) raise_error(a[0]);
    if (a[0].is_binary()) raise_message("RuntimeError", std::string(a[0].as_binary()));
    if (a[0].is_atom()) raise_error(exception_of(a[0], Term::empty_list()));
    arg_error("raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: " + inspect_pretty(a[0]));
  };
  t.reg("Kernel", "reraise", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_atom()) badarg();
    raise_error(exception_of(a[0], a[1]));
  };
  t.reg("Exception", "message", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map() || !a[0].map_get(Term(intern("__exception__")))) raise_error(make_exception("FunctionClauseError", {{Term(intern("module")), Term(intern("Elixir.Exception"))}, {Term(intern("function")), Term(intern("message"))}, {Term(intern("arity")), Term(1)}}));
    return Term::binary(exception_message(a[0]));
  };
  t.reg("Exception", "exception?", 1).sync = [](Ctx&, Args& a) -> Term {
    return Term::boolean(a[0].is_map() && a[0].map_get(Term(intern("__exception__"))));
  };
  t.reg("Exception", "normalize", 2).sync = [](Ctx&, Args& a) -> Term {
    return a[0].is_atom(intern("error")) ? normalize_exception(a[1]) : a[1];
  };
  t.reg("Exception", "normalize", 3).sync = [](Ctx&, Args& a) -> Term {
    return a[0].is_atom(intern("error")) ? normalize_exception(a[1]) : a[1];
  };
  // Exception.format/2,3 without the stacktrace lines (the console keeps no stacktraces).
  auto format_kind = [](Args& a) -> Term {
    if (a[0].is_atom(intern("error"))) return Term::binary(format_error(a[1]));
    if (a[0].is_atom(intern("exit"))) return Term::binary("** (exit) " + format_exit(a[1]));
    if (a[0].is_atom(intern("throw"))) return Term::binary("** (throw) " + inspect_pretty(a[1]));
    return Term::binary("** (" + inspect_pretty(a[0]) + ") " + inspect_pretty(a[1]));
  };
  static auto fk = format_kind;
  t.reg("Exception", "format", 2).sync = [](Ctx&, Args& a) -> Term { return fk(a); };
  t.reg("Exception", "format", 3).sync = [](Ctx&, Args& a) -> Term { return fk(a); };
  t.reg("Exception", "format_exit", 1).sync = [](Ctx&, Args& a) -> Term { return Term::binary(format_exit(a[0])); };
  t.reg("Kernel", "throw", 1).sync = [](Ctx&, Args& a) -> Term { raise_error(Term::tuple({Term(atoms::nocatch), a[0]})); };
#define GUARD(name, expr)                                                           \
  t.reg("Kernel", name, 1).sync = [](Ctx&, Args& a) -> Term {                      \
    const Term& x = a[0];                                                           \
    return Term::boolean(expr);                                                     \
  };
  GUARD("is_atom", x.is_atom())
  GUARD("is_integer", x.is_integer())
  GUARD("is_float", x.is_float())
  GUARD("is_number", x.is_number())
  GUARD("is_binary", x.is_binary())
  GUARD("is_bitstring", x.is_binary())
  GUARD("is_list", x.is_list())
  GUARD("is_tuple", x.is_tuple())
  GUARD("is_map", x.is_map())
  GUARD("is_pid", x.is_pid())
  GUARD("is_reference", x.is_ref())
  GUARD("is_function", x.is_fun())
  GUARD("is_boolean", x.is_boolean())
  GUARD("is_nil", x.is_atom(atoms::nil))
#undef GUARD
  t.reg("Kernel", "is_function", 2).sync = [](Ctx&, Args& a) -> Term {
    return Term::boolean(a[0].is_fun() && a[1].is_integer() && a[0].as_fun()->arity() == a[1].as_integer());
  };
  t.reg("Kernel", "elem", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple() || !a[1].is_integer() || a[1].as_integer() < 0 ||
        static_cast<size_t>(a[1].as_integer()) >= a[0].tuple_size())
      arg_error("errors were found at the given arguments:\n\n  * 1st argument: out of range\n");
    return a[0][static_cast<size_t>(a[1].as_integer())];
  };
  t.reg("Kernel", "put_elem", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple() || !a[1].is_integer() || a[1].as_integer() < 0 ||
        static_cast<size_t>(a[1].as_integer()) >= a[0].tuple_size())
      badarg();
    std::vector<Term> v;
    for (size_t i = 0; i < a[0].tuple_size(); ++i) v.push_back(a[0][i]);
    v[static_cast<size_t>(a[1].as_integer())] = a[2];
    return Term::tuple(v);
  };
  t.reg("Kernel", "tuple_size", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple()) badarg();
    return Term(static_cast<long long>(a[0].tuple_size()));
  };
  t.reg("Kernel", "length", 1).sync = [](Ctx&, Args& a) -> Term {
    return Term(static_cast<long long>(need_list(a[0]).list_length()));
  };
  t.reg("Kernel", "hd", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_cons()) badarg();
    return a[0].head();
  };
  t.reg("Kernel", "tl", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_cons()) badarg();
    return a[0].tail();
  };
  t.reg("Kernel", "abs", 1).sync = [](Ctx&, Args& a) -> Term {
    if (a[0].is_integer()) return Term(static_cast<long long>(std::llabs(a[0].as_integer())));
    if (a[0].is_float()) return Term(std::fabs(a[0].as_float()));
    badarg();
  };
  t.reg("Kernel", "div", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer() || a[1].as_integer() == 0)
      raise_badarith("div(" + inspect_pretty(a[0]) + ", " + inspect_pretty(a[1]) + ")");
    return Term(static_cast<long long>(a[0].as_integer() / a[1].as_integer()));
  };
  t.reg("Kernel", "rem", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer() || a[1].as_integer() == 0)
      raise_badarith("rem(" + inspect_pretty(a[0]) + ", " + inspect_pretty(a[1]) + ")");
    return Term(static_cast<long long>(a[0].as_integer() % a[1].as_integer()));
  };
  t.reg("Kernel", "max", 2).sync = [](Ctx&, Args& a) -> Term { return compare(a[0], a[1]) >= 0 ? a[0] : a[1]; };
  t.reg("Kernel", "min", 2).sync = [](Ctx&, Args& a) -> Term { return compare(a[0], a[1]) <= 0 ? a[0] : a[1]; };
  t.reg("Kernel", "round", 1).sync = [](Ctx&, Args& a) -> Term {
    if (a[0].is_integer()) return a[0];
    if (!a[0].is_float()) badarg();
    return Term(static_cast<long long>(std::llround(a[0].as_float())));
  };
  t.reg("Kernel", "trunc", 1).sync = [](Ctx&, Args& a) -> Term {
    if (a[0].is_integer()) return a[0];
    if (!a[0].is_float()) badarg();
    return Term(static_cast<long long>(a[0].as_float()));
  };
  t.reg("Kernel", "map_size", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    return Term(static_cast<long long>(a[0].map_size()));
  };
  t.reg("Kernel", "byte_size", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    return Term(static_cast<long long>(a[0].as_binary().size()));
  };
  t.reg("Kernel", "to_string", 1).sync = [](Ctx& c, Args& a) -> Term { return Term::binary(to_string_term(c, a[0])); };
  t.reg("Kernel", "inspect", 1).sync = [](Ctx&, Args& a) -> Term { return Term::binary(inspect_pretty(a[0])); };
  t.reg("Kernel", "inspect", 2).sync = [](Ctx&, Args& a) -> Term {
    bool pretty = false;
    if (a[1].is_list())
      for (const Term& kv : a[1].list_elements())
        if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(intern("pretty")) && kv[1].is_atom(atoms::true_)) pretty = true;
    return Term::binary(inspect_pretty(a[0], pretty ? inspect_width(a[1]) : kInspectOneLine, inspect_limit(a[1])));
  };
  t.reg("Kernel", "apply", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await apply_fun(c, a[0], need_list(a[1]).list_elements());
  };
  t.reg("Kernel", "apply", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await apply_mfa(c, need_atom(a[0]), need_atom(a[1]), need_list(a[2]).list_elements());
  };
  t.reg("Kernel", "then", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await apply_fun(c, a[1], one(a[0])); };
  // IEx helpers (imported in the shell; scripts `import IEx.Helpers`).
  t.reg("Kernel", "flush", 0).async = [](Ctx& c, Args) -> Task<Term> {
    while (true) {
      auto m = co_await c.self.receive(NotInterrupt{&c}, 0);
      if (!m) break;
      c.ip->write(Stream::Out, inspect_pretty(*m) + "\n");
    }
    co_return ok();
  };
  t.reg("Kernel", "pid", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer() || !a[2].is_integer()) badarg();
    ParseResult r = parse_term("#PID<" + inspect_pretty(a[0]) + "." + inspect_pretty(a[1]) + "." + inspect_pretty(a[2]) + ">");
    if (!r) badarg();
    return r.term();
  };
  t.reg("Kernel", "pid", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    ParseResult r = parse_term("#PID<" + std::string(a[0].as_binary()) + ">");
    if (!r) badarg();
    return r.term();
  };

  // ---- Process ---------------------------------------------------------------------------------
  t.reg("Process", "exit", 2).sync = [](Ctx& c, Args& a) -> Term {
    return Term::boolean(c.self.exit(need_pid(a[0]).as_pid(), a[1]));
  };
  t.reg("Process", "link", 1).sync = [](Ctx& c, Args& a) -> Term {
    try {
      return Term::boolean(c.self.link(need_pid(a[0]).as_pid()));
    } catch (const ErlangError& e) {
      raise_error(e.reason());
    }
  };
  t.reg("Process", "unlink", 1).sync = [](Ctx& c, Args& a) -> Term { return Term::boolean(c.self.unlink(need_pid(a[0]).as_pid())); };
  t.reg("Process", "monitor", 1).sync = [](Ctx& c, Args& a) -> Term {
    if (a[0].is_pid()) return Term(c.self.monitor(a[0].as_pid()));
    if (a[0].is_atom()) return Term(c.self.monitor(a[0].as_atom()));
    if (a[0].is_tuple() && a[0].tuple_size() == 2 && a[0][0].is_atom()) return Term(c.self.monitor(a[0][0].as_atom()));
    badarg();
  };
  t.reg("Process", "demonitor", 1).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[0].is_ref()) badarg();
    return Term::boolean(c.self.demonitor(a[0].as_ref()));
  };
  t.reg("Process", "demonitor", 2).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[0].is_ref()) badarg();
    DemonitorOptions o;
    for (const Term& x : need_list(a[1]).list_elements()) {
      if (x.is_atom(atoms::flush)) o.flush = true;
      else if (x.is_atom(atoms::info)) o.info = true;
      else badarg();
    }
    return Term::boolean(c.self.demonitor(a[0].as_ref(), o));
  };
  t.reg("Process", "flag", 2).sync = [](Ctx& c, Args& a) -> Term {
    if (a[0].is_atom(atoms::trap_exit) && a[1].is_boolean()) return Term::boolean(c.self.trap_exit(a[1].as_bool()));
    badarg();
  };
  t.reg("Process", "alive?", 1).sync = [](Ctx& c, Args& a) -> Term { return Term::boolean(rt(c).alive(need_pid(a[0]).as_pid())); };
  t.reg("Process", "info", 1).sync = [](Ctx& c, Args& a) -> Term { return rt(c).info(need_pid(a[0]).as_pid()); };
  t.reg("Process", "info", 2).sync = [](Ctx& c, Args& a) -> Term {
    Pid p = need_pid(a[0]).as_pid();
    if (a[1].is_list()) {
      std::vector<Term> out;
      for (const Term& it : a[1].list_elements()) {
        Term r = rt(c).info(p, need_atom(it));
        if (r.is_atom(atoms::nil)) return r;
        out.push_back(r);
      }
      return Term::list(out);
    }
    return rt(c).info(p, need_atom(a[1]));
  };
  t.reg("Process", "register", 2).sync = [](Ctx& c, Args& a) -> Term {
    // Elixir's Process.register/2 guard: an atom other than nil, false, true and :undefined.
    if (!a[1].is_atom() || a[1].is_atom(intern("nil")) || a[1].is_atom(intern("false")) ||
        a[1].is_atom(intern("true")) || a[1].is_atom(intern("undefined")))
      raise_error(make_exception("FunctionClauseError",
                                   {{Term(intern("module")), Term(intern("Elixir.Process"))},
                                    {Term(intern("function")), Term(intern("register"))},
                                    {Term(intern("arity")), Term(2)}}));
    Pid p = need_pid(a[0]).as_pid();
    Atom name = need_atom(a[1]);
    try {
      rt(c).register_name(p, name);
    } catch (const ErlangError&) {
      arg_error("could not register " + inspect_pretty(a[0]) + " with name " + inspect_pretty(a[1]) +
                " because it is not alive, the name is already taken, or it has already been given another name");
    }
    return Term(atoms::true_);
  };
  t.reg("Process", "unregister", 1).sync = [](Ctx& c, Args& a) -> Term {
    try {
      rt(c).unregister(need_atom(a[0]));
    } catch (const ErlangError&) {
      arg_error("errors were found at the given arguments:\n\n  * 1st argument: not a pid\n");
    }
    return Term(atoms::true_);
  };
  t.reg("Process", "whereis", 1).sync = [](Ctx& c, Args& a) -> Term {
    Pid p = rt(c).whereis(need_atom(a[0]));
    return p.valid() ? Term(p) : Term();
  };
  t.reg("Process", "registered", 0).sync = [](Ctx& c, Args&) -> Term {
    std::vector<Term> v;
    for (Atom n : rt(c).registered()) v.push_back(Term(n));
    return Term::list(v);
  };
  t.reg("Process", "list", 0).sync = [](Ctx& c, Args&) -> Term {
    std::vector<Term> v;
    for (Pid p : rt(c).processes()) v.push_back(Term(p));
    return Term::list(v);
  };
  t.reg("Process", "sleep", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await sleep_ms(c, a[0]); };
  t.reg("Process", "put", 2).sync = [](Ctx& c, Args& a) -> Term { return c.self.put(a[0], a[1]); };
  t.reg("Process", "get", 1).sync = [](Ctx& c, Args& a) -> Term { return c.self.get(a[0]); };
  t.reg("Process", "send", 3).sync = [](Ctx& c, Args& a) -> Term {
    do_send(c, a[0], a[1]);
    return ok();
  };
  t.reg(":timer", "sleep", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await sleep_ms(c, a[0]); };
  // :timer.tc: {elapsed microseconds (the runtime's clock), result}.
  t.reg(":timer", "tc", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    int64_t t0 = c.ip->rt.now_ns();
    Term r = co_await apply_fun(c, a[0], {});
    co_return Term::tuple({Term((c.ip->rt.now_ns() - t0) / 1000), r});
  };
  t.reg(":timer", "tc", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    int64_t t0 = c.ip->rt.now_ns();
    Term r = co_await apply_fun(c, a[0], need_list(a[1]).list_elements());
    co_return Term::tuple({Term((c.ip->rt.now_ns() - t0) / 1000), r});
  };
  t.reg(":timer", "tc", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    int64_t t0 = c.ip->rt.now_ns();
    Term r = co_await apply_mfa(c, need_atom(a[0]), need_atom(a[1]), need_list(a[2]).list_elements());
    co_return Term::tuple({Term((c.ip->rt.now_ns() - t0) / 1000), r});
  };
  t.reg("Process", "send_after", 3).sync = [](Ctx& c, Args& a) -> Term { return start_timer(c, a[0], a[1], a[2], false); };
  t.reg("Process", "send_after", 4).sync = [](Ctx& c, Args& a) -> Term { return start_timer(c, a[0], a[1], a[2], false); };
  t.reg(":erlang", "send_after", 3).sync = [](Ctx& c, Args& a) -> Term { return start_timer(c, a[1], a[2], a[0], false); };
  t.reg(":erlang", "start_timer", 3).sync = [](Ctx& c, Args& a) -> Term { return start_timer(c, a[1], a[2], a[0], true); };
  t.reg("Process", "cancel_timer", 1).sync = [](Ctx& c, Args& a) -> Term { return timer_left(c, a[0], true); };
  t.reg("Process", "cancel_timer", 2).sync = [](Ctx& c, Args& a) -> Term { return timer_left(c, a[0], true); };
  t.reg(":erlang", "cancel_timer", 1).sync = [](Ctx& c, Args& a) -> Term { return timer_left(c, a[0], true); };
  t.reg("Process", "read_timer", 1).sync = [](Ctx& c, Args& a) -> Term { return timer_left(c, a[0], false); };
  t.reg(":erlang", "read_timer", 1).sync = [](Ctx& c, Args& a) -> Term { return timer_left(c, a[0], false); };
  t.reg(":io", "format", 1).sync = [](Ctx& c, Args& a) -> Term {
    c.ip->write(Stream::Out, io_format(a[0], Term::empty_list()));
    return ok();
  };
  t.reg(":io", "format", 2).sync = [](Ctx& c, Args& a) -> Term {
    c.ip->write(Stream::Out, io_format(a[0], a[1]));
    return ok();
  };
  // Monotonic time is the runtime's clock (virtual in deterministic mode); native unit = ns.
  for (const char* mod : {":erlang", "System"}) {
    t.reg(mod, "monotonic_time", 0).sync = [](Ctx& c, Args&) -> Term { return Term(static_cast<long long>(c.ip->rt.now_ns())); };
    t.reg(mod, "monotonic_time", 1).sync = [](Ctx& c, Args& a) -> Term { return time_in(c.ip->rt.now_ns(), a[0]); };
  }
  for (const char* mod : {":erlang", "System", ":os"}) {
    t.reg(mod, "system_time", 0).sync = [](Ctx&, Args&) -> Term { return Term(static_cast<long long>(system_ns())); };
    t.reg(mod, "system_time", 1).sync = [](Ctx&, Args& a) -> Term { return time_in(system_ns(), a[0]); };
  }
  t.reg(":erlang", "error", 1).sync = [](Ctx&, Args& a) -> Term { raise_error(a[0]); };
  t.reg(":erlang", "throw", 1).sync = [](Ctx&, Args& a) -> Term { raise_error(Term::tuple({Term(atoms::nocatch), a[0]})); };
  t.reg(":erlang", "self", 0).sync = [](Ctx& c, Args&) -> Term { return Term(c.self.pid()); };
  t.reg(":erlang", "exit", 2).sync = [](Ctx& c, Args& a) -> Term { return Term::boolean(c.self.exit(need_pid(a[0]).as_pid(), a[1])); };
  t.reg(":erlang", "send", 2).sync = [](Ctx& c, Args& a) -> Term { return do_send(c, a[0], a[1]); };
  t.reg("Node", "self", 0).sync = [](Ctx&, Args&) -> Term { return Term(atoms::nonode); };

  // ---- IO --------------------------------------------------------------------------------------
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

  // ---- Enum ------------------------------------------------------------------------------------
  t.reg("Enum", "map", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0])) out.push_back(co_await apply_fun(c, a[1], one(e)));
    co_return Term::list(out);
  };
  t.reg("Enum", "each", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0])) (void)co_await apply_fun(c, a[1], one(e));
    co_return ok();
  };
  t.reg("Enum", "filter", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      if (truthy(co_await apply_fun(c, a[1], one(e)))) out.push_back(e);
    co_return Term::list(out);
  };
  t.reg("Enum", "reject", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      if (!truthy(co_await apply_fun(c, a[1], one(e)))) out.push_back(e);
    co_return Term::list(out);
  };
  t.reg("Enum", "find", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0]))
      if (truthy(co_await apply_fun(c, a[1], one(e)))) co_return e;
    co_return Term();
  };
  t.reg("Enum", "all?", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0]))
      if (!truthy(co_await apply_fun(c, a[1], one(e)))) co_return Term(atoms::false_);
    co_return Term(atoms::true_);
  };
  t.reg("Enum", "any?", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0]))
      if (truthy(co_await apply_fun(c, a[1], one(e)))) co_return Term(atoms::true_);
    co_return Term(atoms::false_);
  };
  t.reg("Enum", "count", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    long long n = 0;
    for (const Term& e : enumerate(a[0]))
      if (truthy(co_await apply_fun(c, a[1], one(e)))) ++n;
    co_return Term(n);
  };
  t.reg("Enum", "reduce", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    Term acc = a[1];
    for (const Term& e : enumerate(a[0])) acc = co_await apply_fun(c, a[2], two(e, acc));
    co_return acc;
  };
  t.reg("Enum", "reduce", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    Term acc = v[0];
    for (size_t i = 1; i < v.size(); ++i) acc = co_await apply_fun(c, a[1], two(v[i], acc));
    co_return acc;
  };
  t.reg("Enum", "sort_by", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<std::pair<Term, Term>> v;
    for (const Term& e : enumerate(a[0])) v.emplace_back(co_await apply_fun(c, a[1], one(e)), e);
    std::stable_sort(v.begin(), v.end(), [](auto& x, auto& y) { return compare(x.first, y.first) < 0; });
    std::vector<Term> out;
    for (auto& p : v) out.push_back(p.second);
    co_return Term::list(out);
  };
  t.reg("Enum", "with_index", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    long long i = 0;
    for (const Term& e : enumerate(a[0])) out.push_back(Term::tuple({e, Term(i++)}));
    return Term::list(out);
  };
  t.reg("Enum", "with_index", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    long long i = need_int(a[1]);
    for (const Term& e : enumerate(a[0])) out.push_back(Term::tuple({e, Term(i++)}));
    return Term::list(out);
  };
  t.reg("Enum", "random", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    return v[rng()() % v.size()];
  };
  t.reg(":rand", "uniform", 0).sync = [](Ctx&, Args&) -> Term {
    return Term(std::uniform_real_distribution<double>(0.0, 1.0)(rng()));
  };
  t.reg(":rand", "uniform", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || a[0].as_integer() < 1) raise_error(Term(intern("function_clause")));
    return Term(static_cast<long long>(rng()() % static_cast<uint64_t>(a[0].as_integer())) + 1);
  };
  t.reg("Map", "from_struct", 1).sync = [](Ctx&, Args& a) -> Term {
    Term m = a[0];
    if (m.is_atom()) badarg();
    if (!m.is_map()) raise_error(Term::tuple({Term(intern("badmap")), m}));
    std::vector<std::pair<Term, Term>> out;
    for (auto& [k, v] : m.map_entries())
      if (!k.is_atom(intern("__struct__"))) out.emplace_back(k, v);
    return Term::map(std::move(out));
  };
  t.reg("Kernel", "struct", 2).sync = [](Ctx& c, Args& a) -> Term { return struct_of(c, a, false); };
  t.reg("Kernel", "struct!", 2).sync = [](Ctx& c, Args& a) -> Term { return struct_of(c, a, true); };
  t.reg("Enum", "shuffle", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    std::shuffle(v.begin(), v.end(), rng());
    return Term::list(v);
  };
  t.reg("Enum", "sum", 1).sync = [](Ctx&, Args& a) -> Term {
    Term acc(0);
    for (const Term& e : enumerate(a[0])) {
      if (!e.is_number()) raise_error(Term(atoms::badarith));
      if (acc.is_integer() && e.is_integer()) acc = Term(static_cast<long long>(acc.as_integer() + e.as_integer()));
      else acc = Term(acc.as_number() + e.as_number());
    }
    return acc;
  };
  t.reg("Enum", "count", 1).sync = [](Ctx&, Args& a) -> Term { return Term(static_cast<long long>(enumerate(a[0]).size())); };
  t.reg("Enum", "to_list", 1).sync = [](Ctx&, Args& a) -> Term { return Term::list(enumerate(a[0])); };
  t.reg("Enum", "reverse", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    std::reverse(v.begin(), v.end());
    return Term::list(v);
  };
  t.reg("Enum", "member?", 2).sync = [](Ctx&, Args& a) -> Term {
    for (const Term& e : enumerate(a[0]))
      if (e == a[1]) return Term(atoms::true_);
    return Term(atoms::false_);
  };
  t.reg("Enum", "at", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    int64_t i = need_int(a[1]);
    if (i < 0) i += static_cast<int64_t>(v.size());
    if (i < 0 || i >= static_cast<int64_t>(v.size())) return Term();
    return v[static_cast<size_t>(i)];
  };
  t.reg("Enum", "take", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    int64_t n = need_int(a[1]);
    if (n >= 0 && static_cast<size_t>(n) < v.size()) v.resize(static_cast<size_t>(n));
    return Term::list(v);
  };
  t.reg("Enum", "join", 1).sync = [](Ctx& c, Args& a) -> Term { return Term::binary(join(c, a[0], "")); };
  t.reg("Enum", "join", 2).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[1].is_binary()) badarg();
    return Term::binary(join(c, a[0], std::string(a[1].as_binary())));
  };
  t.reg("Enum", "chunk_every", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> xs = enumerate(a[0]);
    if (!a[1].is_integer() || a[1].as_integer() <= 0) raise_error(make_exception("FunctionClauseError", {{Term(intern("module")), Term(intern("Elixir.Enum")), }, {Term(intern("function")), Term(intern("chunk_every"))}, {Term(intern("arity")), Term(4)}}));
    size_t n = static_cast<size_t>(a[1].as_integer());
    std::vector<Term> out;
    for (size_t i = 0; i < xs.size(); i += n)
      out.push_back(Term::list(std::vector<Term>(xs.begin() + static_cast<long>(i), xs.begin() + static_cast<long>(std::min(xs.size(), i + n)))));
    return Term::list(out);
  };
  t.reg("Enum", "zip", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> x = enumerate(a[0]), y = enumerate(a[1]), out;
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) out.push_back(Term::tuple({x[i], y[i]}));
    return Term::list(out);
  };
  t.reg("Enum", "sort", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    std::stable_sort(v.begin(), v.end(), [](const Term& x, const Term& y) { return compare(x, y) < 0; });
    return Term::list(v);
  };
  // Enum.sort(enum, fun | :asc | :desc): a stable merge sort; fun.(a, b) truthy keeps a first.
  t.reg("Enum", "sort", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]);
    if (a[1].is_atom(intern("asc")) || a[1].is_atom(intern("desc"))) {
      bool desc = a[1].is_atom(intern("desc"));
      std::stable_sort(v.begin(), v.end(), [desc](const Term& x, const Term& y) {
        return desc ? compare(y, x) < 0 : compare(x, y) < 0;
      });
      co_return Term::list(v);
    }
    if (!a[1].is_fun()) raise_error(Term::tuple({Term(intern("badfun")), a[1]}));
    std::vector<Term> tmp(v.size());
    for (size_t width = 1; width < v.size(); width *= 2) {
      for (size_t lo = 0; lo < v.size(); lo += 2 * width) {
        size_t mid = std::min(lo + width, v.size()), hi = std::min(lo + 2 * width, v.size());
        size_t i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
          bool first = truthy(co_await apply_fun(c, a[1], two(v[i], v[j])));
          tmp[k++] = first ? v[i++] : v[j++];
        }
        while (i < mid) tmp[k++] = v[i++];
        while (j < hi) tmp[k++] = v[j++];
      }
      v.swap(tmp);
    }
    co_return Term::list(v);
  };
  t.reg("Enum", "max", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    return *std::max_element(v.begin(), v.end(), [](const Term& x, const Term& y) { return compare(x, y) < 0; });
  };
  t.reg("Enum", "min", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    return *std::min_element(v.begin(), v.end(), [](const Term& x, const Term& y) { return compare(x, y) < 0; });
  };
  t.reg("Enum", "empty?", 1).sync = [](Ctx&, Args& a) -> Term { return Term::boolean(enumerate(a[0]).empty()); };
  t.reg("Enum", "uniq", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    return Term::list(out);
  };
  t.reg("Enum", "into", 2).sync = [](Ctx&, Args& a) -> Term {
    if (a[1].is_map()) return map_update(a[1], keyword_pairs(a[0]), false);
    if (a[1].is_list()) return Term::list(enumerate(a[0]), a[1]);
    badarg();
  };
  // ---- List, Map, Keyword, Tuple, String, Integer, Atom ------------------------------------------------
  t.reg("List", "first", 1).sync = [](Ctx&, Args& a) -> Term { return need_list(a[0]).is_cons() ? a[0].head() : Term(); };
  t.reg("List", "last", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = need_list(a[0]).list_elements();
    return v.empty() ? Term() : v.back();
  };
  t.reg("List", "duplicate", 2).sync = [](Ctx&, Args& a) -> Term {
    int64_t n = need_int(a[1]);
    return Term::list(std::vector<Term>(static_cast<size_t>(std::max<int64_t>(0, n)), a[0]));
  };
  t.reg("List", "delete", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = need_list(a[0]).list_elements();
    for (auto it = v.begin(); it != v.end(); ++it)
      if (*it == a[1]) {
        v.erase(it);
        break;
      }
    return Term::list(v);
  };
  t.reg("List", "to_tuple", 1).sync = [](Ctx&, Args& a) -> Term { return Term::tuple(need_list(a[0]).list_elements()); };
  t.reg("Tuple", "to_list", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple()) badarg();
    std::vector<Term> v;
    for (size_t i = 0; i < a[0].tuple_size(); ++i) v.push_back(a[0][i]);
    return Term::list(v);
  };
  t.reg("Map", "new", 0).sync = [](Ctx&, Args&) -> Term { return Term::map({}); };
  t.reg("Map", "get", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    return v ? *v : Term();
  };
  t.reg("Map", "get", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    return v ? *v : a[2];
  };
  t.reg("Map", "fetch", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    return v ? Term::tuple({ok(), *v}) : Term(atoms::error);
  };
  t.reg("Map", "new", 1).sync = [](Ctx&, Args& a) -> Term {
    Term m = Term::map({});
    for (const Term& e : enumerate(a[0])) {
      if (!e.is_tuple() || e.tuple_size() != 2) badarg();
      m = map_update(m, {{e[0], e[1]}}, false);
    }
    return m;
  };
  t.reg("Map", "fetch!", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    if (!v) raise_error(make_exception("KeyError", {{Term(intern("key")), a[1]}, {Term(intern("term")), a[0]}}));
    return *v;
  };
  t.reg("Map", "put", 3).sync = [](Ctx&, Args& a) -> Term { return map_update(a[0], {{a[1], a[2]}}, false); };
  t.reg("Map", "has_key?", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    return Term::boolean(a[0].map_get(a[1]) != nullptr);
  };
  t.reg("Map", "keys", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    std::vector<Term> v;
    for (auto& [k, x] : a[0].map_entries()) v.push_back(k);
    return Term::list(v);
  };
  t.reg("Map", "values", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    std::vector<Term> v;
    for (auto& [k, x] : a[0].map_entries()) v.push_back(x);
    return Term::list(v);
  };
  t.reg("Map", "to_list", 1).sync = [](Ctx&, Args& a) -> Term { return Term::list(enumerate(a[0])); };
  t.reg("Map", "merge", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[1]}));
    return map_update(a[0], a[1].map_entries(), false);
  };
  t.reg("Map", "delete", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    std::vector<std::pair<Term, Term>> v;
    for (auto& kv : a[0].map_entries())
      if (!(kv.first == a[1])) v.push_back(kv);
    return Term::map(std::move(v));
  };
  t.reg("Map", "update!", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    if (!v) raise_error(Term::tuple({Term(intern("badkey")), a[1], a[0]}));
    Term nv = co_await apply_fun(c, a[2], one(*v));
    co_return map_update(a[0], {{a[1], nv}}, true);
  };
  t.reg("Map", "update", 4).async = [](Ctx& c, Args a) -> Task<Term> {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    Term nv = a[2];
    if (v) nv = co_await apply_fun(c, a[3], one(*v));
    co_return map_update(a[0], {{a[1], nv}}, false);
  };
  t.reg("Keyword", "get", 2).sync = [](Ctx&, Args& a) -> Term {
    for (auto& [k, v] : keyword_pairs(a[0]))
      if (k == a[1]) return v;
    return Term();
  };
  t.reg("Keyword", "get", 3).sync = [](Ctx&, Args& a) -> Term {
    for (auto& [k, v] : keyword_pairs(a[0]))
      if (k == a[1]) return v;
    return a[2];
  };
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
      arg_error("errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of an integer\n");
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
  t.reg("Integer", "to_string", 1).sync = [](Ctx&, Args& a) -> Term { return Term::binary(inspect_pretty(Term(need_int(a[0])))); };
  t.reg("Atom", "to_string", 1).sync = [](Ctx&, Args& a) -> Term { return Term::binary(atom_name(need_atom(a[0]))); };

  // ---- OTP: GenServer, Agent, Task, Supervisor, DynamicSupervisor (otp_builtins.cpp) ----------
  register_otp(&reg_thunk, &t);
  // ---- more of Enum, List, Map, Keyword, String, Integer, Tuple, Range (stdlib_builtins.cpp) ----
  register_stdlib(&reg_thunk, &t);
  return t;
}

Builtin& reg_thunk(void* t, const char* mod, const char* fun, int arity) {
  return static_cast<Table*>(t)->reg(mod, fun, arity);
}

const Table& table() {
  static const Table t = build();
  return t;
}

}  // namespace

const Builtin* find_builtin(Atom mod, Atom fun, int arity) { return table().find(mod, fun, arity); }

bool builtin_module(Atom mod) { return table().modules.count(mod.id) != 0; }

std::vector<std::pair<Atom, int>> builtin_exports(Atom mod) {
  auto it = table().exports.find(mod.id);
  return it == table().exports.end() ? std::vector<std::pair<Atom, int>>{} : it->second;
}

std::vector<std::string> builtin_names() { return table().names; }

}  // namespace detail

bool builtin_is_sync(Atom mod, Atom fun, int arity) {
  const detail::Builtin* b = detail::find_builtin(mod, fun, arity);
  return b && b->sync;
}

}  // namespace actorscope::console
