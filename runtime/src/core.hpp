#pragma once
// RuntimeCore: the runtime's machinery behind the Runtime facade. Private to runtime/src.

#include "actorscope/ergo.hpp"
#include "actorscope/runtime.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <queue>
#include <shared_mutex>
#include <thread>
#include <unordered_map>

namespace actorscope::detail {

/// A tiny spin lock for short critical sections (never held across calls into process code).
class SpinGuard {
 public:
  explicit SpinGuard(std::atomic<bool>& l) noexcept : l_(l) {
    while (l_.exchange(true, std::memory_order_acquire)) {
      while (l_.load(std::memory_order_relaxed)) cpu_relax();
    }
  }
  ~SpinGuard() { l_.store(false, std::memory_order_release); }
  SpinGuard(const SpinGuard&) = delete;
  SpinGuard& operator=(const SpinGuard&) = delete;
  static void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
  }

 private:
  std::atomic<bool>& l_;
};

struct MonitorOut {  // a monitor this process holds (Ergo mode: or a one-way link, E1.1)
  Ref ref;
  Pid target;
  Atom name;  // nil unless by name
  bool link = false;
  uint64_t alias = 0;  // Ergo mode: by alias (its id)
};
struct MonitorIn {  // a monitor on this process (Ergo mode: or a one-way link to it)
  Ref ref;
  Pid watcher;
  Atom name;
  bool link = false;
  uint64_t alias = 0;
};
/// Open-addressing map from a 64-bit key (never ~0) to a 32-bit position: linear probing,
/// backward-shift deletion (no tombstones). One allocation for the whole table, none per entry.
class FlatIndex {
 public:
  explicit FlatIndex(size_t expected) {
    size_t cap = 16;
    while (cap * 3 < expected * 4 + 4) cap *= 2;
    alloc(cap);
  }
  size_t size() const noexcept { return size_; }
  /// Inserts or overwrites.
  void put(uint64_t key, uint32_t val) {
    if ((size_ + 1) * 4 > cap() * 3) grow();
    size_t i = home(key);
    while (slots_[i].key != kEmpty && slots_[i].key != key) i = (i + 1) & mask_;
    if (slots_[i].key == kEmpty) ++size_;
    slots_[i] = {key, val};
  }
  long find(uint64_t key) const noexcept {
    for (size_t i = home(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return static_cast<long>(slots_[i].val);
      if (slots_[i].key == kEmpty) return -1;
    }
  }
  void erase(uint64_t key) noexcept {
    size_t i = home(key);
    while (slots_[i].key != key) {
      if (slots_[i].key == kEmpty) return;
      i = (i + 1) & mask_;
    }
    // Backward shift: move later entries of the probe run into the hole when their home allows.
    for (size_t j = (i + 1) & mask_; slots_[j].key != kEmpty; j = (j + 1) & mask_) {
      size_t h = home(slots_[j].key);
      // j's entry may fill hole i when i lies cyclically in [h, j).
      if (((j - h) & mask_) >= ((j - i) & mask_)) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i].key = kEmpty;
    --size_;
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  struct Slot {
    uint64_t key;
    uint32_t val;
  };
  size_t cap() const noexcept { return mask_ + 1; }
  // Runs of consecutive keys (refs and pid serials come from counters) share cache lines: eight
  // keys per block; the block number is scattered by Fibonacci hashing, so strided keys spread.
  size_t home(uint64_t key) const noexcept {
    return static_cast<size_t>(((key >> 3) * 0x9E3779B97F4A7C15ull) >> shift_) << 3 | (key & 7);
  }
  void alloc(size_t cap) {
    slots_ = std::make_unique<Slot[]>(cap);
    for (size_t i = 0; i < cap; ++i) slots_[i].key = kEmpty;
    mask_ = cap - 1;
    shift_ = 64 - (static_cast<unsigned>(__builtin_ctzll(cap)) - 3);  // cap / 8 blocks
  }
  void grow() {
    std::unique_ptr<Slot[]> old = std::move(slots_);
    size_t n = cap();
    alloc(n * 2);
    size_ = 0;
    for (size_t i = 0; i < n; ++i)
      if (old[i].key != kEmpty) put(old[i].key, old[i].val);
  }
  std::unique_ptr<Slot[]> slots_;
  size_t mask_ = 0;
  unsigned shift_ = 64;
  size_t size_ = 0;
};

/// A std::allocator that takes blocks up to 1 KiB from the frame pool (no malloc for the few
/// links and monitors most processes hold).
template <class T>
struct PoolAlloc {
  using value_type = T;
  PoolAlloc() = default;
  template <class U>
  PoolAlloc(const PoolAlloc<U>&) noexcept {}
  T* allocate(size_t n) { return static_cast<T*>(frame_alloc(n * sizeof(T))); }
  void deallocate(T* p, size_t n) noexcept { frame_free(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const PoolAlloc<U>&) const noexcept { return true; }
};

/// A vector with O(1) lookup and removal by key once it grows past a few entries (a supervisor's
/// links, a watcher of a million monitors). Removal does not keep order.
template <class T, uint64_t (*KeyOf)(const T&)>
class KeyedVec {
 public:
  auto begin() const { return v_.begin(); }
  auto end() const { return v_.end(); }
  size_t size() const { return v_.size(); }
  bool empty() const { return v_.empty(); }
  std::vector<T> items() const { return {v_.begin(), v_.end()}; }
  void push_back(T x) {
    if (idx_) idx_->put(KeyOf(x), static_cast<uint32_t>(v_.size()));
    v_.push_back(std::move(x));
    if (!idx_ && v_.size() > kIndexFrom) {
      idx_ = std::make_unique<FlatIndex>(v_.size() * 2);
      for (uint32_t i = 0; i < v_.size(); ++i) idx_->put(KeyOf(v_[i]), i);
    }
  }
  const T* find(uint64_t key) const {
    long i = index_of(key);
    return i < 0 ? nullptr : &v_[static_cast<size_t>(i)];
  }
  bool contains(uint64_t key) const { return index_of(key) >= 0; }
  /// Removes the entry with `key`; copies it to *out first when out is given.
  bool erase_key(uint64_t key, T* out = nullptr) {
    long i = index_of(key);
    if (i < 0) return false;
    size_t at = static_cast<size_t>(i);
    if (out) *out = v_[at];
    if (idx_) idx_->erase(key);
    if (at + 1 != v_.size()) {
      v_[at] = std::move(v_.back());
      if (idx_) idx_->put(KeyOf(v_[at]), static_cast<uint32_t>(at));
    }
    v_.pop_back();
    if (v_.empty() && idx_) {  // a watcher that held a million monitors gives the memory back
      idx_.reset();
      std::vector<T, PoolAlloc<T>>().swap(v_);
    }
    return true;
  }

 private:
  static constexpr size_t kIndexFrom = 16;
  long index_of(uint64_t key) const {
    if (idx_) return idx_->find(key);
    for (size_t i = 0; i < v_.size(); ++i)
      if (KeyOf(v_[i]) == key) return static_cast<long>(i);
    return -1;
  }
  std::vector<T, PoolAlloc<T>> v_;
  std::unique_ptr<FlatIndex> idx_;
};

inline uint64_t pid_key(const Pid& p) { return p.serial(); }
inline uint64_t monitor_out_key(const MonitorOut& m) { return m.ref.id; }
inline uint64_t monitor_in_key(const MonitorIn& m) { return m.ref.id; }

struct Relations {
  KeyedVec<Pid, pid_key> links;
  KeyedVec<MonitorOut, monitor_out_key> monitors;
  KeyedVec<MonitorIn, monitor_in_key> monitored_by;
  std::vector<std::pair<Term, Term>> dictionary;
  InitialCall initial_call;  // here, not in Process: most processes have the default

  static void* operator new(size_t n) { return frame_alloc(n); }
  static void operator delete(void* p, size_t n) noexcept { frame_free(p, n); }
};

// Everything info() reports, read under the process's lock in one go.
struct InfoData {
  Pid pid;
  Pid parent;
  Pid group_leader;
  ProcessStatus status;
  bool trap_exit;
  bool suspended;
  uint32_t queue_len;
  Atom name;
  InitialCall initial_call;
  uint64_t reductions;
  uint64_t memory;
  std::vector<Term> messages;
  std::vector<Pid> links;
  std::vector<Pid> one_way_links;  // Ergo mode: the targets of the one-way links it holds
  std::vector<MonitorOut> one_way_named;  // Ergo mode: those of them made by name
  uint32_t queue_urgent = 0, queue_system = 0;  // Ergo mode: of queue_len
  std::vector<MonitorOut> monitors;
  std::vector<MonitorIn> monitored_by;
  std::vector<std::pair<Term, Term>> dictionary;  // info() only
};

/// Time-ordered signals waiting for delivery: delayed signals and receive timeouts.
struct TimedSignal {
  int64_t due;
  uint64_t seq;
  Signal* sig;
  int64_t sent = 0;
  bool operator>(const TimedSignal& o) const { return due != o.due ? due > o.due : seq > o.seq; }
};
using TimedQueue = std::priority_queue<TimedSignal, std::vector<TimedSignal>, std::greater<TimedSignal>>;

/// Single-producer single-consumer ring of trace events (one per producing thread).
struct TraceRing {
  explicit TraceRing(uint32_t cap) : buf(cap), mask(cap - 1) {}
  std::vector<TraceEvent> buf;
  uint64_t mask;
  std::atomic<uint64_t> head{0};  // written by the producer
  std::atomic<uint64_t> tail{0};  // written by the consumer
};

/// The steady clock in ns (threaded mode's time base).
inline int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Worker {
  RuntimeCore* core = nullptr;
  unsigned index = 0;
  Process* next = nullptr;   // a woken process that runs next (set only while q is empty), not stealable
  unsigned next_chain = 0;   // consecutive runs taken from `next`
  unsigned backlog_picks = 0;  // consecutive picks that left work queued here
  std::mutex m;              // guards q
  std::deque<Process*> q;
  std::atomic<size_t> q_size{0};
  std::atomic<int64_t> q_since{0};  // steady_ns() when q last stopped being empty
  std::thread thread;
};

class RuntimeCore {
 public:
  static constexpr uint32_t kIdle = 0;    // not queued, not running (waiting, suspended)
  static constexpr uint32_t kActive = 1;  // queued or running
  static constexpr uint32_t kDead = 2;    // slot holds no live process
  static constexpr uint32_t kChunkBits = 10;
  static constexpr uint32_t kChunkSize = 1u << kChunkBits;
  static constexpr uint32_t kUnresolvedSlot = 0xFFFFFFFFu;

  explicit RuntimeCore(Runtime& facade, RuntimeOptions opts);
  ~RuntimeCore();
  void shutdown();

  Runtime& facade;
  RuntimeOptions opts;
  const uint64_t uid;  // distinguishes runtimes in thread-local caches

  // ---- process table ----
  Process* allocate();
  void release_slot(Process* p) noexcept;
  /// The process `pid` names, if it is alive (not yet fully ended); else nullptr. Resolves pids
  /// parsed from text (slot unknown) by serial.
  Process* lookup(Pid pid) const noexcept;
  /// A SignalSent event (when tracing). far_node >= 0: made because a connection was lost (R9.3,
  /// R9.4), far_node being the node on the other side.
  void trace_signal_sent(SignalType type, Pid from, Pid to, const Term& reason, Ref ref = {}, bool linked = false,
                         int far_node = -1);
  /// The :noconnection EXIT of a link to `other` that cannot be made or was lost, made on self's node.
  void fire_noconnection_link(Pid self, Pid other, uint16_t far_node);
  /// A spawn on a node `parent` cannot reach: a dead pid, with the link's EXIT / the monitor's DOWN.
  Pid spawn_unreachable(Process* parent, uint16_t node, const SpawnOptions& o, Ref* mref_out);
  Pid fresh_dead_pid() noexcept { return Pid::make(Pid::kUnresolvedSlot, next_serial_.fetch_add(1)); }
  Process* slot_ptr(uint32_t slot) const noexcept {
    return &chunks_[slot >> kChunkBits].load(std::memory_order_acquire)[slot & (kChunkSize - 1)];
  }
  uint32_t high_water() const noexcept { return high_water_.load(std::memory_order_acquire); }
  std::atomic<uint32_t> live{0};

  Pid start(Process* parent, Process* child, Task<> body, const SpawnOptions& opts, Ref* mref);

  // ---- signals ----
  Signal* make_signal(SignalKind k, Pid from, Pid to, Term payload) {
    auto* s = new Signal(k, from, to, std::move(payload));
    if (ergo()) {
      s->prio = 0;
      s->object = 0;
    }
    return s;
  }
  /// Routes a signal: delay queue, pending queue (deterministic) or straight to the inbox.
  void send_signal(Signal* s);
  /// Delivers the messages this thread's process staged (send_signal): any thread, before it
  /// does anything a receiver could see after them.
  void flush_staged();
  /// Pushes into the target's inbox now and schedules it if it was idle.
  void deliver_now(Signal* s);
  /// After a push into p's inbox: schedules p when it was idle (the push and this read are
  /// seq_cst: go_idle_or_continue's Dekker pair).
  void wake(Process* p) {
    if (p->sched_.load(std::memory_order_seq_cst) == kIdle) {
      uint32_t e = kIdle;
      if (p->sched_.compare_exchange_strong(e, kActive, std::memory_order_seq_cst)) schedule(p);
    }
  }
  void send_message(Pid from, Pid to, Term msg, uint8_t prio = 0);
  void send_exit(Pid from, Pid to, Term reason, bool linked);
  Ref make_ref() noexcept { return Ref{next_ref_.fetch_add(1, std::memory_order_relaxed)}; }

  // ---- per-process work (on the thread running p) ----
  void run(Process* p);
  /// Handles every signal in p's inbox. Returns false when p is now exiting.
  bool drain(Process* p);
  bool try_match(Process* p);
  /// A process waiting in receive with an empty mailbox and one signal in its inbox, a message
  /// it takes: taken straight from the inbox (no mailbox, no lock). Owner thread only.
  bool take_direct(Process* p);
  /// The matched message `s` (already out of the mailbox or inbox) becomes the receive's result.
  void consume(Process* p, Signal* s);
  void finish(Process* p);
  void die(Process* p, Term reason) {
    if (!p->exiting_.load(std::memory_order_relaxed)) {
      p->exit_reason_ = std::move(reason);
      p->exiting_.store(true, std::memory_order_release);
    }
  }
  void arm_timeout(Process* p, int64_t ms);

  // ---- Ergo mode (section E; ergo.cpp) ----
  bool ergo() const noexcept { return opts.semantics == Semantics::Ergo; }
  /// One-way link (link) or monitor of `w` on a pid, name or alias (E1.1-E1.4; a node target is
  /// ergo.cpp's node_relate). repeatable: the BEAM-style calls (Process::monitor...), which may make
  /// a second monitor of the same target (refs tell them apart) where Ergo's own calls answer
  /// TargetExist. The new record's ref into *ref_out.
  ergo::Error ergo_relate(Process* w, const ergo::Target& t, bool link, bool repeatable = false,
                          Ref* ref_out = nullptr);
  /// Removes w's link (link) or monitor on a pid, name or alias; TargetUnknown when none.
  ergo::Error ergo_unrelate(Process* w, const ergo::Target& t, bool link);
  /// Fires the links and monitors on p that name `name` or `alias` with :unregistered (E1.3).
  void ergo_fire_unregistered(Pid pid, uint16_t node, Atom name, uint64_t alias);
  Ref ergo_create_alias(Process* p);
  ergo::Error ergo_delete_alias(Process* p, Ref alias);

  /// The exit or DOWN a one-way link or monitor record fires (finish, unregister, cut).
  /// far_node >= 0: fired because the connection to that node was lost (traced as such).
  Signal* ergo_fire(Pid target, uint16_t target_node, const MonitorIn& m, const Term& reason, bool local,
                    int far_node = -1);
  /// Puts `s` into p's private mailbox behind every entry of its priority or higher (E1.9).
  /// p->lock_ held.
  void ergo_enqueue_locked(Process* p, Signal* s);
  /// The same, taking p->lock_. Out of line: BEAM mode's drain stays small.
  [[gnu::noinline]] void ergo_enqueue(Process* p, Signal* s);
  /// drain's exit signal in Ergo mode (E1.1, E1.5-E1.7): false when p is now exiting.
  [[gnu::noinline]] bool ergo_drain_exit(Process* p, Signal* s);
  /// run's park of a process suspended mid-handler (E1.10): true when resumed meanwhile.
  [[gnu::noinline]] bool ergo_park_mid_handler(Process* p);

  // ---- relations (any thread; take lock_ of one process at a time) ----
  enum class LinkResult { Linked, NoProc };
  LinkResult link(Process* self, Pid other);
  void unlink(Process* self, Pid other);
  /// Adds a monitor of `watcher` on `target`; false when the target is not alive.
  bool monitor(Pid watcher, Pid target, Ref ref, Atom name);
  /// Removes the watcher's monitor `ref`; returns whether it was active.
  bool demonitor(Process* watcher, Ref ref);
  /// far_node >= 0: the DOWN of a node that cannot be reached (traced as a lost connection's).
  void send_down_noproc(Process* watcher, Ref ref, Term object, Atom reason = atoms::noproc, int far_node = -1);

  /// Before info() reads p's mailbox: signals already sent to p are moved into it, as the BEAM's
  /// ordered process_info signal would find them (the caller's own pending signals to p in
  /// deterministic mode; p's inbox when p is the caller or is idle).
  void settle_for_info(Process* p);
  /// Reads what info() (full: messages and dictionary too) or snapshot() reports, under the
  /// process's lock, taken once; nullopt when not alive.
  std::optional<InfoData> read_info(Pid pid, bool full);

  // ---- names ----
  // Names are per node (R9.1): register_name uses the pid's node; the others take the node, or the
  // calling process's node (node 0 from outside a process).
  void register_name(Pid pid, Atom name);
  void unregister(Atom name, uint16_t node);
  void unregister(Atom name) { unregister(name, current_node()); }
  Pid whereis(Atom name, uint16_t node) const;
  Pid whereis(Atom name) const { return whereis(name, current_node()); }
  std::vector<Atom> registered(uint16_t node) const;
  std::vector<Atom> registered() const { return registered(current_node()); }

  // ---- scheduling ----
  void schedule(Process* p);
  void requeue(Process* p);
  void worker_loop(Worker& w);
  Process* find_work(Worker& w);
  void wake_one();
  /// True when p waits in the calling worker's `next` slot (so no other thread can run it).
  /// p (queued in this thread's `next` slot: no other thread runs it) has more than one signal
  /// waiting: a mailbox, or two in its inbox.
  bool has_backlog(const Process* p) const noexcept;
  bool queued_in_my_next(const Process* p) const noexcept;
  /// Called when the running process `self` has used its budget outside a receive (last_to: the
  /// process it sent to last, if any): runs the process waiting longest on this thread nested, or,
  /// with none, waits (bounded) for `last_to` when that one runs elsewhere with a long backlog;
  /// then gives `self` a new budget unless others wait. Thread: the worker running `self`.
  void preempt_point(Process* self, Pid last_to = {});
  void wait_for_consumer(Process* self, Pid to);
  static constexpr uint32_t kBackpressureFrom = 8192;         // receiver's queue length
  static constexpr int64_t kBackpressureStallNs = 50'000;     // no progress for this long: go on
  static constexpr int64_t kBackpressureMaxNs = 2'000'000;    // never waits longer
  void go_idle_or_continue(Process* p, ProcessStatus st, bool& keep_running);

  // deterministic mode
  std::deque<Process*> runnable;
  TimedQueue pending;
  int64_t vnow = 0;
  void run_ready();
  bool step();

  // threaded-mode timers
  void timer_loop();
  void add_timed(int64_t due, Signal* s);
  std::mutex timer_m;
  std::condition_variable timer_cv;
  TimedQueue timers;
  std::thread timer_thread;

  // ---- nodes (nodes.cpp) ----
  struct NodeConn {
    bool up = false;
    bool blocked = false;  // partitioned: cannot be made until healed
    uint16_t epoch = 1;    // changes at every cut: signals stamped with an older one are lost
    int64_t latency_ns = 0;  // injected: every signal crossing it takes this much longer
    int64_t detect_until = 0;  // a cut with a detection delay: not made again before this time
  };
  std::atomic<bool> conn_latency_any{false};  // some connection has a latency
  std::atomic<bool> multi_node{false};  // any node besides node 0: routing checks are on
  mutable std::mutex nodes_m;
  std::vector<Atom> node_names{atoms::nonode};
  std::vector<uint8_t> node_up{1};  // 0: the node ended (stop_node); its id is never reused
  std::vector<int> node_tie{-1};    // add_node's tied_to
  std::map<std::pair<uint16_t, uint16_t>, uint16_t> conn_index;  // (low, high) -> index in conns
  std::vector<NodeConn> conns;
  NodeConn& conn_locked(uint16_t a, uint16_t b);  // nodes_m held; made on first ask
  std::vector<std::pair<Pid, uint16_t>> node_monitors;        // (watcher, node), one per instance
  std::vector<Pid> node_subscribers;                          // monitor_nodes(true)
  /// Cross-node routing of a signal from a process: stamps the connection's epoch, making the
  /// connection first (R9.2). False: the pair is partitioned, the signal is lost (R9.6).
  bool route(Signal* s);
  /// At delivery of a stamped signal: false when its connection was cut since (R9.6).
  bool still_connected(const Signal* s);
  /// Makes the connection (nodes_m held); the nodeup notices to send, into *out.
  bool connect_locked(uint16_t a, uint16_t b, std::vector<Signal*>* out);
  /// Makes the connection a <-> b if needed and sends its nodeup notices; false when it cannot be
  /// made (partitioned, or an unknown node).
  bool connect(uint16_t a, uint16_t b);
  /// Before a link or monitor between a and b: makes their nodes' connection if needed (R9.2).
  /// False when it cannot be made (partitioned).
  bool reach(Pid a, Pid b);
  /// Cuts a <-> b: R9.3-R9.5 on both sides.
  /// delay_ns: the detection delay (net_ticktime) before the fired signals are delivered.
  void cut(uint16_t a, uint16_t b, bool block, int64_t delay_ns = 0);
  /// send_signal after delay_ns (for signals made on the receiver's node: s->local).
  void send_signal_after(Signal* s, int64_t delay_ns);
  /// A {:nodeup, n} / {:nodedown, n} message for `watcher`, made on its node, traced as a Send with
  /// no sender and flag set (nodes_m may be held).
  Signal* node_notice(Pid watcher, Term msg);
  /// A node event on the trace (nodes_m may be held).
  void trace_node(TraceKind k, uint16_t a, uint16_t b = 0, Atom name = atoms::nil, Term term = {}, bool flag = false);
  std::atomic<int64_t> detection_delay_ms{0};
  /// The first number of `p` printed by the process running on this thread: 0 for its own node's
  /// pids (and outside a process), the pid's node id + 1 otherwise.
  static uint32_t pid_print_node(Pid p) noexcept;
  Atom node_name(uint16_t n) const {
    std::lock_guard g(nodes_m);
    return n < node_names.size() ? node_names[n] : atoms::nonode;
  }
  /// The node of a live or dead pid (dead ones of node 0 and unknown pids: 0).
  uint16_t node_of(Pid pid) const noexcept {
    if (Process* p = lookup(pid)) return p->node_.load(std::memory_order_relaxed);
    if (!multi_node.load(std::memory_order_acquire)) return 0;
    std::lock_guard g(pid_nodes_m);
    auto it = pid_nodes.find(pid.serial());
    return it == pid_nodes.end() ? 0 : it->second;
  }
  /// The node of the process running on this thread (0 outside a process).
  static uint16_t current_node() noexcept;
  /// Every pid started on a node other than 0, by serial, so a dead one still knows its node.
  mutable std::mutex pid_nodes_m;  // a leaf lock
  std::unordered_map<uint32_t, uint16_t> pid_nodes;

  // ---- time, latency ----
  int64_t now() const noexcept;
  std::atomic<int64_t> global_latency{0};
  std::atomic<bool> latency_configured{false};  // any latency set anywhere (connections too)
  std::atomic<int64_t> delayed_in_flight{0};
  std::mutex edge_m;
  std::map<std::pair<uint32_t, uint32_t>, int64_t> edge_latency;  // by pid serials (low, high)
  int64_t delay_for(const Signal* s, Process* target);
  void recompute_latency_flag();
  /// R4.1 under latency: `due`, raised if needed so that the signal does not overtake an earlier,
  /// more delayed one from the same sender to the same receiver (latencies may drop meanwhile).
  int64_t keep_pair_order(const Signal* s, int64_t due);
  std::mutex order_m;
  std::unordered_map<uint64_t, int64_t> order_due;  // (from serial << 32 | to serial) -> latest due
  std::atomic<bool> order_tracked{false};           // order_due is not empty

  // ---- pause ----
  std::atomic<bool> paused{false};
  std::mutex pause_m;
  std::condition_variable pause_cv;

  // ---- tracing ----
  std::atomic<bool> tracing{false};
  std::atomic<uint32_t> message_sampling{1};
  /// Whether this thread should emit the current Send (or Receive) event; sets *weight to the
  /// number of messages it stands for.
  bool sample_message(bool receive, uint32_t* weight) noexcept;
  std::atomic<uint64_t> trace_seq{1};
  std::atomic<uint64_t> dropped{0};
  std::mutex rings_m;
  std::vector<std::unique_ptr<TraceRing>> rings;
  TraceRing& ring_for_this_thread();
  bool tracing_on() const noexcept { return tracing.load(std::memory_order_relaxed); }
  void emit(TraceEvent&& ev);
  void trace(TraceKind k, Pid a, Pid b = {}, Term term = {}) {
    if (!tracing_on()) return;
    TraceEvent ev;
    ev.kind = k;
    ev.a = a;
    ev.b = b;
    ev.term = std::move(term);
    emit(std::move(ev));
  }
  std::vector<TraceEvent> drain_buf;    // consumer scratch
  std::vector<TraceEvent> drain_carry;  // read by the last drain, held back for the next (see drain_trace)

  // ---- threads ----
  std::vector<std::unique_ptr<Worker>> workers;
  std::mutex global_m;
  std::deque<Process*> global_q;
  std::atomic<size_t> global_size{0};
  std::atomic<int> sleepers{0};
  std::atomic<uint32_t> wake_epoch{0};
  std::atomic<bool> stopping{false};

 private:
  bool torn_down_ = false;
  std::unique_ptr<std::atomic<Process*>[]> chunks_;
  std::mutex chunk_m_;
  std::atomic<uint32_t> high_water_{0};
  std::atomic<uint64_t> free_head_{0};  // (tag << 32) | (slot + 1)
  std::atomic<uint32_t> next_serial_{1};
  std::atomic<uint64_t> next_ref_{1};

  mutable std::shared_mutex names_m_;
  std::unordered_map<uint64_t, Pid> names_;  // (node << 32 | atom id) -> pid

 public:
  // Ergo mode's state, at the end: the hot members above keep their cache lines.
  /// Node links (LinkNode, E1.8): (watcher, node), fired with :noconnection when the connection goes.
  std::vector<std::pair<Pid, uint16_t>> node_links;  // nodes_m
  /// Aliases (gen.Alias): id -> the process that made it, and its maker's serial -> its aliases
  /// (out of Relations, which stays small for BEAM mode). aliases_m is a leaf lock (may be taken
  /// under a process's lock_).
  mutable std::mutex aliases_m;
  std::unordered_map<uint64_t, Pid> aliases;
  std::unordered_multimap<uint32_t, uint64_t> alias_owners;
  /// Set once an alias or a node link was made: until then a process's end takes neither lock.
  std::atomic<bool> aliases_made{false};
  std::atomic<bool> node_links_made{false};
  /// Whether `alias` still belongs to `p` (aliases_m taken).
  bool alias_of(uint64_t alias, Pid p) const {
    std::lock_guard g(aliases_m);
    auto it = aliases.find(alias);
    return it != aliases.end() && it->second == p;
  }
};

/// The process the current thread is running, if any.
extern thread_local Process* tls_current;
/// Frees the shared depot of pooled blocks and this thread's own (frame_pool.cpp), and trims
/// malloc's heap: after a runtime ends, the next one's blocks are carved afresh, side by side,
/// not handed out from a million dead processes' scattered ones. Any thread.
void pool_trim() noexcept;

}  // namespace actorscope::detail
