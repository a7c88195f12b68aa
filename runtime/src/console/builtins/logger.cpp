// Logger's built-ins: the level (Logger.configure/1, Logger.level/0) and the logging calls, printed
// as Elixir 1.14's console backend prints them (Interp::log). `require Logger` is accepted as is.

#include "args.hpp"

namespace actorscope::console::detail {

namespace {

constexpr std::pair<const char*, int> kLevels[] = {
    {"emergency", 0}, {"alert", 1}, {"critical", 2}, {"error", 3}, {"warning", 4},
    {"notice", 5},    {"info", 6},  {"debug", 7},    {"all", 7},   {"none", -1}};

int severity(const Term& level) {
  if (level.is_atom(A("warn"))) return 4;
  if (level.is_atom())
    for (auto [name, sev] : kLevels)
      if (level.is_atom(A(name))) return sev;
  raise_message("ArgumentError", "invalid level for Logger: " + inspect_pretty(level));
}

void log_at(Ctx& c, const char* level, Term msg) {
  int sev = severity(Term(A(level)));
  if (sev > c.ip->log_level.load(std::memory_order_relaxed)) return;
  c.ip->log(sev, level, to_string_term(c, msg));
}

}  // namespace

void register_logger_builtins(BuiltinTable& t) {
  t.reg("Logger", "configure", 1).sync = [](Ctx& c, Args& a) -> Term {
    for (auto& [k, v] : keyword_pairs(a[0]))
      if (k.is_atom(A("level"))) c.ip->log_level.store(severity(v), std::memory_order_relaxed);
    return ok();
  };
  t.reg("Logger", "level", 0).sync = [](Ctx& c, Args&) -> Term {
    int sev = c.ip->log_level.load(std::memory_order_relaxed);
    for (auto [name, s] : kLevels)
      if (s == sev) return Term(A(name));
    return Term(A("debug"));
  };
#define LOG_LEVEL(name)                                                                   \
  t.reg("Logger", name, 1).sync = [](Ctx& c, Args& a) -> Term { log_at(c, name, a[0]); return ok(); }; \
  t.reg("Logger", name, 2).sync = [](Ctx& c, Args& a) -> Term { log_at(c, name, a[0]); return ok(); };
  LOG_LEVEL("error")
  LOG_LEVEL("warning")
  LOG_LEVEL("notice")
  LOG_LEVEL("info")
  LOG_LEVEL("debug")
#undef LOG_LEVEL
  t.reg("Logger", "warn", 1).sync = [](Ctx& c, Args& a) -> Term { log_at(c, "warning", a[0]); return ok(); };
}

}  // namespace actorscope::console::detail
