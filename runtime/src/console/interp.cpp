// Interp's members (IO, the Logger's error reports, the module table: each behind its own mutex,
// callable from any runtime thread) and Ctx::check_stop.

#include "interp.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace actorscope::console::detail {

// ---- Interp ------------------------------------------------------------------------------------

void Interp::write(Stream s, const std::string& text) {
  if (muted.load(std::memory_order_relaxed)) return;
  std::lock_guard g(io_m_);
  if (sink) sink(s, text);
}

void Interp::warn_once(const std::string& text) {
  if (muted.load(std::memory_order_relaxed)) return;
  std::lock_guard g(io_m_);
  if (!warned_.insert(text).second) return;
  if (sink) sink(Stream::Err, "warning: " + text + "\n");
}

void Interp::log(int severity, std::string_view level, const std::string& text) {
  // Elixir 1.14's Logger (console backend, on standard output): "\nHH:MM:SS.mmm [level] text\n".
  // The console keeps no stacktraces, so a crash report's indented stack lines are not printed.
  if (severity > log_level.load(std::memory_order_relaxed)) return;
  auto now = std::chrono::system_clock::now();
  std::time_t tt = std::chrono::system_clock::to_time_t(now);
  int ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  localtime_r(&tt, &tm);
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "%02d:%02d:%02d.%03d", tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  write(Stream::Log, std::string("\n") + stamp + " [" + std::string(level) + "] " + text + "\n");
}

void Interp::log_error(const std::string& report) { log(3, "error", report); }

namespace {
const Atom kLogTag = intern("$actorscope_log");

/// {tag, severity, level, text} or, for a crash report, {tag, severity, level, text, pid}: the
/// logger names the pid as its own node prints it, and that pid's node when it is another.
struct IsLog {
  bool operator()(const Term& m) const { return m.is_tagged(kLogTag, 4) || m.is_tagged(kLogTag, 5); }
};
struct NoMessage {
  bool operator()(const Term&) const { return false; }
};

Task<> logger_main(Process& self, std::shared_ptr<Interp> ip) {
  // Named as the BEAM's logger process is, so the graph and Process.whereis(:logger) say what it
  // is (unless the user took the name first: then it stays unnamed).
  try {
    ip->rt.register_name(self.pid(), intern("logger"));
  } catch (const ErlangError&) {
  }
  (void)co_await self.receive(NoMessage{}, Interp::kLoggerWarmupMs);
  while (true) {
    Term m = co_await self.receive(IsLog{});
    std::string text(m[3].as_binary());
    if (m.tuple_size() == 5) {
      Pid p = m[4].as_pid();
      Runtime::NodeId n = ip->rt.node_of(p);
      std::string where = n == ip->rt.node_of(self.pid()) ? "" : " on node " + inspect(Term(ip->rt.nodes().at(n)));
      text = "Process " + inspect_pid(p) + where + " raised an exception\n" + text;
    }
    ip->log(static_cast<int>(m[1].as_integer()), atom_name(m[2].as_atom()), text);
  }
}
}  // namespace

void Interp::log_crash(Process& self, const std::shared_ptr<Interp>& me, Pid pid, const Term& reason) {
  log_later(self, me, 3, "error", format_error(reason), pid);
}

void Interp::log_later(Process& self, const std::shared_ptr<Interp>& me, int severity, std::string_view level,
                       const std::string& text, Pid crashed) {
  if (severity > log_level.load(std::memory_order_relaxed)) return;
  Pid logger;
  {
    std::lock_guard g(logger_m_);
    SpawnOptions on_node0;
    on_node0.node = 0;
    if (!logger_.valid() || !rt.alive(logger_)) logger_ = rt.spawn_opt(on_node0, &logger_main, me);
    logger = logger_;
  }
  std::vector<Term> m{Term(kLogTag), Term(static_cast<long long>(severity)), Term(intern(level)), Term::binary(text)};
  if (crashed.valid()) m.emplace_back(crashed);
  self.send(logger, Term::tuple(std::move(m)));
}

std::shared_ptr<const ModuleDef> Interp::module(Atom name) const {
  std::lock_guard g(modules_m_);
  auto it = modules_.find(name.id);
  return it == modules_.end() ? nullptr : it->second;
}

void Interp::define_module(std::shared_ptr<ModuleDef> m) {
  std::lock_guard g(modules_m_);
  modules_[m->name.id] = std::move(m);
}

std::vector<Atom> Interp::module_names() const {
  std::lock_guard g(modules_m_);
  std::vector<Atom> out;
  for (auto& [id, m] : modules_) out.push_back(Atom{id});
  return out;
}

void Ctx::check_stop() {
  if (ip->stop.load(std::memory_order_relaxed)) throw ProcessExit(Term(atoms::killed));
  if (ip->deadline_ns) {
    int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count();
    if (now > ip->deadline_ns) {
      ip->muted.store(true);
      ip->timed_out.store(true);
      ip->stop.store(true);
      throw ProcessExit(Term(atoms::killed));
    }
  }
  if (interrupt && interrupt->load(std::memory_order_relaxed)) throw Interrupted{};
}

}  // namespace actorscope::console::detail
