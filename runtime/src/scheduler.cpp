// Scheduling: worker threads with a private `next` slot and a stealable queue each, a global
// queue for work from outside, sleeping on a futex when idle; the deterministic single-thread
// mode; the timer thread for delayed signals and receive timeouts; trace rings.

#include "core.hpp"

#include <algorithm>

namespace actorscope::detail {

namespace {
thread_local Worker* tls_worker = nullptr;
constexpr unsigned kMaxNextChain = 64;
constexpr unsigned kGlobalEvery = 61;  // find_work calls between forced looks at the global queue
thread_local unsigned tls_find_ticks = 0;
constexpr int kSpinRounds = 64;
// A worker whose queue stays non-empty for this many picks in a row wakes an idle one (the BEAM's
// "wakeup other" check: short bursts stay on the worker that woke them, in FIFO order).
constexpr unsigned kWakeAfterPicks = 8;
constexpr size_t kWakeBacklog = 16;  // a queue this long wakes an idle worker at once
constexpr int64_t kStealAfterNs = 1'000'000;  // a shorter queue is stolen from once it waited this long
}  // namespace

namespace {
/// Appends to a worker's queue (caller holds w.m); stamps when the queue stopped being empty.
size_t push_local(Worker& w, Process* p) {
  if (w.q.empty()) w.q_since.store(steady_ns(), std::memory_order_relaxed);
  w.q.push_back(p);
  w.q_size.store(w.q.size(), std::memory_order_relaxed);
  return w.q.size();
}
}  // namespace

void RuntimeCore::schedule(Process* p) {
  p->status_.store(static_cast<uint8_t>(ProcessStatus::Runnable), std::memory_order_relaxed);
  if (opts.deterministic) {
    runnable.push_back(p);
    return;
  }
  Worker* w = tls_worker;
  if (w && w->core == this) {
    // First in, first out, as the BEAM's run queues: the `next` slot (no lock) holds a woken
    // process only while nothing else waits here, so it is always the oldest.
    if (!w->next && w->q_size.load(std::memory_order_relaxed) == 0) {
      w->next = p;
      return;
    }
    size_t n;
    {
      std::lock_guard g(w->m);
      n = push_local(*w, p);
    }
    // Another worker is woken only for a burst; a short backlog is left to this one (or to the
    // backlog check in worker_loop), so processes woken together run in the order they woke.
    if (n >= kWakeBacklog) wake_one();
    return;
  }
  {
    std::lock_guard g(global_m);
    global_q.push_back(p);
    global_size.store(global_q.size(), std::memory_order_relaxed);
  }
  wake_one();
}

void RuntimeCore::requeue(Process* p) {
  p->status_.store(static_cast<uint8_t>(ProcessStatus::Runnable), std::memory_order_relaxed);
  if (opts.deterministic) {
    runnable.push_back(p);
    return;
  }
  Worker* w = tls_worker;
  if (w && w->core == this) {
    std::lock_guard g(w->m);
    push_local(*w, p);
    return;  // this worker is awake and takes it; worker_loop's backlog check shares the load
  }
  {
    std::lock_guard g(global_m);
    global_q.push_back(p);
    global_size.store(global_q.size(), std::memory_order_relaxed);
  }
  wake_one();
}

void RuntimeCore::preempt_point(Process* self, Pid last_to) {
  flush_staged();
  static thread_local bool inline_run = false;
  Worker* w = tls_worker;
  const bool mine = w && w->core == this && !inline_run;
  if (mine && w->next && w->q_size.load(std::memory_order_relaxed) == 0 &&
      sleepers.load(std::memory_order_relaxed) > 0 && has_backlog(w->next)) {
    // A busy worker whose only waiting process is the one it woke, with more than one signal to
    // handle (a producer and its consumer), and an idle worker: hand it over (the BEAM's "wakeup
    // other") so the two run in parallel. A process woken by one signal (a request, a reply)
    // stays: a pair that answers each other runs fastest on one thread, and apart each signal
    // would cross between cores.
    {
      std::lock_guard g(w->m);
      push_local(*w, std::exchange(w->next, nullptr));
    }
    w->q_since.store(0, std::memory_order_relaxed);  // handed over: stealable at once
    wake_one();
  } else if (mine && !paused.load(std::memory_order_relaxed) && !stopping.load(std::memory_order_relaxed)) {
    // `self` cannot yield here (it is not at a receive), so the process waiting longest on this
    // thread (the one it woke, else the front of the queue: a consumer that used up its own budget
    // and was requeued) runs now, nested, as if `self` had been preempted: its mailbox stays short.
    Process* p = std::exchange(w->next, nullptr);
    if (!p && w->q_size.load(std::memory_order_relaxed) > 0) {
      std::lock_guard g(w->m);
      if (!w->q.empty()) {
        p = w->q.front();
        w->q.pop_front();
        w->q_size.store(w->q.size(), std::memory_order_relaxed);
      }
    }
    if (p) {
      inline_run = true;
      run(p);
      inline_run = false;
      tls_current = self;
    } else if (last_to.valid()) {
      wait_for_consumer(self, last_to);
    }
  }
  // The slice starts over only when nobody else waits for this thread; otherwise the budget stays
  // spent and `self` gives way at its next receive or yield. Without this a process that sends on
  // every turn would never leave the thread: the others starve, pause and shutdown never happen.
  bool others = opts.deterministic
                    ? !runnable.empty()
                    : (w && w->q_size.load(std::memory_order_relaxed) > 0) ||
                          global_size.load(std::memory_order_relaxed) > 0 ||
                          paused.load(std::memory_order_relaxed) || stopping.load(std::memory_order_relaxed);
  if (!others) self->budget_ = opts.reduction_budget;
}

void RuntimeCore::wait_for_consumer(Process* self, Pid to) {
  Process* t = lookup(to);
  if (!t || t == self) return;
  auto backlog = [t] { return t->queue_len_.load(std::memory_order_relaxed); };
  auto running = [t] {
    return t->status_.load(std::memory_order_relaxed) == static_cast<uint8_t>(ProcessStatus::Running);
  };
  uint32_t len = backlog();
  if (len <= kBackpressureFrom || !running()) return;
  // The receiver runs on another worker and falls behind: the sender waits (bounded) until it has
  // caught up, as the BEAM charges a sender for a long receiver queue. The messages in flight, and
  // the memory they hold, stay bounded; the pools recycle blocks instead of going to malloc.
  // It stops waiting when the receiver stops running (blocked, requeued, ended: its slot may be
  // reused, which only ends the wait early) or makes no progress for a while (a selective receive
  // that leaves the backlog alone, a long handler).
  int64_t start = steady_ns(), progress_at = start;
  for (unsigned i = 1;; ++i) {
    SpinGuard::cpu_relax();
    if (i % 32) continue;
    uint32_t now_len = backlog();
    if (now_len <= kBackpressureFrom / 4 || !running() || stopping.load(std::memory_order_relaxed)) return;
    int64_t t_ns = steady_ns();
    if (now_len < len) {
      len = now_len;
      progress_at = t_ns;
    }
    if (t_ns - progress_at > kBackpressureStallNs || t_ns - start > kBackpressureMaxNs) return;
  }
}

bool RuntimeCore::has_backlog(const Process* p) const noexcept {
  if (p->q_head_) return true;
  const detail::Signal* first = p->inbox_.front();
  return first && first->next.load(std::memory_order_acquire) != nullptr;
}

bool RuntimeCore::queued_in_my_next(const Process* p) const noexcept {
  const Worker* w = tls_worker;
  return w && w->core == this && w->next == p;
}

void RuntimeCore::wake_one() {
  // Dekker with worker_loop's sleep check (sleepers++, then look for work): the work this thread
  // just queued (plain and relaxed stores) must be visible before it reads `sleepers`, or both
  // sides miss each other and the work waits with every worker asleep. A seq_cst load alone does
  // not order an earlier store (x86 store buffers), so a full fence.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (sleepers.load(std::memory_order_seq_cst) > 0) {
    wake_epoch.fetch_add(1, std::memory_order_seq_cst);
    wake_epoch.notify_one();
  }
}

