// RuntimeCore: process table, signal routing, process activation, exit propagation.

#include "core.hpp"

#include <algorithm>
#include <cassert>
#include <cstdio>

namespace actorscope::detail {

thread_local Process* tls_current = nullptr;

static_assert(sizeof(Signal) <= 64, "Signal must stay in the frame pool's 64-byte class");

namespace {
std::atomic<uint64_t> g_core_uid{1};
constexpr uint32_t kMaxChunks = (1u << 22) >> RuntimeCore::kChunkBits;  // 4M slots at most
}  // namespace

RuntimeCore::RuntimeCore(Runtime& f, RuntimeOptions o)
    : facade(f), opts(o), uid(g_core_uid.fetch_add(1)), chunks_(new std::atomic<Process*>[kMaxChunks]) {
  for (uint32_t i = 0; i < kMaxChunks; ++i) chunks_[i].store(nullptr, std::memory_order_relaxed);
  if (opts.max_processes == 0 || opts.max_processes > (kMaxChunks << kChunkBits))
    opts.max_processes = kMaxChunks << kChunkBits;
  if (opts.reduction_budget <= 0) opts.reduction_budget = 4000;
  uint32_t cap = 1024;
  while (cap < opts.trace_buffer_events) cap <<= 1;
  opts.trace_buffer_events = cap;
  if (opts.deterministic) return;
  unsigned n = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
  opts.threads = n;
  for (unsigned i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>();
    w->core = this;
    w->index = i;
    workers.push_back(std::move(w));
  }
  for (auto& w : workers) {
    Worker* wp = w.get();
    wp->thread = std::thread([this, wp] { worker_loop(*wp); });
  }
  timer_thread = std::thread([this] { timer_loop(); });
}

RuntimeCore::~RuntimeCore() { shutdown(); }

namespace {
constexpr uint32_t kTrimAbove = 10'000;  // process slots used: see the end of shutdown()
}  // namespace

void RuntimeCore::shutdown() {
  if (torn_down_) return;
  torn_down_ = true;
  if (!stopping.exchange(true)) {
    {
      std::lock_guard g(pause_m);
      paused.store(false);
    }
    pause_cv.notify_all();
    for (auto& w : workers) {
      (void)w;
      wake_epoch.fetch_add(1);
      wake_epoch.notify_all();
    }
    for (auto& w : workers)
      if (w->thread.joinable()) w->thread.join();
    {
      std::lock_guard g(timer_m);
    }
    timer_cv.notify_all();
    if (timer_thread.joinable()) timer_thread.join();
  }
  // No thread runs process code any more: destroy every process and every queued signal.
  auto free_queue = [](TimedQueue& q) {
    while (!q.empty()) {
      delete q.top().sig;
      q.pop();
    }
  };
  uint32_t hw = high_water();
  // Frames first: a destructor in process code may still send, and those signals are freed below.
  for (uint32_t i = 0; i < hw; ++i) {
    Process* p = slot_ptr(i);
    if (p->root_) {
      p->root_.destroy();
      p->root_ = {};
    }
  }
  free_queue(timers);
  free_queue(pending);
  for (uint32_t i = 0; i < hw; ++i) {
    Process* p = slot_ptr(i);
    while (Signal* s = p->inbox_.pop()) delete s;
    for (Signal* s = p->q_head_; s;) {
      Signal* n = static_cast<Signal*>(s->next.load(std::memory_order_relaxed));
      delete s;
      s = n;
    }
    p->q_head_ = p->q_tail_ = nullptr;
    p->rel_.reset();
  }
  for (uint32_t c = 0; c < kMaxChunks; ++c) {
    Process* chunk = chunks_[c].exchange(nullptr);
    if (!chunk) continue;
    // Processes have a private destructor; RuntimeCore is a friend.
    for (uint32_t i = 0; i < kChunkSize; ++i) chunk[i].~Process();
    ::operator delete(static_cast<void*>(chunk));
  }
  // A runtime that held many processes leaves the pools full of their blocks, spread over all
  // the memory they took: handed out again they would cost the next runtime a cache and TLB miss
  // per message. A small one's blocks are few and stay for the next.
  if (hw > kTrimAbove) pool_trim();
}

int64_t RuntimeCore::now() const noexcept { return opts.deterministic ? vnow : steady_ns(); }

// ---- process table ------------------------------------------------------------------------------

Process* RuntimeCore::allocate() {
  if (live.fetch_add(1, std::memory_order_relaxed) >= opts.max_processes) {
    live.fetch_sub(1, std::memory_order_relaxed);
    throw ErlangError(Term(atoms::system_limit),
                      "cannot spawn: " + std::to_string(opts.max_processes) +
                          " processes are alive, the limit set by RuntimeOptions::max_processes");
  }
  uint64_t head = free_head_.load(std::memory_order_acquire);
  while (static_cast<uint32_t>(head) != 0) {
    uint32_t slot = static_cast<uint32_t>(head) - 1;
    Process* p = slot_ptr(slot);
    uint64_t next = ((head >> 32) + 1) << 32 | p->next_free_.load(std::memory_order_relaxed);
    if (free_head_.compare_exchange_weak(head, next, std::memory_order_acq_rel)) return p;
  }
  std::lock_guard g(chunk_m_);
  uint32_t slot = high_water_.load(std::memory_order_relaxed);
  uint32_t chunk = slot >> kChunkBits;
  if (!chunks_[chunk].load(std::memory_order_relaxed)) {
    auto* mem = static_cast<Process*>(::operator new(sizeof(Process) * kChunkSize));
    for (uint32_t i = 0; i < kChunkSize; ++i) {
      Process* p = new (&mem[i]) Process();
      p->core_ = this;
      p->slot_ = (chunk << kChunkBits) + i;
      p->sched_.store(kDead, std::memory_order_relaxed);
    }
    chunks_[chunk].store(mem, std::memory_order_release);
  }
  high_water_.store(slot + 1, std::memory_order_release);
  return slot_ptr(slot);
}

void RuntimeCore::release_slot(Process* p) noexcept {
  uint32_t slot = p->slot_;
  uint64_t head = free_head_.load(std::memory_order_acquire);
  for (;;) {
    p->next_free_.store(static_cast<uint32_t>(head), std::memory_order_relaxed);
    uint64_t next = ((head >> 32) + 1) << 32 | (slot + 1);
    if (free_head_.compare_exchange_weak(head, next, std::memory_order_acq_rel)) break;
  }
  live.fetch_sub(1, std::memory_order_relaxed);
}

Process* RuntimeCore::lookup(Pid pid) const noexcept {
  if (!pid.valid()) return nullptr;
  uint32_t hw = high_water();
  if (pid.slot() == kUnresolvedSlot) {
    for (uint32_t i = 0; i < hw; ++i) {
      Process* p = slot_ptr(i);
      if (Pid{p->pid_.load(std::memory_order_acquire)}.serial() == pid.serial() &&
          p->pid_.load(std::memory_order_relaxed) != 0)
        return p;
    }
    return nullptr;
  }
  if (pid.slot() >= hw) return nullptr;
  Process* p = slot_ptr(pid.slot());
  return p->pid_.load(std::memory_order_acquire) == pid.raw ? p : nullptr;
}

Pid RuntimeCore::start(Process* parent, Process* child, Task<> body, const SpawnOptions& o, Ref* mref_out) {
  flush_staged();  // what this process sent before acts first (R4.1)
  if (o.node > 0) {  // another node than the first: it must be alive, and reachable from the parent
    const uint16_t tn = static_cast<uint16_t>(o.node);
    bool up;
    {
      std::lock_guard g(nodes_m);
      up = tn < node_up.size() && node_up[tn];
    }
    const uint16_t pn = parent ? parent->node_.load(std::memory_order_relaxed) : tn;
    if (!up || (pn != tn && !connect(pn, tn))) {  // no process starts there
      release_slot(child);
      return spawn_unreachable(parent, tn, o, mref_out);
    }
  }
  Ref mref;  // the monitor spawn_monitor makes, when it does
  // Ergo mode's spawn_link: the child's link to its parent, and the parent's to the child.
  const Ref up_ref = o.link && parent && ergo() ? make_ref() : Ref{};
  const Ref down_ref = o.link && parent && ergo() ? make_ref() : Ref{};
  uint32_t slot = child->slot_;
  Pid pid = Pid::make(slot, next_serial_.fetch_add(1, std::memory_order_relaxed));
  Pid parent_pid = parent ? parent->pid() : Pid{};
  child->root_ = body.release();
  child->current_ = child->root_;
  child->wait_ = Wait::Start;
  child->timed_out_ = false;
  child->q_scanned_ = nullptr;
  child->budget_ = 0;
  child->exit_reason_ = Term();
  child->trap_exit_.store(false, std::memory_order_relaxed);
  child->suspended_.store(false, std::memory_order_relaxed);
  child->exiting_.store(false, std::memory_order_relaxed);
  child->reductions_.store(0, std::memory_order_relaxed);
  child->latency_ns_.store(0, std::memory_order_relaxed);
  const uint16_t node = o.node >= 0 ? static_cast<uint16_t>(o.node)
                        : parent    ? parent->node_.load(std::memory_order_relaxed)
                                    : 0;
  child->node_.store(node, std::memory_order_relaxed);
  if (node != 0) {
    std::lock_guard g(pid_nodes_m);
    pid_nodes[pid.serial()] = node;
  }
  child->queue_len_.store(0, std::memory_order_relaxed);
  child->status_.store(static_cast<uint8_t>(ProcessStatus::Runnable), std::memory_order_relaxed);
  child->group_leader_.store(o.group_leader.valid() ? o.group_leader.raw
                             : parent             ? parent->group_leader_.load(std::memory_order_relaxed)
                                                  : 0,
                             std::memory_order_relaxed);
  {
    SpinGuard g(child->lock_);
    child->name_ = atoms::nil;
    child->parent_ = parent_pid;
    child->rel_.reset();
    if (o.link && parent) {
      child->rel_ = std::make_unique<Relations>();
      if (ergo()) {  // LinkParent + LinkChild: one-way each (E1.1)
        child->rel_->monitors.push_back({up_ref, parent_pid, atoms::nil, true});
        child->rel_->monitored_by.push_back({down_ref, parent_pid, atoms::nil, true});
      } else {
        child->rel_->links.push_back(parent_pid);
      }
    }
    if (o.initial_call != InitialCall{}) {  // the default (erlang:apply/2) needs no Relations
      if (!child->rel_) child->rel_ = std::make_unique<Relations>();
      child->rel_->initial_call = o.initial_call;
    }
    if (o.proc_lib) {
      if (!child->rel_) child->rel_ = std::make_unique<Relations>();
      std::vector<Term> ancestors;
      if (parent) {
        ancestors.push_back(Term(parent_pid));
        SpinGuard pg(parent->lock_);
        if (parent->rel_)
          for (auto& [k, v] : parent->rel_->dictionary)
            if (k.is_atom(atoms::ancestors))
              for (auto& a : v.list_elements()) ancestors.push_back(a);
      }
      child->rel_->dictionary.emplace_back(Term(atoms::ancestors), Term::list(ancestors));
      child->rel_->dictionary.emplace_back(
          Term(atoms::dollar_initial_call),
          Term::tuple({Term(o.initial_call.module), Term(o.initial_call.function), Term(o.initial_call.arity)}));
    }
    if (o.monitor && parent) {
      if (!child->rel_) child->rel_ = std::make_unique<Relations>();
      Ref r = make_ref();
      child->rel_->monitored_by.push_back({r, parent_pid, atoms::nil});
      mref = r;
      if (mref_out) *mref_out = r;
    }
    child->pid_.store(pid.raw, std::memory_order_release);
  }
  if (parent && (o.link || o.monitor)) {
    SpinGuard g(parent->lock_);
    if (!parent->rel_) parent->rel_ = std::make_unique<Relations>();
    if (o.link && ergo()) {
      parent->rel_->monitors.push_back({down_ref, pid, atoms::nil, true});
      parent->rel_->monitored_by.push_back({up_ref, pid, atoms::nil, true});
    } else if (o.link) {
      parent->rel_->links.push_back(pid);
    }
    if (o.monitor) parent->rel_->monitors.push_back({mref, pid, atoms::nil});
  }
  if (tracing_on()) {
    TraceEvent ev;
    ev.kind = TraceKind::Spawn;
    ev.a = pid;
    ev.b = parent_pid;
    ev.node = node;
    ev.term = Term::tuple({Term(o.initial_call.module), Term(o.initial_call.function), Term(o.initial_call.arity)});
    emit(std::move(ev));
    if (o.link && parent && ergo()) {
      for (auto [a, b] : {std::pair{pid, parent_pid}, std::pair{parent_pid, pid}}) {
        TraceEvent l;
        l.kind = TraceKind::Link;
        l.flag = true;  // one-way: a depends on b
        l.a = a;
        l.b = b;
        emit(std::move(l));
      }
    } else if (o.link && parent) {
      trace(TraceKind::Link, parent_pid, pid);
    }
    if (o.monitor && parent) {
      TraceEvent m;
      m.kind = TraceKind::Monitor;
      m.a = parent_pid;
      m.b = pid;
      m.ref = mref;
      emit(std::move(m));
    }
  }
  if (parent && multi_node.load(std::memory_order_acquire) &&
      parent->node_.load(std::memory_order_relaxed) != child->node_.load(std::memory_order_relaxed))
    (void)reach(parent_pid, pid);  // R9.2: a spawn on another node uses the connection
  if (parent) parent->count_reduction();
  child->sched_.store(kActive, std::memory_order_release);
  schedule(child);
  return pid;
}

void RuntimeCore::trace_signal_sent(SignalType type, Pid from, Pid to, const Term& reason, Ref ref, bool linked,
                                    int far_node) {
  if (!tracing_on()) return;
  TraceEvent ev;
  ev.kind = TraceKind::SignalSent;
  ev.signal = type;
  ev.flag = linked;
  ev.a = from;
  ev.b = to;
  ev.ref = ref;
  ev.term = reason;
  if (far_node >= 0) {
    ev.node = static_cast<uint16_t>(far_node);
    ev.node2 = 1;
  }
  emit(std::move(ev));
}

void RuntimeCore::fire_noconnection_link(Pid self, Pid other, uint16_t far_node) {
  flush_staged();  // what this process sent before acts first (R4.1)
  const Term noconnection(intern("noconnection"));
  trace_signal_sent(SignalType::Exit, other, self, noconnection, {}, false, far_node);
  Signal* s = make_signal(SignalKind::Exit, other, self, noconnection);
  s->local = true;  // made on self's node: nothing to cross
  send_signal(s);
}

Pid RuntimeCore::spawn_unreachable(Process* parent, uint16_t node, const SpawnOptions& o, Ref* mref_out) {
  flush_staged();  // what this process sent before acts first (R4.1)
  // As the BEAM: a pid that names no process; a link to it fires :noconnection at once (R9.3), a
  // monitor gives DOWN :noconnection (R9.4), both made on the parent's own node.
  Pid dead = fresh_dead_pid();
  {
    std::lock_guard g(pid_nodes_m);
    pid_nodes[dead.serial()] = node;
  }
  if (!parent) return dead;
  if (o.link) fire_noconnection_link(parent->pid(), dead, node);
  if (o.monitor) {
    Ref r = make_ref();
    if (mref_out) *mref_out = r;
    send_down_noproc(parent, r, Term(dead), intern("noconnection"), node);
  }
  return dead;
}

Process* allocate_process(RuntimeCore& core) { return core.allocate(); }
void abandon_process(RuntimeCore& core, Process* p) noexcept { core.release_slot(p); }
Pid start_process(RuntimeCore& core, Process* parent, Process* child, Task<> body, const SpawnOptions& opts,
                  Ref* monitor_ref) {
  return core.start(parent, child, std::move(body), opts, monitor_ref);
}
RuntimeCore& core_of(Process& p) noexcept { return *p.core_; }

// ---- signal routing ---------------------------------------------------------------------------------

int64_t RuntimeCore::delay_for(const Signal* s, Process* target) {
  int64_t d = global_latency.load(std::memory_order_relaxed);
  if (target) d += target->latency_ns_.load(std::memory_order_relaxed);
  if (s->conn && conn_latency_any.load(std::memory_order_relaxed)) {  // across a connection (R9)
    std::lock_guard g(nodes_m);
    d += conns[s->conn - 1u].latency_ns;
  }
  if (s->from.valid()) {
    std::lock_guard g(edge_m);
    if (!edge_latency.empty()) {
      uint32_t a = s->from.serial(), b = s->to.serial();
      auto it = edge_latency.find({std::min(a, b), std::max(a, b)});
      if (it != edge_latency.end()) d += it->second;
    }
  }
  return d;
}

void RuntimeCore::recompute_latency_flag() {
  bool any = global_latency.load() != 0 || conn_latency_any.load();
  {
    std::lock_guard g(edge_m);
    any = any || !edge_latency.empty();
  }
  uint32_t hw = high_water();
  for (uint32_t i = 0; i < hw && !any; ++i)
    if (slot_ptr(i)->latency_ns_.load(std::memory_order_relaxed) != 0) any = true;
  latency_configured.store(any);
}

int64_t RuntimeCore::keep_pair_order(const Signal* s, int64_t due) {
  int64_t t = now();
  if (due <= t && !order_tracked.load(std::memory_order_acquire)) return due;
  uint64_t key = (static_cast<uint64_t>(s->from.serial()) << 32) | s->to.serial();
  std::lock_guard g(order_m);
  auto it = order_due.find(key);
  if (it != order_due.end() && it->second > due) due = it->second;  // same due: queued in send order
  if (due > t) {
    order_due[key] = due;
  } else if (it != order_due.end()) {
    order_due.erase(it);
  }
  if (order_due.size() > 4096)  // forget pairs whose delayed signals are all due
    for (auto i = order_due.begin(); i != order_due.end();) i = i->second <= t ? order_due.erase(i) : std::next(i);
  order_tracked.store(!order_due.empty(), std::memory_order_release);
  return due;
}

namespace {
void trace_dropped_dead(RuntimeCore& c, const Signal* s);
}  // namespace

// Staged sends: messages the process running on this thread sends to one receiver, one after
// another, wait here and enter its inbox together (one exchange, their cache lines written
// first). They go when it sends anything to anyone else, does what another process could see
// (spawn, link, monitor, names, info: each calls flush_staged first), gives way (after each
// resume; preempt_point) or after kStageMax. Nothing of the sender's overtakes them, so R4.1
// holds. Threaded mode only, without latency or nodes (those routes keep their own order).
namespace {
struct Staged {
  Signal* first = nullptr;
  Signal* last = nullptr;
  uint32_t n = 0;
};
constinit thread_local Staged tls_staged;
constexpr uint32_t kStageMax = 64;
}  // namespace

void RuntimeCore::flush_staged() {
  Staged& st = tls_staged;
  Signal* const first = st.first;
  if (!first) [[likely]]
    return;
  Signal* const last = st.last;
  st = Staged{};
  Process* p = lookup(first->to);
  if (!p) {
    for (Signal* s = first; s;) {
      Signal* next = s == last ? nullptr : static_cast<Signal*>(s->next.load(std::memory_order_relaxed));
      trace_dropped_dead(*this, s);
      delete s;
      s = next;
    }
    return;
  }
  if (first->to.slot() == kUnresolvedSlot)
    for (Signal* s = first;; s = static_cast<Signal*>(s->next.load(std::memory_order_relaxed))) {
      s->to = p->pid();
      if (s == last) break;
    }
  p->inbox_.push_chain(first, last);
  wake(p);
}

void RuntimeCore::send_signal(Signal* s) {
  // A message a process sends to itself is in its mailbox at once, as on the BEAM
  // (`send(self(), m); receive ... after 0` finds m), also in deterministic mode and under latency.
  if (s->kind == SignalKind::Message && s->from.valid() && s->from == s->to) {
    deliver_now(s);
    return;
  }
  if (s->kind == SignalKind::Message && !opts.deterministic && tls_current && s->from == tls_current->pid() &&
      !multi_node.load(std::memory_order_relaxed) && !latency_configured.load(std::memory_order_relaxed) &&
      delayed_in_flight.load(std::memory_order_relaxed) == 0) {
    Staged& st = tls_staged;
    if (st.first && st.first->to.raw != s->to.raw) flush_staged();
    s->next.store(nullptr, std::memory_order_relaxed);
    if (st.last)
      st.last->next.store(s, std::memory_order_relaxed);
    else
      st.first = s;
    st.last = s;
    if (++st.n >= kStageMax) flush_staged();
    return;
  }
  flush_staged();
  if (multi_node.load(std::memory_order_acquire) && !s->local && s->from.valid() && !route(s)) {
    trace_dropped_dead(*this, s);
    delete s;
    return;
  }
  if (opts.deterministic) {
    Process* target = lookup(s->to);
    int64_t due = vnow;
    if (latency_configured.load(std::memory_order_relaxed)) due += delay_for(s, target);
    due = keep_pair_order(s, due);
    pending.push({due, trace_seq.fetch_add(1, std::memory_order_relaxed), s, vnow});
    return;
  }
  if (latency_configured.load(std::memory_order_relaxed) ||
      delayed_in_flight.load(std::memory_order_relaxed) > 0) {
    Process* target = lookup(s->to);
    int64_t d = delay_for(s, target);
    if (d > 0 || delayed_in_flight.load(std::memory_order_acquire) > 0) {
      // Every signal queues behind the delayed ones so that no pair's order changes (R4.1).
      delayed_in_flight.fetch_add(1, std::memory_order_acq_rel);
      add_timed(keep_pair_order(s, now() + d), s);
      return;
    }
  }
  deliver_now(s);
}

namespace {
/// An exit signal or DOWN whose target has ended shows in the trace as DroppedDead.
void trace_dropped_dead(RuntimeCore& c, const Signal* s) {
  // A live target means the signal was lost on a cut connection (R9.6): messages are traced too (the
  // picture counted them into the mailbox when they left), unless sends are sampled.
  if (!c.tracing_on()) return;
  const bool lost = c.lookup(s->to) != nullptr;
  const bool message = s->kind == SignalKind::Message;
  if (!(s->kind == SignalKind::Exit || s->kind == SignalKind::Down || (lost && message)) ||
      (message && c.message_sampling.load(std::memory_order_relaxed) > 1))
    return;
  TraceEvent ev;
  ev.kind = TraceKind::SignalDelivered;
  ev.signal = message ? SignalType::Message : s->kind == SignalKind::Exit ? SignalType::Exit : SignalType::Down;
  ev.outcome = lost ? SignalOutcome::Lost : SignalOutcome::DroppedDead;
  ev.flag = s->linked;
  ev.a = s->from;
  ev.b = s->to;
  ev.ref = s->ref;
  ev.term = s->kind == SignalKind::Down ? s->payload.element(4) : s->payload;
  c.emit(std::move(ev));
}
}  // namespace

void RuntimeCore::deliver_now(Signal* s) {
  Pid to = s->to;
  Process* p = lookup(to);
  if (!p || (s->conn && !still_connected(s))) {
    trace_dropped_dead(*this, s);
    delete s;
    return;
  }
  if (to.slot() == kUnresolvedSlot) s->to = p->pid();
  p->inbox_.push(s);
  wake(p);
}

bool RuntimeCore::sample_message(bool receive, uint32_t* weight) noexcept {
  static thread_local uint32_t skipped[2] = {0, 0};
  uint32_t every = message_sampling.load(std::memory_order_relaxed);
  uint32_t& n = skipped[receive ? 1 : 0];
  if (every <= 1) {
    *weight = n + 1;
    n = 0;
    return true;
  }
  if (++n < every) return false;
  *weight = n;
  n = 0;
  return true;
}

void RuntimeCore::send_message(Pid from, Pid to, Term msg, uint8_t prio) {
  uint32_t weight = 1;
  if (tracing_on() && sample_message(false, &weight)) {
    TraceEvent ev;
    ev.kind = TraceKind::Send;
    ev.a = from;
    ev.b = to;
    ev.weight = weight;
    ev.node2 = prio;
    ev.term = msg;
    emit(std::move(ev));
  }
  Signal* s = make_signal(SignalKind::Message, from, to, std::move(msg));
  if (prio) s->prio = prio;  // Ergo mode only (ergo::send gives 0 in BEAM mode)
  send_signal(s);
}

void RuntimeCore::send_exit(Pid from, Pid to, Term reason, bool linked) {
  trace_signal_sent(SignalType::Exit, from, to, reason, {}, linked);
  Signal* s = make_signal(SignalKind::Exit, from, to, std::move(reason));
  s->linked = linked;
  send_signal(s);
}

void RuntimeCore::arm_timeout(Process* p, int64_t ms) {
  Signal* s = make_signal(SignalKind::Timeout, p->pid(), p->pid(), Term());
  s->ref = Ref{p->receive_seq_};
  int64_t due = now() + ms * 1'000'000;
  if (opts.deterministic) {
    pending.push({due, trace_seq.fetch_add(1, std::memory_order_relaxed), s});
  } else {
    add_timed(due, s);
  }
}

// ---- running a process -----------------------------------------------------------------------------

namespace {
void append(Signal*& head, Signal*& tail, Signal* s) {
  s->next.store(nullptr, std::memory_order_relaxed);
  if (tail)
    tail->next.store(s, std::memory_order_relaxed);
  else
    head = s;
  tail = s;
}

void trace_delivery(RuntimeCore& c, SignalType t, const Signal* s, SignalOutcome o) {
  if (!c.tracing_on()) return;
  TraceEvent ev;
  ev.kind = TraceKind::SignalDelivered;
  ev.signal = t;
  ev.outcome = o;
  ev.flag = s->linked;
  ev.a = s->from;
  ev.b = s->to;
  ev.ref = s->ref;
  ev.term = s->kind == SignalKind::Down ? s->payload.element(4) : s->payload;
  if (s->node_stop) ev.node2 = 1;  // ended with its node, not killed by anyone
  c.emit(std::move(ev));
}
}  // namespace

bool RuntimeCore::drain(Process* p) {
  if (p->exiting_.load(std::memory_order_relaxed)) return false;
  if (!p->inbox_.maybe_nonempty()) return true;  // the common case for a process about to wait
  Signal* bh = nullptr;
  Signal* bt = nullptr;
  uint32_t added = 0;
  Pid self = p->pid();
  auto flush_batch = [&] {
    if (!bh) return;
    SpinGuard g(p->lock_);
    if (p->q_tail_)
      p->q_tail_->next.store(bh, std::memory_order_relaxed);
    else
      p->q_head_ = bh;
    p->q_tail_ = bt;
    p->queue_len_.store(p->queue_len_.load(std::memory_order_relaxed) + added, std::memory_order_relaxed);
    bh = bt = nullptr;
    added = 0;
  };
  const bool ergo_mode = ergo();
  auto put = [&](Signal* sig) {
    if (ergo_mode && sig->prio > 0) [[unlikely]] {  // E1.9: ahead of the Main queue
      flush_batch();
      ergo_enqueue(p, sig);
    } else {
      append(bh, bt, sig);
      ++added;
    }
  };
  while (Signal* s = p->inbox_.pop()) {
    if (s->to.raw != self.raw) {  // meant for an earlier process in this slot
      trace_dropped_dead(*this, s);
      delete s;
      continue;
    }
    switch (s->kind) {
      case SignalKind::Message:
        s->payload.prefetch();  // the receive that takes it reads it (its tag, its elements)
        put(s);
        break;
      case SignalKind::Timeout:
        if (p->wait_ == Wait::Receiving && s->ref.id == p->receive_seq_) p->timed_out_ = true;
        delete s;
        break;
      case SignalKind::Down: {
        bool active = s->linked;  // unconditional (noproc DOWN)
        if (!active) {
          SpinGuard g(p->lock_);
          if (p->rel_ && p->rel_->monitors.erase_key(s->ref.id)) active = true;
        }
        trace_delivery(*this, SignalType::Down, s, active ? SignalOutcome::DownQueued : SignalOutcome::DownDropped);
        if (active) {
          if (ergo_mode) s->prio = 1;  // the System queue
          put(s);
        } else {
          delete s;
        }
        break;
      }
      case SignalKind::Exit: {
        if (ergo_mode) [[unlikely]] {
          flush_batch();
          if (!ergo_drain_exit(p, s)) return false;
          break;
        }
        if (s->linked) {  // R1.8: the link must still exist when the signal arrives
          bool had = false;
          {
            SpinGuard g(p->lock_);
            if (p->rel_ && p->rel_->links.erase_key(s->from.serial())) had = true;
          }
          // A :noconnection made on this node by a cut (`local`) removed its link when it was made:
          // an unlink after the cut cannot take it back (R9.3).
          if (!had && !s->local) {
            trace_delivery(*this, SignalType::Exit, s, SignalOutcome::DroppedUnlinked);
            delete s;
            break;
          }
        }
        const Term& reason = s->payload;
        if (!s->linked && reason.is_atom(atoms::kill)) {  // R1.5: untrappable
          trace_delivery(*this, SignalType::Exit, s, SignalOutcome::Killed);
          delete s;
          flush_batch();
          die(p, Term(atoms::killed));
          return false;
        }
        if (p->trap_exit_.load(std::memory_order_relaxed)) {  // R1.7, R1.6
          trace_delivery(*this, SignalType::Exit, s, SignalOutcome::Trapped);
          s->payload = Term::tuple({Term(atoms::EXIT), Term(s->from), reason});
          s->kind = SignalKind::Message;
          s->linked = true;  // signal-born (see Signal::linked)
          put(s);
          break;
        }
        if (reason.is_atom(atoms::normal) && s->from != self) {  // R1.3
          trace_delivery(*this, SignalType::Exit, s, SignalOutcome::DroppedNormal);
          delete s;
          break;
        }
        trace_delivery(*this, SignalType::Exit, s, SignalOutcome::Killed);  // R1.2, R1.4, R1.6
        Term r = std::move(s->payload);
        delete s;
        flush_batch();
        die(p, std::move(r));
        return false;
      }
    }
  }
  flush_batch();
  return true;
}

bool RuntimeCore::ergo_drain_exit(Process* p, Signal* s) {
  uint64_t by_alias = 0;  // the link was on an alias: MessageExitAlias
  if (s->linked && s->object != 2) {  // a one-way link's: it must still be there (E1.1)
    bool had = false;
    MonitorOut rec;
    {
      SpinGuard g(p->lock_);
      if (p->rel_ && p->rel_->monitors.erase_key(s->ref.id, &rec)) had = true;
    }
    if (had) by_alias = rec.alias;
    if (s->object == 3) by_alias = s->ref.id;  // a cut's exit: its record went with the cut
    if (!had && !s->local) {
      trace_delivery(*this, SignalType::Exit, s, SignalOutcome::DroppedUnlinked);
      delete s;
      return true;
    }
  }
  // E1.6: only the node's Kill is forced; E1.7: a parent's exit is never trapped.
  // Only an exit the parent itself sent by pid (Ergo's MessageExitPID from Parent()); a
  // cut's exit, or one along a link by name or alias, is trapped as any other.
  const bool from_parent = !s->local && s->object == 0 && !by_alias && s->from.valid() && s->from == p->parent_;
  if (!s->node_stop && !from_parent && p->trap_exit_.load(std::memory_order_relaxed)) {
    trace_delivery(*this, SignalType::Exit, s, SignalOutcome::Trapped);
    Term object = s->object == 1   ? Term::tuple({Term(Atom{s->object_name}), Term(node_name(s->object_node))})
                  : s->object == 2 ? Term(node_name(s->object_node))
                  : by_alias       ? Term(Ref{by_alias})
                                   : Term(s->from);
    s->payload = Term::tuple({Term(atoms::EXIT), std::move(object), s->payload});
    s->kind = SignalKind::Message;
    s->linked = true;  // signal-born (see Signal::linked)
    s->prio = 2;  // the Urgent queue
    SpinGuard g(p->lock_);
    ergo_enqueue_locked(p, s);
    return true;
  }
  trace_delivery(*this, SignalType::Exit, s, SignalOutcome::Killed);  // E1.5: :normal too
  Term r = std::move(s->payload);
  delete s;
  die(p, std::move(r));
  return false;
}

bool RuntimeCore::try_match(Process* p) {
  Signal* prev = p->q_scanned_;
  Signal* s = prev ? static_cast<Signal*>(prev->next.load(std::memory_order_relaxed)) : p->q_head_;
  while (s) {
    if (p->receive_->match(p->receive_, s->payload)) {
      Signal* next = static_cast<Signal*>(s->next.load(std::memory_order_relaxed));
      {
        SpinGuard g(p->lock_);
        if (prev)
          prev->next.store(next, std::memory_order_relaxed);
        else
          p->q_head_ = next;
        if (p->q_tail_ == s) p->q_tail_ = prev;
        p->queue_len_.store(p->queue_len_.load(std::memory_order_relaxed) - 1, std::memory_order_relaxed);
      }
      p->q_scanned_ = nullptr;
      consume(p, s);
      return true;
    }
    prev = s;
    s = static_cast<Signal*>(s->next.load(std::memory_order_relaxed));
  }
  p->q_scanned_ = prev;
  return false;
}

void RuntimeCore::consume(Process* p, Signal* s) {
  uint32_t weight = 1;
  // A message a signal made (a DOWN, a trapped EXIT) is never sampled away: the picture counted
  // it into the mailbox when the signal was delivered (always traced), so its taking is exact too.
  if (tracing_on() && (s->kind == SignalKind::Down || s->linked || sample_message(true, &weight))) {
    TraceEvent ev;
    ev.kind = TraceKind::Receive;
    ev.a = p->pid();
    ev.b = s->from;
    ev.weight = weight;
    if (ergo()) ev.node2 = s->prio;
    ev.term = s->payload;
    emit(std::move(ev));
  }
  p->receive_->result.emplace(std::move(s->payload));
  delete s;
  --p->budget_;
  p->count_reduction();
}

bool RuntimeCore::take_direct(Process* p) {
  // The mailbox is empty and the inbox holds one signal: taking it when it is a message that
  // matches is what drain() then try_match() would do, without the mailbox. With more signals
  // behind it, drain() handles them all first (an exit signal behind it acts before the
  // message is handled, as it would on the BEAM).
  if (p->q_head_ || p->exiting_.load(std::memory_order_relaxed) || p->suspended_.load(std::memory_order_acquire)) return false;
  Signal* s = p->inbox_.front();
  if (!s || s->next.load(std::memory_order_acquire) || s->kind != SignalKind::Message || s->to.raw != p->pid().raw ||
      !p->receive_->match(p->receive_, s->payload))
    return false;
  if (p->inbox_.pop() != s) return false;  // its producer is mid-push: drain() takes it later
  consume(p, s);
  return true;
}

void RuntimeCore::go_idle_or_continue(Process* p, ProcessStatus st, bool& keep_running) {
  const SignalNode* last = p->inbox_.last_pushed();
  if (p->inbox_.maybe_nonempty()) {
    keep_running = true;
    return;
  }
  p->status_.store(static_cast<uint8_t>(st), std::memory_order_relaxed);
  p->sched_.store(kIdle, std::memory_order_seq_cst);
  keep_running = false;
  // From here another worker may run p: read only the inbox's atomic head. A push after `last`
  // either sees kIdle (and schedules p itself) or is seen here.
  if (p->inbox_.last_pushed() != last) {
    uint32_t e = kIdle;
    if (p->sched_.compare_exchange_strong(e, kActive, std::memory_order_seq_cst)) {
      p->status_.store(static_cast<uint8_t>(ProcessStatus::Running), std::memory_order_relaxed);
      keep_running = true;
    }
  }
}

bool RuntimeCore::ergo_park_mid_handler(Process* p) {
  // Suspended mid-handler: park without looking at the inbox (what waits there acts after the
  // handler). A send wakes it once (it parks again); a resume racing with this is seen below.
  p->status_.store(static_cast<uint8_t>(ProcessStatus::Suspended), std::memory_order_relaxed);
  p->sched_.store(kIdle, std::memory_order_seq_cst);
  uint32_t e = kIdle;
  if (!p->suspended_.load(std::memory_order_seq_cst) &&
      p->sched_.compare_exchange_strong(e, kActive, std::memory_order_seq_cst)) {
    p->status_.store(static_cast<uint8_t>(ProcessStatus::Running), std::memory_order_relaxed);
    return true;
  }
  return false;
}

void RuntimeCore::run(Process* p) {
  tls_current = p;
  p->status_.store(static_cast<uint8_t>(ProcessStatus::Running), std::memory_order_relaxed);
  p->budget_ = opts.reduction_budget;
  const bool ergo_mode = ergo();
  for (;;) {
    // E1.10: in Ergo mode a handler that gave way (yield) finishes before signals act on it.
    const bool mid_handler = ergo_mode && p->wait_ == Wait::Yielded;
    // The common case: a message it takes is first in its inbox and its mailbox is empty.
    if (!ergo_mode && p->wait_ == Wait::Receiving && take_direct(p)) {
      p->timed_out_ = false;
    } else {
      if (mid_handler ? p->exiting_.load(std::memory_order_relaxed) : !drain(p)) break;
      if (mid_handler && p->suspended_.load(std::memory_order_acquire)) [[unlikely]] {
        if (ergo_park_mid_handler(p)) continue;
        tls_current = nullptr;
        return;
      }
      if (p->suspended_.load(std::memory_order_acquire)) {
        bool keep = false;
        go_idle_or_continue(p, ProcessStatus::Suspended, keep);
        if (keep) continue;
        tls_current = nullptr;
        return;
      }
      if (p->wait_ == Wait::Receiving) {
        if (!try_match(p)) {
          if (p->timed_out_) {
            p->receive_->result.reset();
          } else if (p->budget_ <= 0) {
            requeue(p);
            tls_current = nullptr;
            return;
          } else {
            bool keep = false;
            go_idle_or_continue(p, ProcessStatus::Waiting, keep);
            if (keep) continue;
            tls_current = nullptr;
            return;
          }
        }
        p->timed_out_ = false;
      }
    }
    p->wait_ = Wait::Start;
    p->current_.resume();
    flush_staged();
    if (p->root_.done() || p->exiting_.load(std::memory_order_relaxed)) break;
    if (p->wait_ == Wait::Yielded) {
      if (!ergo_mode) p->wait_ = Wait::Start;
      requeue(p);
      tls_current = nullptr;
      return;
    }
    if (p->budget_ <= 0) {
      requeue(p);
      tls_current = nullptr;
      return;
    }
    // Receiving: loop to check for new signals, then block.
  }
  finish(p);
  tls_current = nullptr;
}

void RuntimeCore::finish(Process* p) {
  Term reason;
  if (p->exiting_.load(std::memory_order_relaxed)) {
    reason = p->exit_reason_;
  } else {
    auto h = std::coroutine_handle<detail::TaskPromise<void>>::from_address(p->root_.address());
    reason = Term(atoms::normal);
    if (auto ex = h.promise().exception) {
      try {
        std::rethrow_exception(ex);
      } catch (const ProcessExit& e) {
        reason = e.reason();
      } catch (const ErlangError& e) {
        reason = e.exit_reason();
      } catch (const std::exception& e) {
        reason = Term::tuple({Term::tuple({Term(atoms::cpp), Term::binary(e.what())}), Term::empty_list()});
      } catch (...) {
        reason = Term::tuple({Term::tuple({Term(atoms::cpp), Term(atoms::unknown)}), Term::empty_list()});
      }
    }
    p->exit_reason_ = reason;
    p->exiting_.store(true, std::memory_order_release);
  }
  p->status_.store(static_cast<uint8_t>(ProcessStatus::Exiting), std::memory_order_relaxed);
  // R1.10: no more code runs. Destroying the root frame destroys every awaited task below it.
  if (p->root_) {
    Process* saved = tls_current;
    tls_current = nullptr;
    p->root_.destroy();
    tls_current = saved;
    p->root_ = {};
    p->current_ = {};
  }
  Pid self = p->pid();
  // R2.6: the name goes before any signal leaves.
  Atom name;
  {
    SpinGuard g(p->lock_);
    name = p->name_;
  }
  if (name != atoms::nil) {
    {
      std::unique_lock g(names_m_);
      auto it = names_.find(uint64_t{p->node_.load(std::memory_order_relaxed)} << 32 | name.id);
      if (it != names_.end() && it->second == self) names_.erase(it);
    }
    {
      SpinGuard g(p->lock_);
      p->name_ = atoms::nil;
    }
    if (tracing_on()) {
      TraceEvent ev;
      ev.kind = TraceKind::Unregister;
      ev.a = self;
      ev.name = name;
      emit(std::move(ev));
    }
  }
  std::unique_ptr<Relations> rel;
  {
    SpinGuard g(p->lock_);
    rel = std::move(p->rel_);
  }
  trace(TraceKind::Exit, self, {}, reason);
  if (rel && ergo()) {  // one-way links and monitors on p fire (E1.1, E1.2); p's own go silently
    const uint16_t node = p->node_.load(std::memory_order_relaxed);
    if (aliases_made.load(std::memory_order_acquire)) {
      std::lock_guard g(aliases_m);
      auto [b, e] = alias_owners.equal_range(self.serial());
      for (auto it = b; it != e; ++it) aliases.erase(it->second);
      alias_owners.erase(b, e);
    }
    for (auto& m : rel->monitored_by) send_signal(ergo_fire(self, node, m, reason, false));
  } else if (rel) {
    for (Pid peer : rel->links) send_exit(self, peer, reason, true);  // R1.1
    for (auto& m : rel->monitored_by) {
      Term object = m.name == atoms::nil ? Term(self) : Term::tuple({Term(m.name), Term(node_name(p->node_.load(std::memory_order_relaxed)))});
      Term msg = Term::tuple({Term(atoms::DOWN), Term(m.ref), Term(atoms::process), object, reason});
      trace_signal_sent(SignalType::Down, self, m.watcher, reason, m.ref);
      Signal* s = make_signal(SignalKind::Down, self, m.watcher, std::move(msg));
      s->ref = m.ref;
      send_signal(s);
    }
  }
  if (node_links_made.load(std::memory_order_acquire)) {  // its node links go with it (they need no rel_)
    std::lock_guard g(nodes_m);
    std::erase_if(node_links, [&](const std::pair<Pid, uint16_t>& l) { return l.first == self; });
  }
  if (rel) {
    // R3.7 (and Ergo's one-way links, whose linker's end tells the target nothing): drop ours from
    // the targets, silently.
    for (auto& m : rel->monitors) {
      if (Process* t = lookup(m.target)) {
        SpinGuard g(t->lock_);
        if (t->rel_ && t->pid_.load(std::memory_order_relaxed) == m.target.raw) {
          t->rel_->monitored_by.erase_key(m.ref.id);
        }
      }
    }
  }
  // The slot becomes free: no new signal reaches this incarnation.
  {
    SpinGuard g(p->lock_);
    p->pid_.store(0, std::memory_order_release);
    for (Signal* s = p->q_head_; s;) {
      Signal* n = static_cast<Signal*>(s->next.load(std::memory_order_relaxed));
      delete s;
      s = n;
    }
    p->q_head_ = p->q_tail_ = p->q_scanned_ = nullptr;
    p->queue_len_.store(0, std::memory_order_relaxed);
    p->exit_reason_ = Term();
  }
  while (Signal* s = p->inbox_.pop()) {
    trace_dropped_dead(*this, s);
    delete s;
  }
  p->sched_.store(kDead, std::memory_order_seq_cst);
  release_slot(p);
}

// ---- relations ---------------------------------------------------------------------------------------

RuntimeCore::LinkResult RuntimeCore::link(Process* self, Pid other) {
  flush_staged();  // what this process sent before acts first (R4.1)
  Process* t = lookup(other);
  Pid me = self->pid();
  if (t == self) return LinkResult::Linked;  // R2.2
  if (!t) return LinkResult::NoProc;
  {
    SpinGuard g(t->lock_);
    // Still the process `other` named (its slot may have been reused since the lookup)?
    const uint64_t now_raw = t->pid_.load(std::memory_order_relaxed);
    if (now_raw == 0 || Pid{now_raw} != other || t->exiting_.load(std::memory_order_acquire))
      return LinkResult::NoProc;
    if (!t->rel_) t->rel_ = std::make_unique<Relations>();
    auto& l = t->rel_->links;
    if (!l.contains(me.serial())) l.push_back(me);
  }
  other = t->pid();
  bool added = false;
  {
    SpinGuard g(self->lock_);
    if (!self->rel_) self->rel_ = std::make_unique<Relations>();
    auto& l = self->rel_->links;
    if (!l.contains(other.serial())) {
      l.push_back(other);
      added = true;
    }
  }
  if (added) trace(TraceKind::Link, me, other);
  return LinkResult::Linked;
}

void RuntimeCore::unlink(Process* self, Pid other) {
  flush_staged();  // what this process sent before acts first (R4.1)
  Pid me = self->pid();
  bool removed = false;
  {
    SpinGuard g(self->lock_);
    if (self->rel_ && self->rel_->links.erase_key(other.serial())) removed = true;
  }
  if (Process* t = lookup(other)) {
    SpinGuard g(t->lock_);
    if (t->rel_ && t->pid_.load(std::memory_order_relaxed) != 0) t->rel_->links.erase_key(me.serial());
  }
  if (removed) trace(TraceKind::Unlink, me, other);
}

bool RuntimeCore::monitor(Pid watcher, Pid target, Ref ref, Atom name) {
  flush_staged();  // what this process sent before acts first (R4.1)
  Process* t = lookup(target);
  if (!t) return false;
  {
    SpinGuard g(t->lock_);
    if (t->pid_.load(std::memory_order_relaxed) == 0 || t->exiting_.load(std::memory_order_acquire)) return false;
    if (!t->rel_) t->rel_ = std::make_unique<Relations>();
    t->rel_->monitored_by.push_back({ref, watcher, name});
  }
  return true;
}

bool RuntimeCore::demonitor(Process* w, Ref ref) {
  flush_staged();  // what this process sent before acts first (R4.1)
  Pid target;
  {
    SpinGuard g(w->lock_);
    if (!w->rel_) return false;
    MonitorOut out;
    if (!w->rel_->monitors.erase_key(ref.id, &out)) return false;
    target = out.target;
  }
  if (Process* t = lookup(target)) {
    SpinGuard g(t->lock_);
    if (t->rel_) t->rel_->monitored_by.erase_key(ref.id);
  }
  if (tracing_on()) {
    TraceEvent ev;
    ev.kind = TraceKind::Demonitor;
    ev.a = w->pid();
    ev.b = target;
    ev.ref = ref;
    emit(std::move(ev));
  }
  return true;
}

void RuntimeCore::send_down_noproc(Process* watcher, Ref ref, Term object, Atom reason, int far_node) {
  Term msg = Term::tuple({Term(atoms::DOWN), Term(ref), Term(atoms::process), object, Term(reason)});
  Signal* s = make_signal(SignalKind::Down, object.is_pid() ? object.as_pid() : Pid{}, watcher->pid(), std::move(msg));
  s->ref = ref;
  s->local = true;  // made here for the watcher: no connection to cross (the target's node may be gone)
  // On the trace as any DOWN (a is none for a name that is not registered).
  trace_signal_sent(SignalType::Down, s->from, watcher->pid(), Term(reason), ref, false, far_node);
  // R3.5: like any DOWN, this one is dropped if the watcher demonitors before it arrives. Until then
  // the monitor is held with no target (Process.info does not list it, as on the BEAM).
  {
    SpinGuard g(watcher->lock_);
    if (!watcher->rel_) watcher->rel_ = std::make_unique<Relations>();
    watcher->rel_->monitors.push_back({ref, Pid{}, object.is_tuple() ? object.element(0).as_atom() : atoms::nil});
  }
  send_signal(s);
}

// ---- names -----------------------------------------------------------------------------------------

void RuntimeCore::register_name(Pid pid, Atom name) {
  flush_staged();  // what this process sent before acts first (R4.1)
  if (name == atoms::nil || name == atoms::undefined) throw ErlangError(Term(atoms::badarg));
  Process* p = lookup(pid);
  if (!p) throw ErlangError(Term(atoms::badarg));
  {
    const uint64_t key = uint64_t{p->node_.load(std::memory_order_relaxed)} << 32 | name.id;
    std::unique_lock g(names_m_);
    if (names_.count(key)) throw ErlangError(Term(atoms::badarg));
    SpinGuard pg(p->lock_);
    if (p->pid_.load(std::memory_order_relaxed) == 0 || p->exiting_.load(std::memory_order_acquire) ||
        p->name_ != atoms::nil)
      throw ErlangError(Term(atoms::badarg));
    p->name_ = name;
    names_.emplace(key, p->pid());
  }
  if (tracing_on()) {
    TraceEvent ev;
    ev.kind = TraceKind::Register;
    ev.a = p->pid();
    ev.name = name;
    emit(std::move(ev));
  }
}

void RuntimeCore::unregister(Atom name, uint16_t node) {
  flush_staged();  // what this process sent before acts first (R4.1)
  Pid pid;
  {
    std::unique_lock g(names_m_);
    auto it = names_.find(uint64_t{node} << 32 | name.id);
    if (it == names_.end()) throw ErlangError(Term(atoms::badarg));
    pid = it->second;
    names_.erase(it);
    if (Process* p = lookup(pid)) {
      SpinGuard pg(p->lock_);
      if (p->name_ == name) p->name_ = atoms::nil;
    }
  }
  if (tracing_on()) {
    TraceEvent ev;
    ev.kind = TraceKind::Unregister;
    ev.a = pid;
    ev.name = name;
    emit(std::move(ev));
  }
  if (ergo()) ergo_fire_unregistered(pid, node, name, 0);
}

Pid RuntimeCore::whereis(Atom name, uint16_t node) const {
  std::shared_lock g(names_m_);
  auto it = names_.find(uint64_t{node} << 32 | name.id);
  return it == names_.end() ? Pid{} : it->second;
}

std::vector<Atom> RuntimeCore::registered(uint16_t node) const {
  std::shared_lock g(names_m_);
  std::vector<Atom> out;
  for (auto& [k, v] : names_)
    if (k >> 32 == node) out.push_back(Atom{static_cast<uint32_t>(k)});
  std::sort(out.begin(), out.end(), [](Atom a, Atom b) { return atom_name(a) < atom_name(b); });
  return out;
}

}  // namespace actorscope::detail
