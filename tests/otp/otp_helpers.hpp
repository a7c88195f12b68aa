#pragma once
// Helpers shared by the OTP test suites (tst_supervisor, tst_behaviours, tst_scenarios).
//
// A test spawns a "driver" process that does what an iex session would (start a supervisor, kill a
// child, ask which_children) and records what it saw in a Log. Deterministic runtimes run it all
// inside run_until_idle(); threaded ones are waited on with QTRY_VERIFY_WITH_TIMEOUT, never slept.

#include <actorscope/otp/agent.hpp>
#include <actorscope/otp/application.hpp>
#include <actorscope/otp/dynamic_supervisor.hpp>
#include <actorscope/otp/gen_server.hpp>
#include <actorscope/otp/otp_task.hpp>
#include <actorscope/otp/registry.hpp>
#include <actorscope/otp/supervisor.hpp>
#include <actorscope/runtime.hpp>

#include "../common/test_support.hpp"

#include <QString>
#include <QtTest>

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace ot {

using namespace actorscope;
using namespace actorscope::otp;
using namespace testsupport;

constexpr int kWait = 10000;  // ms, QTRY_VERIFY_WITH_TIMEOUT

// ---- worker bodies ----------------------------------------------------------------------------

/// Logs {:started, id, pid}; `{:exit, r}` ends it with r; while trapping (trap = true) an EXIT
/// from its supervisor is logged as {:stopping, id, reason} before it ends with that reason.
inline Task<> worker(Process& self, Log* log, Term id, bool trap) {
  if (trap) self.trap_exit(true);
  if (log) log->push(Term::tuple({A("started"), id, Term(self.pid())}));
  for (;;) {
    Term m = co_await self.receive();
    if (m.is_tagged(intern("exit"), 2)) {
      if (m[1].is_atom(atoms::normal)) co_return;
      co_await self.exit(m[1]);
    }
    if (m.is_tagged(atoms::EXIT, 3)) {
      if (log) log->push(Term::tuple({A("stopping"), id, m[2]}));
      co_await self.exit(m[2]);
    }
  }
}

/// A worker child spec logging into `log`.
inline ChildSpec W(std::string_view id, Log* log = nullptr, bool trap = false) {
  return ChildSpec::worker(A(id), worker, log, A(id), trap).with_module(intern("Elixir.Worker"));
}

/// Kills (exit with `reason`) and waits for the DOWN: when it returns, the EXIT reached the
/// linked supervisor before anything this process sends next.
inline Task<Term> killAndWait(Process& self, Pid p, Term reason) {
  Ref r = self.monitor(p);
  self.exit(p, std::move(reason));
  Term d = co_await self.receive([r](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].as_ref() == r; });
  co_return d[4];
}

/// Asks a `worker` to end with `reason` and waits for its DOWN.
inline Task<Term> endWith(Process& self, Pid p, Term reason) {
  Ref r = self.monitor(p);
  self.send(p, Term::tuple({A("exit"), std::move(reason)}));
  Term d = co_await self.receive([r](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].as_ref() == r; });
  co_return d[4];
}

/// Waits forever (a driver that must stay alive: supervisors end with their parent).
inline Task<> hang(Process& self) {
  (void)co_await self.receive([](const Term&) { return false; });
}

/// Sleeps `ms` (virtual ms in deterministic mode).
inline Task<> sleepMs(Process& self, int64_t ms) {
  (void)co_await self.receive([](const Term&) { return false; }, ms);
}

/// The pid which_children lists for `id` (invalid when :undefined or absent).
inline Pid childPid(const Term& which, const Term& id) {
  for (auto& c : which.list_elements())
    if (c[0] == id && c[1].is_pid()) return c[1].as_pid();
  return Pid{};
}

inline std::string pidsOf(const Term& which) {
  std::string s;
  for (auto& c : which.list_elements()) s += inspect(c[0]) + "=" + inspect(c[1]) + " ";
  return s;
}

}  // namespace ot