Process* RuntimeCore::find_work(Worker& w) {
  // Fairness: now and then the global queue (spawns and sends from outside, timers, latency) goes
  // first, or a worker kept busy by its own processes (a self-feeding process, a ping-pong pair in
  // the `next` slot) would starve it.
  if (++tls_find_ticks % kGlobalEvery == 0 && global_size.load(std::memory_order_relaxed)) {
    std::lock_guard g(global_m);
    if (!global_q.empty()) {
      Process* p = global_q.front();
      global_q.pop_front();
      global_size.store(global_q.size(), std::memory_order_relaxed);
      return p;
    }
  }
  if (w.next) {
    if (++w.next_chain <= kMaxNextChain || w.q_size.load(std::memory_order_relaxed) == 0) {
      return std::exchange(w.next, nullptr);
    }
    // Fairness: the `next` chain has run long enough; let the queue go first.
    std::lock_guard g(w.m);
    w.q.push_back(std::exchange(w.next, nullptr));
    w.q_size.store(w.q.size(), std::memory_order_relaxed);
  }
  w.next_chain = 0;
  if (w.q_size.load(std::memory_order_relaxed)) {
    std::lock_guard g(w.m);
    if (!w.q.empty()) {
      Process* p = w.q.front();
      w.q.pop_front();
      w.q_size.store(w.q.size(), std::memory_order_relaxed);
      return p;
    }
  }
  if (global_size.load(std::memory_order_relaxed)) {
    std::lock_guard g(global_m);
    if (!global_q.empty()) {
      Process* p = global_q.front();
      global_q.pop_front();
      // Take a share of the rest so the others are not all served one by one through the lock.
      size_t take = std::min<size_t>(global_q.size() / workers.size(), 32);
      if (take) {
        std::lock_guard g2(w.m);
        for (size_t i = 0; i < take; ++i) {
          w.q.push_back(global_q.front());
          global_q.pop_front();
        }
        w.q_size.store(w.q.size(), std::memory_order_relaxed);
      }
      global_size.store(global_q.size(), std::memory_order_relaxed);
      return p;
    }
  }
  // Steal half of another worker's queue.
  for (size_t k = 1; k < workers.size(); ++k) {
    Worker& v = *workers[(w.index + k) % workers.size()];
    size_t waiting = v.q_size.load(std::memory_order_relaxed);
    if (!waiting) continue;
    // A short queue that has waited only briefly is left to its worker, which will run it in
    // order soon: stealing it would run later arrivals before earlier ones.
    if (waiting < kWakeBacklog && steady_ns() - v.q_since.load(std::memory_order_relaxed) < kStealAfterNs) continue;
    std::vector<Process*> got;
    {
      std::lock_guard g(v.m);
      size_t n = (v.q.size() + 1) / 2;  // the older half, which has waited longest
      for (size_t i = 0; i < n; ++i) {
        got.push_back(v.q.front());
        v.q.pop_front();
      }
      v.q_size.store(v.q.size(), std::memory_order_relaxed);
    }
    if (got.empty()) continue;
    if (got.size() > 1) {
      std::lock_guard g(w.m);
      for (size_t i = 1; i < got.size(); ++i) w.q.push_back(got[i]);
      w.q_size.store(w.q.size(), std::memory_order_relaxed);
    }
    return got.front();
  }
  return nullptr;
}

