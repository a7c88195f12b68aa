// Process: the API process code uses on itself.

#include "core.hpp"

#include "actorscope/ergo.hpp"

#include <algorithm>
#include <cstddef>

namespace actorscope {

using detail::RuntimeCore;
using detail::SpinGuard;

Runtime& Process::runtime() const noexcept { return core_->facade; }

void Process::send(Pid to, Term msg) {
  // The layout process.hpp promises: senders' fields and the inbox's head on line 0, the inbox's
  // consumer end on line 1, four lines in all.
  static_assert(offsetof(Process, inbox_) == 56 && sizeof(detail::Inbox) == 24);
  static_assert(offsetof(Process, status_) == 80 && offsetof(Process, q_head_) < 128);
  static_assert(sizeof(Process) == 192);
  count_reduction();
  core_->send_message(pid(), to, std::move(msg));
  if (--budget_ <= 0) core_->preempt_point(this, to);
}

void Process::send(Atom name, Term msg) {
  Pid to = core_->whereis(name, node_.load(std::memory_order_relaxed));
  if (!to.valid()) throw ErlangError(Term(atoms::badarg));
  send(to, std::move(msg));
}

bool Process::receive_ready(detail::ReceiveSlot* r, int64_t timeout) {
  receive_ = r;
  q_scanned_ = nullptr;
  // Out of budget, or suspended: give way; the worker decides on the next turn.
  if (budget_ <= 0 || suspended_.load(std::memory_order_acquire)) return false;
  if (!core_->drain(this)) return false;
  wait_ = detail::Wait::Receiving;
  timed_out_ = false;
  if (core_->try_match(this)) {
    wait_ = detail::Wait::Start;
    return true;
  }
  wait_ = detail::Wait::Start;
  if (timeout == 0) {
    r->result.reset();
    return true;
  }
  return false;
}

void Process::receive_suspend(std::coroutine_handle<> h, detail::ReceiveSlot* r, int64_t timeout) {
  current_ = h;
  receive_ = r;
  wait_ = detail::Wait::Receiving;
  timed_out_ = false;
  ++receive_seq_;
  if (timeout == 0) {
    // Only reached when the budget ran out: `after 0` is decided on the next turn.
    timed_out_ = true;
  } else if (timeout > 0) {
    core_->arm_timeout(this, timeout);
  }
}

void Process::YieldAwaiter::await_suspend(std::coroutine_handle<> h) noexcept {
  p->current_ = h;
  p->wait_ = detail::Wait::Yielded;
}

void Process::ExitAwaiter::await_suspend(std::coroutine_handle<> h) noexcept {
  p->current_ = h;
  p->core_->die(p, std::move(reason));
}

bool Process::exit(Pid target, Term reason) {
  count_reduction();
  if (target == pid()) {
    // R1.4 and friends: a signal to self takes effect before this call returns, so it skips
    // every delay and goes straight into our own inbox.
    core_->trace_signal_sent(SignalType::Exit, pid(), pid(), reason);
    inbox_.push(core_->make_signal(detail::SignalKind::Exit, pid(), pid(), std::move(reason)));
    if (!core_->drain(this)) throw ProcessExit(exit_reason_);
    return true;
  }
  core_->send_exit(pid(), target, std::move(reason), false);
  return true;
}

void Process::raise(Term reason) { throw ErlangError(std::move(reason)); }

bool Process::link(Pid other) {
  count_reduction();
  if (core_->ergo()) {  // LinkPID (E1.1, E1.4): one-way; problems are return values, never signals
    const ergo::Error e = core_->ergo_relate(this, ergo::Target::process(other), true);
    return e == ergo::Error::None || e == ergo::Error::TargetExist;  // linked, as the BEAM says
  }
  if (!core_->reach(pid(), other)) {  // R9.3: a node that cannot be reached: the link fires at once
    core_->fire_noconnection_link(pid(), other, core_->node_of(other));
    return true;
  }
  if (core_->link(this, other) == RuntimeCore::LinkResult::Linked) return true;
  // R2.3
  if (trap_exit()) {
    core_->send_signal(core_->make_signal(
        detail::SignalKind::Message, other, pid(),
        Term::tuple({Term(atoms::EXIT), Term(other), Term(atoms::noproc)})));
    return true;
  }
  throw ErlangError(Term(atoms::noproc));
}

bool Process::unlink(Pid other) {
  count_reduction();
  if (core_->ergo()) return core_->ergo_unrelate(this, ergo::Target::process(other), true) == ergo::Error::None;
  core_->unlink(this, other);
  return true;
}

Ref Process::monitor(Pid target) {
  count_reduction();
  if (core_->ergo()) {  // MonitorPID: an invalid Ref when it cannot be made (E1.4)
    Ref r;
    core_->ergo_relate(this, ergo::Target::process(target), false, true, &r);
    return r;
  }
  Ref ref = core_->make_ref();
  Pid me = pid();
  Process* t = core_->lookup(target);
  if (t == this) {
    // Monitoring yourself is allowed and never fires while you live.
  }
  if (!core_->reach(me, target)) {  // R9.4: an unreachable node: DOWN :noconnection at once
    core_->send_down_noproc(this, ref, Term(target), intern("noconnection"), core_->node_of(target));
    return ref;
  }
  if (!core_->monitor(me, target, ref, atoms::nil)) {
    core_->send_down_noproc(this, ref, Term(target));  // R3.2
    return ref;
  }
  if (t) target = t->pid();
  {
    SpinGuard g(lock_);
    if (!rel_) rel_ = std::make_unique<detail::Relations>();
    rel_->monitors.push_back({ref, target, atoms::nil});
  }
  if (core_->tracing_on()) {
    TraceEvent ev;
    ev.kind = TraceKind::Monitor;
    ev.a = me;
    ev.b = target;
    ev.ref = ref;
    core_->emit(std::move(ev));
  }
  return ref;
}

Ref Process::monitor(Atom name) { return monitor(name, node_.load(std::memory_order_relaxed)); }

Ref Process::monitor(Atom name, uint16_t node) {
  count_reduction();
  if (core_->ergo()) {  // MonitorProcessID: fires :unregistered when the name goes (E1.3)
    Ref r;
    core_->ergo_relate(this, ergo::Target::registered(name, node), false, true, &r);
    return r;
  }
  Ref ref = core_->make_ref();
  Pid target = core_->whereis(name, node);  // R3.4: resolved once
  Term object = Term::tuple({Term(name), Term(core_->node_name(node))});
  if (node != node_.load(std::memory_order_relaxed) && !core_->connect(node_.load(std::memory_order_relaxed), node)) {
    core_->send_down_noproc(this, ref, object, intern("noconnection"), node);
    return ref;
  }
  if (target.valid() && !core_->reach(pid(), target)) {
    core_->send_down_noproc(this, ref, object, intern("noconnection"), node);
    return ref;
  }
  if (!target.valid() || !core_->monitor(pid(), target, ref, name)) {
    core_->send_down_noproc(this, ref, object);
    return ref;
  }
  {
    SpinGuard g(lock_);
    if (!rel_) rel_ = std::make_unique<detail::Relations>();
    rel_->monitors.push_back({ref, target, name});
  }
  if (core_->tracing_on()) {
    TraceEvent ev;
    ev.kind = TraceKind::Monitor;
    ev.a = pid();
    ev.b = target;
    ev.ref = ref;
    ev.name = name;
    core_->emit(std::move(ev));
  }
  return ref;
}

bool Process::demonitor(Ref ref, DemonitorOptions opts) {
  count_reduction();
  // R3.5: the monitor goes first; a DOWN for it among the signals not yet handled is then dropped
  // (as on the BEAM, where `monitor(dead_pid)` followed by `demonitor(ref)` never yields a DOWN).
  bool was_active = core_->demonitor(this, ref);
  // Ergo mode: signals act between handlers only (E1.10); a DOWN already queued stays.
  if (!core_->ergo() && !core_->drain(this)) throw ProcessExit(exit_reason_);
  if (opts.flush) {
    SpinGuard g(lock_);
    detail::Signal* prev = nullptr;
    for (detail::Signal* s = q_head_; s;) {
      auto* next = static_cast<detail::Signal*>(s->next.load(std::memory_order_relaxed));
      const Term& m = s->payload;
      if (m.is_tagged(atoms::DOWN, 5) && m.element(1).is_ref() && m.element(1).as_ref() == ref) {
        if (prev)
          prev->next.store(next, std::memory_order_relaxed);
        else
          q_head_ = next;
        if (q_tail_ == s) q_tail_ = prev;
        queue_len_.store(queue_len_.load(std::memory_order_relaxed) - 1, std::memory_order_relaxed);
        delete s;
      } else {
        prev = s;
      }
      s = next;
    }
    q_scanned_ = nullptr;
  }
  return opts.info ? was_active : true;
}

bool Process::trap_exit(bool on) {
  bool old = trap_exit_.exchange(on, std::memory_order_acq_rel);
  if (core_->tracing_on()) {
    TraceEvent ev;
    ev.kind = TraceKind::TrapExit;
    ev.a = pid();
    ev.flag = on;
    core_->emit(std::move(ev));
  }
  return old;
}

bool Process::trap_exit() const noexcept { return trap_exit_.load(std::memory_order_relaxed); }

Ref Process::make_ref() { return core_->make_ref(); }

Term Process::put(const Term& key, Term value) {
  SpinGuard g(lock_);
  if (!rel_) rel_ = std::make_unique<detail::Relations>();
  for (auto& [k, v] : rel_->dictionary)
    if (k == key) return std::exchange(v, std::move(value));
  rel_->dictionary.emplace_back(key, std::move(value));
  return Term();
}

Term Process::get(const Term& key) const {
  SpinGuard g(lock_);
  if (rel_)
    for (auto& [k, v] : rel_->dictionary)
      if (k == key) return v;
  return Term();
}

size_t Process::message_queue_len() {
  if (!core_->ergo()) core_->drain(this);  // Ergo: not inside a handler (E1.10)
  return queue_len_.load(std::memory_order_relaxed);
}

}  // namespace actorscope
