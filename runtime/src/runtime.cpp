// Runtime: the thread-safe public facade over RuntimeCore.

#include "core.hpp"

#include "actorscope/ergo.hpp"

#include <algorithm>

namespace actorscope {

using detail::RuntimeCore;
using detail::SpinGuard;

Runtime::Runtime(RuntimeOptions opts) : core_(std::make_unique<RuntimeCore>(*this, opts)) {}

Runtime::~Runtime() { core_->shutdown(); }

const RuntimeOptions& Runtime::options() const noexcept { return core_->opts; }
bool Runtime::deterministic() const noexcept { return core_->opts.deterministic; }

void Runtime::send(Pid to, Term msg) {
  Pid from = detail::tls_current ? detail::tls_current->pid() : Pid{};
  core_->send_message(from, to, std::move(msg));
}

void Runtime::send(Atom name, Term msg) {
  Pid to = core_->whereis(name);
  if (!to.valid()) throw ErlangError(Term(atoms::badarg));
  send(to, std::move(msg));
}

bool Runtime::exit(Pid pid, Term reason, Pid from) {
  core_->send_exit(from, pid, std::move(reason), false);
  return true;
}

std::optional<bool> Runtime::set_trap_exit(Pid pid, bool on) {
  Process* p = core_->lookup(pid);
  if (!p) return std::nullopt;
  bool old = p->trap_exit_.exchange(on, std::memory_order_acq_rel);
  if (core_->tracing_on()) {
    TraceEvent ev;
    ev.kind = TraceKind::TrapExit;
    ev.a = p->pid();
    ev.flag = on;
    core_->emit(std::move(ev));
  }
  return old;
}

bool Runtime::suspend(Pid pid) {
  Process* p = core_->lookup(pid);
  if (!p) return false;
  if (!p->suspended_.exchange(true, std::memory_order_acq_rel)) {
    core_->trace(TraceKind::Suspend, p->pid());
    // A process blocked in receive parks now (status :suspended) instead of at its next signal.
    uint32_t e = RuntimeCore::kIdle;
    if (p->sched_.compare_exchange_strong(e, RuntimeCore::kActive, std::memory_order_seq_cst)) core_->schedule(p);
  }
  return true;
}

bool Runtime::resume(Pid pid) {
  Process* p = core_->lookup(pid);
  if (!p) return false;
  if (p->suspended_.exchange(false, std::memory_order_acq_rel)) {
    core_->trace(TraceKind::Resume, p->pid());
    uint32_t e = RuntimeCore::kIdle;
    if (p->sched_.compare_exchange_strong(e, RuntimeCore::kActive, std::memory_order_seq_cst)) core_->schedule(p);
  }
  return true;
}

bool Runtime::link(Pid a, Pid b) {
  Process* pa = core_->lookup(a);
  Process* pb = core_->lookup(b);
  if (!pa || !pb || pa == pb) return false;
  if (core_->ergo()) {  // one-way: a depends on b (E1.1); already there counts as linked
    const ergo::Error e = core_->ergo_relate(pa, ergo::Target::process(b), true);
    return e == ergo::Error::None || e == ergo::Error::TargetExist;
  }
  a = pa->pid();
  b = pb->pid();
  // `a` may be running on a worker and draining its signals right now: its side goes first, so an
  // EXIT from b (once b's side exists) always finds the link; if b turns out dead, undo a's side.
  {
    SpinGuard g(pa->lock_);
    if (pa->pid_.load(std::memory_order_relaxed) != a.raw || pa->exiting_.load(std::memory_order_acquire))
      return false;
    if (!pa->rel_) pa->rel_ = std::make_unique<detail::Relations>();
    if (pa->rel_->links.contains(b.serial())) return true;
    pa->rel_->links.push_back(b);
  }
  bool ok = false;
  {
    SpinGuard g(pb->lock_);
    if (pb->pid_.load(std::memory_order_relaxed) == b.raw && !pb->exiting_.load(std::memory_order_acquire)) {
      if (!pb->rel_) pb->rel_ = std::make_unique<detail::Relations>();
      if (!pb->rel_->links.contains(a.serial())) pb->rel_->links.push_back(a);
      ok = true;
    }
  }
  if (!ok) {
    SpinGuard g(pa->lock_);
    if (pa->rel_) pa->rel_->links.erase_key(b.serial());
    return false;
  }
  core_->trace(TraceKind::Link, a, b);
  return true;
}

bool Runtime::unlink(Pid a, Pid b) {
  if (Process* pa = core_->lookup(a)) {
    if (core_->ergo())
      core_->ergo_unrelate(pa, ergo::Target::process(b), true);
    else
      core_->unlink(pa, b);
  }
  return true;
}

bool Runtime::kill(Pid pid) {
  Process* p = core_->lookup(pid);
  if (!p) return false;
  if (!core_->ergo()) return exit(pid, Term(atoms::kill));
  const Pid target = p->pid();  // resolved (a parsed pid has no slot); a reused slot is another process
  if (target.serial() != pid.serial()) return false;
  // The node's Kill (E1.6): forced, no process sends it.
  const Term reason(atoms::kill);
  if (core_->tracing_on()) {  // from no process; pid2: the process that called (none: a tool)
    TraceEvent ev;
    ev.kind = TraceKind::SignalSent;
    ev.signal = SignalType::Exit;
    ev.b = target;
    if (detail::tls_current) ev.pid2 = detail::tls_current->pid();
    ev.term = reason;
    core_->emit(std::move(ev));
  }
  detail::Signal* s = core_->make_signal(detail::SignalKind::Exit, Pid{}, target, reason);
  s->node_stop = true;
  core_->send_signal(s);
  return true;
}

std::optional<Ref> Runtime::monitor(Pid watcher, Pid target) {
  Process* w = core_->lookup(watcher);
  if (!w) return std::nullopt;
  if (core_->ergo()) {  // MonitorPID; an error (E1.4) gives nullopt
    Ref r;
    if (core_->ergo_relate(w, ergo::Target::process(target), false, true, &r) != ergo::Error::None) return std::nullopt;
    return r;
  }
  Ref ref = core_->make_ref();
  Process* t = core_->lookup(target);
  if (t) target = t->pid();
  // The watcher's side first, so a DOWN racing with this call always finds its monitor.
  {
    SpinGuard g(w->lock_);
    if (w->pid_.load(std::memory_order_relaxed) == 0 || w->exiting_.load(std::memory_order_acquire))
      return std::nullopt;
    if (!w->rel_) w->rel_ = std::make_unique<detail::Relations>();
    w->rel_->monitors.push_back({ref, target, atoms::nil});
  }
  const bool reached = core_->reach(w->pid(), target);
  if (!reached || !core_->monitor(w->pid(), target, ref, atoms::nil)) {
    {
      SpinGuard g(w->lock_);
      if (w->rel_) w->rel_->monitors.erase_key(ref.id);
    }
    core_->send_down_noproc(w, ref, Term(target), reached ? atoms::noproc : intern("noconnection"),  // R3.2, R9.4
                            reached ? -1 : int(core_->node_of(target)));
    return ref;
  }
  if (core_->tracing_on()) {
    TraceEvent ev;
    ev.kind = TraceKind::Monitor;
    ev.a = w->pid();
    ev.b = target;
    ev.ref = ref;
    core_->emit(std::move(ev));
  }
  return ref;
}

bool Runtime::demonitor(Pid watcher, Ref ref) {
  Process* w = core_->lookup(watcher);
  return w && core_->demonitor(w, ref);
}

bool Runtime::alive(Pid pid) const {
  Process* p = core_->lookup(pid);
  return p && !p->exiting_.load(std::memory_order_acquire);
}

std::vector<Pid> Runtime::processes() const {
  std::vector<Pid> out;
  uint32_t hw = core_->high_water();
  for (uint32_t i = 0; i < hw; ++i) {
    Process* p = core_->slot_ptr(i);
    uint64_t raw = p->pid_.load(std::memory_order_acquire);
    if (raw && !p->exiting_.load(std::memory_order_acquire)) out.push_back(Pid{raw});
  }
  std::sort(out.begin(), out.end(), [](Pid a, Pid b) { return a.serial() < b.serial(); });
  return out;
}

size_t Runtime::process_count() const noexcept { return core_->live.load(std::memory_order_relaxed); }
void Runtime::trim_memory() noexcept { detail::pool_trim(); }

void Runtime::register_name(Pid pid, Atom name) { core_->register_name(pid, name); }
void Runtime::unregister(Atom name) { core_->unregister(name); }
Pid Runtime::whereis(Atom name) const { return core_->whereis(name); }
Pid Runtime::whereis(Atom name, NodeId node) const { return core_->whereis(name, node); }
std::vector<Atom> Runtime::registered() const { return core_->registered(); }
std::vector<Atom> Runtime::registered(NodeId node) const { return core_->registered(node); }

// ---- introspection --------------------------------------------------------------------------------

namespace {
Atom status_atom(ProcessStatus s) {
  switch (s) {
    case ProcessStatus::Running: return atoms::running;
    case ProcessStatus::Runnable: return atoms::runnable;
    case ProcessStatus::Waiting: return atoms::waiting;
    case ProcessStatus::Suspended: return atoms::suspended;
    case ProcessStatus::Exiting: return atoms::exiting;
  }
  return atoms::waiting;
}

Term mfa(const InitialCall& c) { return Term::tuple({Term(c.module), Term(c.function), Term(c.arity)}); }

}  // namespace

void RuntimeCore::settle_for_info(Process* p) {
  flush_staged();  // what this process sent before acts first (R4.1)
  Process* caller = detail::tls_current;
  // Ergo mode: a process inside a handler (the caller itself, or one that yielded) is not drained:
  // signals act between handlers only (E1.10). wait_ is read only where no other thread runs p.
  auto mid_handler = [&] { return ergo() && (caller == p || p->wait_ == detail::Wait::Yielded); };
  if (caller == p) {
    if (!mid_handler()) drain(p);
    return;
  }
  if (opts.deterministic && caller && !pending.empty()) {
    const Pid from = caller->pid(), to = p->pid();
    detail::TimedQueue rest;
    while (!pending.empty()) {
      detail::TimedSignal t = pending.top();
      pending.pop();
      if (t.sig->from == from && t.sig->to == to)
        deliver_now(t.sig);
      else
        rest.push(t);
    }
    pending = std::move(rest);
  }
  if (opts.deterministic) {
    // One thread runs everything and p is not running now: drain it in place, and make sure it
    // gets a turn to look at what arrived.
    if (!p->inbox_.maybe_nonempty() || mid_handler()) return;
    drain(p);
    uint32_t idle = kIdle;
    if (p->sched_.compare_exchange_strong(idle, kActive, std::memory_order_seq_cst)) schedule(p);
    return;
  }
  // An idle process (waiting or suspended) is claimed like a worker would, so its inbox can be
  // moved into its mailbox here; then it is scheduled, to match or park again as usual.
  uint32_t e = kIdle;
  if (!p->sched_.compare_exchange_strong(e, kActive, std::memory_order_seq_cst)) {
    // Queued, not running. When it waits in this worker's private `next` slot (the caller just
    // woke it), this thread is its only possible runner, so its inbox can be moved here too.
    if (queued_in_my_next(p) && !mid_handler()) drain(p);
    return;
  }
  const detail::SignalNode* last = p->inbox_.last_pushed();
  if (p->inbox_.maybe_nonempty() && !mid_handler()) {
    drain(p);
    schedule(p);
    return;
  }
  p->sched_.store(kIdle, std::memory_order_seq_cst);
  if (p->inbox_.last_pushed() != last) {
    e = kIdle;
    if (p->sched_.compare_exchange_strong(e, kActive, std::memory_order_seq_cst)) schedule(p);
  }
}

std::optional<detail::InfoData> RuntimeCore::read_info(Pid pid, bool full) {
  RuntimeCore& core = *this;
  Process* p = core.lookup(pid);
  if (!p) return std::nullopt;
  detail::InfoData d;
  SpinGuard g(p->lock_);
  if (p->pid_.load(std::memory_order_relaxed) == 0 || p->exiting_.load(std::memory_order_acquire))
    return std::nullopt;
  d.pid = p->pid();
  d.parent = p->parent_;
  d.group_leader = Pid{p->group_leader_.load(std::memory_order_relaxed)};
  if (!d.group_leader.valid()) d.group_leader = d.pid;
  d.suspended = p->suspended_.load(std::memory_order_relaxed);
  d.queue_len = p->queue_len_.load(std::memory_order_relaxed);
  // A suspended process still running its current turn reports :running until it parks.
  d.status = static_cast<ProcessStatus>(p->status_.load(std::memory_order_relaxed));
  if (p->suspended_.load(std::memory_order_relaxed) && d.status != ProcessStatus::Running)
    d.status = ProcessStatus::Suspended;
  d.trap_exit = p->trap_exit_.load(std::memory_order_relaxed);
  d.name = p->name_;
  d.initial_call = p->rel_ ? p->rel_->initial_call : InitialCall{};
  d.reductions = p->reductions_.load(std::memory_order_relaxed);
  d.memory = sizeof(Process) + 256;  // the process and a typical coroutine frame
  if (full) {
    // info(): the exact mailbox, and its size in memory.
    for (auto* s = p->q_head_; s; s = static_cast<detail::Signal*>(s->next.load(std::memory_order_relaxed))) {
      d.memory += sizeof(detail::Signal) + s->payload.heap_bytes();
      d.messages.push_back(s->payload);
    }
  } else {
    // snapshot(): O(1) under the lock, however long the mailbox (a flooded consumer must not wait
    // for its observer): an estimate of 32 bytes of term per message.
    d.memory += (sizeof(detail::Signal) + 32) * p->queue_len_.load(std::memory_order_relaxed);
  }
  if (core.ergo()) {  // the Urgent and System entries lead the mailbox (E1.9)
    for (auto* s = p->q_head_; s && s->prio > 0; s = static_cast<detail::Signal*>(s->next.load(std::memory_order_relaxed)))
      ++(s->prio == 2 ? d.queue_urgent : d.queue_system);
  }
  if (p->rel_) {
    d.links = p->rel_->links.items();
    for (auto& m : p->rel_->monitors) {
      if (m.link) {  // Ergo mode
        d.one_way_links.push_back(m.target);
        if (m.name != atoms::nil) d.one_way_named.push_back(m);
      } else if (m.target.valid())
        d.monitors.push_back(m);  // not the pending :noproc ones (R3.2)
    }
    for (auto& m : p->rel_->monitored_by)
      if (!m.link) d.monitored_by.push_back(m);
    if (full) d.dictionary = p->rel_->dictionary;
    d.memory += sizeof(detail::Relations) + 16 * (d.links.size() + d.monitors.size() + d.monitored_by.size());
  }
  return d;
}

namespace {
Term pid_list(const std::vector<Pid>& v) {
  std::vector<Term> out;
  out.reserve(v.size());
  for (Pid p : v) out.emplace_back(p);
  return Term::list(out);
}

size_t heap_words(const detail::InfoData& d) {
  size_t bytes = 0;
  for (const Term& m : d.messages) bytes += m.heap_bytes() + 16;
  return 233 + bytes / 8;
}

Term item_value(const detail::InfoData& d, Atom item, size_t queue_len) {
  switch (item.id) {
    case atoms::status_index: return Term(status_atom(d.status));
    case atoms::message_queue_len_index: return Term(static_cast<long long>(queue_len));
    case atoms::messages_index: return Term::list(d.messages);
    case atoms::links_index: return pid_list(d.links.empty() ? d.one_way_links : d.links);
    case atoms::monitors_index: {
      std::vector<Term> v;
      for (auto& m : d.monitors) {
        Term target = m.name == atoms::nil ? Term(m.target) : Term::tuple({Term(m.name), Term(atoms::nonode)});
        v.push_back(Term::tuple({Term(atoms::process), target}));
      }
      return Term::list(v);
    }
    case atoms::monitored_by_index: {
      std::vector<Pid> watchers;
      for (auto& m : d.monitored_by) watchers.push_back(m.watcher);
      return pid_list(watchers);
    }
    case atoms::trap_exit_index: return Term::boolean(d.trap_exit);
    case atoms::registered_name_index: return d.name == atoms::nil ? Term::empty_list() : Term(d.name);
    case atoms::reductions_index: return Term(static_cast<long long>(d.reductions));
    case atoms::memory_index: return Term(static_cast<long long>(d.memory));
    case atoms::initial_call_index: return mfa(d.initial_call);
    case atoms::current_function_index: return mfa(d.initial_call);
    case atoms::dictionary_index: {
      std::vector<Term> v;
      for (auto& [k, val] : d.dictionary) v.push_back(Term::tuple({k, val}));
      return Term::list(v);
    }
    case atoms::group_leader_index: return Term(d.group_leader);
    case atoms::error_handler_index: return Term(atoms::error_handler);
    case atoms::priority_index: return Term(intern("normal"));
    // Heap figures in words, as the BEAM reports them: a fresh process's 233-word heap, grown by
    // what its mailbox holds.
    case atoms::heap_size_index: return Term(static_cast<long long>(heap_words(d)));
    case atoms::total_heap_size_index: return Term(static_cast<long long>(heap_words(d)));
    case atoms::stack_size_index: return Term(static_cast<long long>(d.status == ProcessStatus::Waiting ? 5 : 2));
    case atoms::garbage_collection_index: {
      Term max_heap = Term::map({{Term(intern("error_logger")), Term(atoms::true_)},
                                 {Term(intern("kill")), Term(atoms::true_)},
                                 {Term(intern("size")), Term(0LL)}});
      auto kv = [](const char* k, Term v) { return Term::tuple({Term(intern(k)), std::move(v)}); };
      return Term::list({kv("max_heap_size", max_heap), kv("min_bin_vheap_size", Term(46422LL)),
                         kv("min_heap_size", Term(233LL)), kv("fullsweep_after", Term(65535LL)),
                         kv("minor_gcs", Term(0LL))});
    }
    case atoms::suspending_index: return Term::empty_list();
    default: throw ErlangError(Term(atoms::badarg));
  }
}
}  // namespace

namespace {
void settle(RuntimeCore& core, Pid pid) {
  if (Process* p = core.lookup(pid)) core.settle_for_info(p);
}
}  // namespace

Term Runtime::info(Pid pid, Atom item) {
  switch (item.id) {
    case atoms::status_index: case atoms::message_queue_len_index: case atoms::messages_index:
    case atoms::links_index: case atoms::monitors_index: case atoms::monitored_by_index:
    case atoms::trap_exit_index: case atoms::registered_name_index: case atoms::reductions_index:
    case atoms::memory_index: case atoms::initial_call_index: case atoms::current_function_index:
    case atoms::dictionary_index: case atoms::group_leader_index: case atoms::error_handler_index:
    case atoms::priority_index: case atoms::heap_size_index: case atoms::total_heap_size_index:
    case atoms::stack_size_index: case atoms::garbage_collection_index: case atoms::suspending_index:
      break;
    default: throw ErlangError(Term(atoms::badarg));
  }
  settle(*core_, pid);
  auto d = core_->read_info(pid, true);
  if (!d) return Term();
  return Term::tuple({Term(item), item_value(*d, item, d->messages.size())});
}

Term Runtime::info(Pid pid) {
  settle(*core_, pid);
  auto d = core_->read_info(pid, true);
  if (!d) return Term();
  std::vector<Term> items;
  auto add = [&](Atom a) { items.push_back(Term::tuple({Term(a), item_value(*d, a, d->messages.size())})); };
  if (d->name != atoms::nil) add(atoms::registered_name);
  // Process.info/1's items, in the BEAM's order (OTP 25); :memory is asked for by name.
  for (Atom a : {atoms::current_function, atoms::initial_call, atoms::status, atoms::message_queue_len,
                 atoms::links, atoms::dictionary, atoms::trap_exit, atoms::error_handler, atoms::priority,
                 atoms::group_leader, atoms::total_heap_size, atoms::heap_size, atoms::stack_size,
                 atoms::reductions, atoms::garbage_collection, atoms::suspending})
    add(a);
  return Term::list(items);
}

bool Runtime::set_group_leader(Pid pid, Pid leader) {
  Process* p = core_->lookup(pid);
  if (!p) return false;
  p->group_leader_.store(leader.raw, std::memory_order_relaxed);
  return true;
}

Pid Runtime::group_leader(Pid pid) {
  Process* p = core_->lookup(pid);
  if (!p) return Pid{};
  uint64_t raw = p->group_leader_.load(std::memory_order_relaxed);
  return raw ? Pid{raw} : pid;
}

// ---- latency --------------------------------------------------------------------------------------

void Runtime::set_global_latency(std::chrono::nanoseconds d) {
  core_->global_latency.store(std::max<int64_t>(0, d.count()));
  core_->recompute_latency_flag();
}
std::chrono::nanoseconds Runtime::global_latency() const noexcept {
  return std::chrono::nanoseconds(core_->global_latency.load());
}
bool Runtime::set_process_latency(Pid pid, std::chrono::nanoseconds d) {
  Process* p = core_->lookup(pid);
  if (!p) return false;
  p->latency_ns_.store(std::max<int64_t>(0, d.count()));
  core_->recompute_latency_flag();
  return true;
}
void Runtime::set_edge_latency(Pid a, Pid b, std::chrono::nanoseconds d) {
  {
    std::lock_guard g(core_->edge_m);
    auto key = std::make_pair(std::min(a.serial(), b.serial()), std::max(a.serial(), b.serial()));
    if (d.count() <= 0)
      core_->edge_latency.erase(key);
    else
      core_->edge_latency[key] = d.count();
  }
  core_->recompute_latency_flag();
}

// ---- time and stepping -------------------------------------------------------------------------------

int64_t Runtime::now_ns() const noexcept { return core_->now(); }

void Runtime::set_paused(bool p) {
  {
    std::lock_guard g(core_->pause_m);
    core_->paused.store(p);
  }
  core_->pause_cv.notify_all();
}
bool Runtime::paused() const noexcept { return core_->paused.load(); }

bool Runtime::step() { return core_->opts.deterministic && core_->step(); }
void Runtime::run_ready() {
  if (core_->opts.deterministic) core_->run_ready();
}
size_t Runtime::run_until_idle(size_t max_steps) {
  size_t n = 0;
  while (n < max_steps && step()) ++n;
  return n;
}
size_t Runtime::advance_to(int64_t t_ns, size_t max_steps) {
  if (!core_->opts.deterministic) return 0;
  core_->run_ready();
  size_t n = 0;
  while (n < max_steps && !core_->pending.empty() && core_->pending.top().due <= t_ns && core_->step()) ++n;
  if (t_ns > core_->vnow) core_->vnow = t_ns;
  return n;
}

size_t Runtime::pending_signals() const {
  if (core_->opts.deterministic) return core_->pending.size();
  std::lock_guard g(core_->timer_m);
  return core_->timers.size();
}

std::vector<InFlightSignal> Runtime::in_flight() const {
  std::vector<detail::TimedSignal> items;
  if (core_->opts.deterministic) {
    detail::TimedQueue copy = core_->pending;
    while (!copy.empty()) {
      items.push_back(copy.top());
      copy.pop();
    }
  } else {
    std::lock_guard g(core_->timer_m);
    detail::TimedQueue copy = core_->timers;
    while (!copy.empty()) {
      items.push_back(copy.top());
      copy.pop();
    }
  }
  std::vector<InFlightSignal> out;
  for (auto& t : items) {
    const detail::Signal* s = t.sig;
    InFlightSignal f;
    switch (s->kind) {
      case detail::SignalKind::Message: f.type = SignalType::Message; f.term = s->payload; break;
      case detail::SignalKind::Exit: f.type = SignalType::Exit; f.term = s->payload; break;
      case detail::SignalKind::Down: f.type = SignalType::Down; f.term = s->payload.element(4); break;
      case detail::SignalKind::Timeout: continue;
    }
    f.from = s->from;
    f.to = s->to;
    f.linked = s->linked;
    if (s->kind == detail::SignalKind::Message && core_->ergo()) f.queue = s->prio;
    f.sent_ns = t.sent;
    f.due_ns = t.due;
    out.push_back(std::move(f));
  }
  return out;
}

// ---- observing ------------------------------------------------------------------------------------------

void Runtime::set_tracing(bool on) { core_->tracing.store(on); }
void Runtime::set_message_sampling(uint32_t every) { core_->message_sampling.store(every ? every : 1); }
uint32_t Runtime::message_sampling() const noexcept { return core_->message_sampling.load(); }
bool Runtime::tracing() const noexcept { return core_->tracing_on(); }
uint64_t Runtime::dropped_events() const noexcept { return core_->dropped.load(); }

size_t Runtime::drain_trace(std::vector<TraceEvent>& out, size_t max) {
  // Causal order across threads: an event is published to its thread's ring only after its seq
  // was taken, so one pass over the rings may see an effect (a restart, in a ring read late) and
  // miss its cause (the exit, in a ring read early). Every cause of an event seen in the first
  // pass is published before that event, so a second pass sees it. Events new in the second pass
  // that are later than all of the first pass wait for the next drain, whose first pass sees
  // their causes in turn. A batch thus never holds an event without the events it follows from.
  auto& buf = core_->drain_buf;
  auto& carry = core_->drain_carry;
  buf.clear();
  uint64_t horizon = 0;
  for (const TraceEvent& e : carry) horizon = std::max(horizon, e.seq);
  buf.swap(carry);
  {
    std::lock_guard g(core_->rings_m);
    auto pass = [&](auto&& keep) {
      for (auto& r : core_->rings) {
        uint64_t t = r->tail.load(std::memory_order_relaxed);
        const uint64_t h = r->head.load(std::memory_order_acquire);
        for (; t != h; ++t) keep(std::move(r->buf[t & r->mask]));
        r->tail.store(t, std::memory_order_release);
      }
    };
    pass([&](TraceEvent&& e) {
      horizon = std::max(horizon, e.seq);
      buf.push_back(std::move(e));
    });
    pass([&](TraceEvent&& e) { (e.seq <= horizon ? buf : carry).push_back(std::move(e)); });
  }
  std::sort(buf.begin(), buf.end(), [](const TraceEvent& a, const TraceEvent& b) { return a.seq < b.seq; });
  size_t n = std::min(max, buf.size());
  out.insert(out.end(), std::make_move_iterator(buf.begin()), std::make_move_iterator(buf.begin() + n));
  if (n < buf.size()) core_->dropped.fetch_add(buf.size() - n);  // the caller asked for fewer
  buf.clear();
  return n;
}

void Runtime::emit_trace(TraceEvent ev) {
  if (core_->tracing_on()) core_->emit(std::move(ev));
}

void Runtime::trace_label(Pid pid, Term label) {
  if (!core_->tracing_on()) return;
  TraceEvent ev;
  ev.kind = TraceKind::Label;
  ev.a = pid;
  ev.term = std::move(label);
  core_->emit(std::move(ev));
}

Snapshot Runtime::snapshot() {
  Snapshot s;
  s.seq = core_->trace_seq.load();
  s.time_ns = core_->now();
  uint32_t hw = core_->high_water();
  for (uint32_t i = 0; i < hw; ++i) {
    Process* p = core_->slot_ptr(i);
    uint64_t raw = p->pid_.load(std::memory_order_acquire);
    if (!raw) continue;
    auto d = core_->read_info(Pid{raw}, false);
    if (!d) continue;
    ProcessSnapshot ps;
    ps.pid = d->pid;
    ps.parent = d->parent;
    ps.node = p->node_.load(std::memory_order_relaxed);
    ps.name = d->name;
    ps.status = d->status;
    ps.trap_exit = d->trap_exit;
    ps.suspended = d->suspended;
    ps.message_queue_len = d->queue_len;
    ps.reductions = d->reductions;
    ps.memory = d->memory;
    ps.initial_call = mfa(d->initial_call);
    ps.links = d->links;
    ps.one_way_links = d->one_way_links;
    ps.queue_urgent = d->queue_urgent;
    ps.queue_system = d->queue_system;
    for (auto& m : d->monitors) {
      ps.monitors.emplace_back(m.ref, m.target);
      if (m.name != atoms::nil && core_->ergo()) ps.name_targets.push_back({m.ref, m.target, m.name, false});
    }
    for (auto& m : d->one_way_named) ps.name_targets.push_back({m.ref, m.target, m.name, true});
    for (auto& m : d->monitored_by) ps.monitored_by.emplace_back(m.ref, m.watcher);
    s.processes.push_back(std::move(ps));
  }
  std::sort(s.processes.begin(), s.processes.end(),
            [](const ProcessSnapshot& a, const ProcessSnapshot& b) { return a.pid.serial() < b.pid.serial(); });
  s.nodes = node_states();
  s.connections = connection_states();
  return s;
}

// ---- names for enums ----------------------------------------------------------------------------------

const char* to_string(Semantics s) { return s == Semantics::Ergo ? "ergo" : "beam"; }

const char* to_string(TraceKind k) {
  switch (k) {
    case TraceKind::Spawn: return "spawn";
    case TraceKind::Exit: return "exit";
    case TraceKind::Link: return "link";
    case TraceKind::Unlink: return "unlink";
    case TraceKind::Monitor: return "monitor";
    case TraceKind::Demonitor: return "demonitor";
    case TraceKind::Send: return "send";
    case TraceKind::Receive: return "receive";
    case TraceKind::SignalSent: return "signal_sent";
    case TraceKind::SignalDelivered: return "signal_delivered";
    case TraceKind::TrapExit: return "trap_exit";
    case TraceKind::Register: return "register";
    case TraceKind::Unregister: return "unregister";
    case TraceKind::Suspend: return "suspend";
    case TraceKind::Resume: return "resume";
    case TraceKind::Restart: return "restart";
    case TraceKind::Fault: return "fault";
    case TraceKind::GiveUp: return "give_up";
    case TraceKind::Label: return "label";
    case TraceKind::NodeUp: return "node_up";
    case TraceKind::NodeDown: return "node_down";
    case TraceKind::Connect: return "connect";
    case TraceKind::Disconnect: return "disconnect";
    case TraceKind::Heal: return "heal";
  }
  return "?";
}

const char* to_string(SignalOutcome o) {
  switch (o) {
    case SignalOutcome::None: return "none";
    case SignalOutcome::Killed: return "killed";
    case SignalOutcome::Trapped: return "trapped";
    case SignalOutcome::DroppedNormal: return "dropped_normal";
    case SignalOutcome::DroppedUnlinked: return "dropped_unlinked";
    case SignalOutcome::DroppedDead: return "dropped_dead";
    case SignalOutcome::DownQueued: return "down_queued";
    case SignalOutcome::DownDropped: return "down_dropped";
    case SignalOutcome::Lost: return "lost";
  }
  return "?";
}

const char* to_string(ProcessStatus s) {
  switch (s) {
    case ProcessStatus::Running: return "running";
    case ProcessStatus::Runnable: return "runnable";
    case ProcessStatus::Waiting: return "waiting";
    case ProcessStatus::Suspended: return "suspended";
    case ProcessStatus::Exiting: return "exiting";
  }
  return "?";
}

}  // namespace actorscope