void RuntimeCore::worker_loop(Worker& w) {
  tls_worker = &w;
  while (!stopping.load(std::memory_order_acquire)) {
    if (paused.load(std::memory_order_acquire)) {
      std::unique_lock g(pause_m);
      pause_cv.wait(g, [&] { return !paused.load() || stopping.load(); });
      continue;
    }
    Process* p = find_work(w);
    if (p) {
      if (w.q_size.load(std::memory_order_relaxed) == 0) {
        w.backlog_picks = 0;
      } else if (++w.backlog_picks >= kWakeAfterPicks) {
        w.backlog_picks = 0;
        wake_one();
      }
      run(p);
      continue;
    }
    for (int i = 0; i < kSpinRounds && !p; ++i) {
      SpinGuard::cpu_relax();
      if (w.next || global_size.load(std::memory_order_relaxed)) break;
    }
    uint32_t epoch = wake_epoch.load(std::memory_order_seq_cst);
    sleepers.fetch_add(1, std::memory_order_seq_cst);
    bool any = w.next || global_size.load(std::memory_order_seq_cst) > 0;
    for (auto& o : workers) any = any || o->q_size.load(std::memory_order_seq_cst) > 0;
    if (!any && !stopping.load()) wake_epoch.wait(epoch, std::memory_order_seq_cst);
    sleepers.fetch_sub(1, std::memory_order_seq_cst);
  }
  // Processes still queued here are destroyed by shutdown().
  tls_worker = nullptr;
}

