// Timers (send_after, start_timer, cancel_timer, read_timer for Process and :erlang), sleeping,
// and the :timer module. The timer table is shared by every runtime thread, behind its mutex.

#include "args.hpp"

#include <map>
#include <mutex>

namespace actorscope::console::detail {

// ---- timers --------------------------------------------------------------------------------------
// A timer (send_after, start_timer) is a small unlinked process that waits `ms` and then sends;
// cancelling it sends it a cancel token. The table maps a timer's reference to that process and
// its deadline (runtime clock, ns) until it fires or is cancelled.

namespace {

struct OnlyInterrupt {
  Ctx* c;
  bool operator()(const Term& m) const {
    return c->interrupt && c->interrupt->load(std::memory_order_relaxed) && m == c->interrupt_token;
  }
};

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

}  // namespace

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
void register_timer_builtins(BuiltinTable& t) {
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
}

}  // namespace actorscope::console::detail