// ---- deterministic mode -------------------------------------------------------------------------

void RuntimeCore::run_ready() {
  while (!runnable.empty()) {
    Process* p = runnable.front();
    runnable.pop_front();
    run(p);
  }
}

bool RuntimeCore::step() {
  run_ready();
  if (pending.empty()) return false;
  TimedSignal t = pending.top();
  pending.pop();
  if (t.due > vnow) vnow = t.due;
  deliver_now(t.sig);
  run_ready();
  return true;
}

// ---- timers (threaded mode) ---------------------------------------------------------------------

void RuntimeCore::add_timed(int64_t due, Signal* s) {
  bool earliest;
  {
    std::lock_guard g(timer_m);
    earliest = timers.empty() || due < timers.top().due;
    timers.push({due, trace_seq.fetch_add(1, std::memory_order_relaxed), s, now()});
  }
  if (earliest) timer_cv.notify_one();
}

void RuntimeCore::timer_loop() {
  std::unique_lock g(timer_m);
  while (!stopping.load()) {
    if (timers.empty()) {
      timer_cv.wait(g);
      continue;
    }
    int64_t due = timers.top().due;
    int64_t t = now();
    if (due > t) {
      timer_cv.wait_for(g, std::chrono::nanoseconds(due - t));
      continue;
    }
    std::vector<Signal*> ready;
    while (!timers.empty() && timers.top().due <= t) {
      ready.push_back(timers.top().sig);
      timers.pop();
    }
    g.unlock();
    for (Signal* s : ready) {
      bool delayed = s->kind != SignalKind::Timeout;
      deliver_now(s);
      if (delayed) delayed_in_flight.fetch_sub(1, std::memory_order_acq_rel);
    }
    g.lock();
  }
}

// ---- trace rings ---------------------------------------------------------------------------------

namespace {
struct RingCache {
  uint64_t uid = 0;
  TraceRing* ring = nullptr;
};
thread_local RingCache tls_ring;
}  // namespace

TraceRing& RuntimeCore::ring_for_this_thread() {
  if (tls_ring.uid == uid) return *tls_ring.ring;
  std::lock_guard g(rings_m);
  rings.push_back(std::make_unique<TraceRing>(opts.trace_buffer_events));
  tls_ring = {uid, rings.back().get()};
  return *tls_ring.ring;
}

void RuntimeCore::emit(TraceEvent&& ev) {
  TraceRing& r = ring_for_this_thread();
  uint64_t h = r.head.load(std::memory_order_relaxed);
  if (h - r.tail.load(std::memory_order_acquire) >= r.buf.size()) {  // full: count, touch nothing else
    dropped.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  ev.seq = trace_seq.fetch_add(1, std::memory_order_relaxed);
  ev.time_ns = now();
  r.buf[h & r.mask] = std::move(ev);
  r.head.store(h + 1, std::memory_order_release);
}

}  // namespace actorscope::detail
