#pragma once
// Process: one lightweight process of a Runtime, and the API its own code uses.
//
// Process code is a coroutine `Task<> body(Process& self, Args...)`. It blocks in
// `co_await self.receive(...)` without holding an OS thread. The member functions below are to be
// called only by the process's own code, on the thread currently running it; everything that
// other threads may do to a process goes through Runtime (thread-safe).

#include "actorscope/errors.hpp"
#include "actorscope/signal.hpp"
#include "actorscope/task.hpp"
#include "actorscope/term.hpp"
#include "actorscope/trace.hpp"

#include <atomic>
#include <coroutine>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace actorscope {

class Runtime;
class Process;

/// `receive ... after` in milliseconds; kInfinity waits forever.
inline constexpr int64_t kInfinity = -1;

/// {module, function, arity} shown as :initial_call and :current_function.
struct InitialCall {
  Atom module = atoms::erlang;
  Atom function = atoms::apply;
  int arity = 2;
  bool operator==(const InitialCall&) const = default;
};

struct SpawnOptions {
  bool link = false;
  bool monitor = false;
  /// Put :"$ancestors" and :"$initial_call" into the dictionary, as proc_lib does.
  bool proc_lib = false;
  InitialCall initial_call;
  /// The group leader; unset: the parent's (as on the BEAM), or none for a spawn from outside.
  Pid group_leader;
  /// The node (Runtime::add_node's id) to start on; -1: the parent's, node 0 for a spawn from
  /// outside. Node.spawn/2 on another node (R9.1).
  int node = -1;
};

struct DemonitorOptions {
  bool flush = false;  // also remove a {:DOWN, ref, ...} already in the mailbox
  bool info = false;   // return whether the monitor was still active
};

namespace detail {
class RuntimeCore;
struct Relations;
template <class F, class... Args>
Pid spawn_in(RuntimeCore& core, Process* parent, const SpawnOptions& opts, Ref* monitor_ref, F&& fn,
             Args&&... args);
RuntimeCore& core_of(Process& p) noexcept;
enum class Wait : uint8_t { Start, Receiving, Yielded, Done };
/// The receive a process waits in, at the start of its awaiter (in the coroutine frame): the
/// runtime matches messages with `match` and puts the one taken into `result`.
struct ReceiveSlot {
  bool (*match)(ReceiveSlot*, const Term&);
  std::optional<Term> result;
};
/// A receive's `after` timeout: none is stored for an untimed receive.
template <bool Timed>
struct ReceiveTimeout {
  ReceiveTimeout(int64_t) noexcept {}
  operator int64_t() const noexcept { return -1; }  // kInfinity
};
template <>
struct ReceiveTimeout<true> {
  ReceiveTimeout(int64_t ms) noexcept : ms(ms) {}
  operator int64_t() const noexcept { return ms; }
  int64_t ms;
};
template <class T>
struct IsOptional : std::false_type {};
}  // namespace detail

class alignas(64) Process {
 public:
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  Pid pid() const noexcept { return Pid{pid_.load(std::memory_order_relaxed)}; }
  Runtime& runtime() const noexcept;

  // ---- messages -------------------------------------------------------------------------------
  /// `send(pid, msg)`: always succeeds, also to an ended process (R4.3).
  void send(Pid to, Term msg);
  /// `send(name, msg)`: ErlangError(:badarg) when no process has that name (R4.3).
  void send(Atom name, Term msg);

  template <class Pred, bool Timed>
  class ReceiveAwaiter;
  /// Waits for the first message in the mailbox for which `pred(msg)` is true and removes it;
  /// other messages stay in order (selective receive).
  template <class Pred>
  ReceiveAwaiter<Pred, false> receive(Pred pred) {
    return ReceiveAwaiter<Pred, false>(this, std::move(pred), kInfinity);
  }
  /// As receive(pred), with `after timeout_ms`: yields std::nullopt on timeout.
  template <class Pred>
  ReceiveAwaiter<Pred, true> receive(Pred pred, int64_t timeout_ms) {
    return ReceiveAwaiter<Pred, true>(this, std::move(pred), timeout_ms);
  }
  /// Waits for any message.
  auto receive() { return receive(any_message); }
  static bool any_message(const Term&) noexcept { return true; }

  /// Gives other processes a turn; signals to this process are handled first.
  auto yield() { return YieldAwaiter{this}; }

  // ---- ending ---------------------------------------------------------------------------------
  /// `exit(reason)`: ends this process with `reason` (never resumes).
  auto exit(Term reason) { return ExitAwaiter{this, std::move(reason)}; }
  /// `Process.exit(pid, reason)`: sends an exit signal. To self it takes effect at once: it may
  /// throw ProcessExit (the process ends) or queue {:EXIT, self, reason} when trapping (R1.4).
  bool exit(Pid pid, Term reason);
  /// `:erlang.error(reason)`: throws ErlangError.
  [[noreturn]] void raise(Term reason);

  // ---- spawning -------------------------------------------------------------------------------
  template <class F, class... Args>
  Pid spawn(F&& fn, Args&&... args);
  template <class F, class... Args>
  Pid spawn_link(F&& fn, Args&&... args);
  /// Spawns and monitors atomically (R3.6).
  template <class F, class... Args>
  std::pair<Pid, Ref> spawn_monitor(F&& fn, Args&&... args);
  template <class F, class... Args>
  Pid spawn_opt(const SpawnOptions& opts, F&& fn, Args&&... args);

  // ---- links, monitors, flags -----------------------------------------------------------------
  /// `Process.link(pid)` (R2.1-R2.3): to a process that does not exist, throws ErlangError(:noproc)
  /// unless trapping exits, when {:EXIT, pid, :noproc} is queued instead.
  bool link(Pid pid);
  /// `Process.unlink(pid)`: always true (R2.4).
  bool unlink(Pid pid);
  /// `Process.monitor(pid)` (R3.1, R3.2).
  Ref monitor(Pid pid);
  /// Monitor by registered name on this process's node (R3.4): the DOWN carries {name, node}.
  Ref monitor(Atom name);
  /// `Process.monitor({name, node})`: the name as registered on `node` (Runtime::add_node's id), the
  /// DOWN carries {name, node}; :noconnection at once when the node cannot be reached (R9.4).
  Ref monitor(Atom name, uint16_t node);
  /// `Process.demonitor(ref, opts)` (R3.5).
  bool demonitor(Ref ref, DemonitorOptions opts = {});
  /// `Process.flag(:trap_exit, on)`: returns the previous value (R1.9).
  bool trap_exit(bool on);
  bool trap_exit() const noexcept;

  // ---- misc -----------------------------------------------------------------------------------
  Ref make_ref();
  /// `Process.put(key, value)`: returns the previous value or nil.
  Term put(const Term& key, Term value);
  /// `Process.get(key)`: the value or nil.
  Term get(const Term& key) const;
  /// Number of messages in this process's mailbox (R6.3).
  size_t message_queue_len();

  // Awaiters ------------------------------------------------------------------------------------
  struct YieldAwaiter {
    Process* p;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept;
    void await_resume() const noexcept {}
  };
  struct ExitAwaiter {
    Process* p;
    Term reason;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept;
    void await_resume() const noexcept {}
  };

  template <class Pred, bool Timed>
  class ReceiveAwaiter : detail::ReceiveSlot {
   public:
    ReceiveAwaiter(Process* p, Pred pred, int64_t timeout)
        : ReceiveSlot{&thunk, {}}, p_(p), pred_(std::move(pred)), timeout_(timeout) {}
    bool await_ready() { return p_->receive_ready(this, timeout_); }
    void await_suspend(std::coroutine_handle<> h) { p_->receive_suspend(h, this, timeout_); }
    auto await_resume() {
      if constexpr (Timed)
        return std::move(result);
      else
        return std::move(*result);
    }

   private:
    static bool thunk(ReceiveSlot* self, const Term& msg) { return static_cast<ReceiveAwaiter*>(self)->pred_(msg); }
    Process* p_;
    [[no_unique_address]] Pred pred_;
    [[no_unique_address]] detail::ReceiveTimeout<Timed> timeout_;
  };

 private:
  friend class Runtime;
  friend class detail::RuntimeCore;
  friend detail::RuntimeCore& detail::core_of(Process&) noexcept;
  template <class F, class... Args>
  friend Pid detail::spawn_in(detail::RuntimeCore&, Process*, const SpawnOptions&, Ref*, F&&, Args&&...);

  Process() = default;
  ~Process() = default;

  bool receive_ready(detail::ReceiveSlot* r, int64_t timeout);
  void receive_suspend(std::coroutine_handle<> h, detail::ReceiveSlot* r, int64_t timeout);
  template <class F, class... Args>
  static Task<> make_body(Process& child, F&& fn, Args&&... args);
  /// Only the process's own thread writes the count: no read-modify-write needed.
  void count_reduction() noexcept {
    reductions_.store(reductions_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }

  // Four cache lines (idle footprint); the offsets are checked in process.cpp.
  // -- line 0: what senders touch, and what is written rarely (never per message) --
  std::atomic<uint64_t> pid_{0};
  std::atomic<uint32_t> sched_{0};                 // RuntimeCore::kIdle / kActive / kDead
  std::atomic<uint16_t> node_{0};                  // set at start, before the pid is published
  std::atomic<bool> trap_exit_{false};
  std::atomic<bool> suspended_{false};
  std::atomic<int64_t> latency_ns_{0};             // per-process delay on signals it receives
  detail::RuntimeCore* core_ = nullptr;
  Pid parent_;
  std::atomic<uint64_t> group_leader_{0};  // raw Pid; 0: none (info() shows the process itself)
  Atom name_{atoms::nil.id};                       // guarded by lock_
  // Producers: any thread; consumer: the thread running this process. Its producers' end (head)
  // closes line 0, its consumer's end (tail, stub) opens line 1.
  detail::Inbox inbox_;
  // -- line 1: the consumer's (written per message) --
  std::atomic<uint8_t> status_{0};                 // ProcessStatus
  std::atomic<bool> exiting_{false};
  detail::Wait wait_ = detail::Wait::Start;
  bool timed_out_ = false;
  bool has_dictionary_ = false;
  mutable std::atomic<bool> lock_{false};          // guards the structure of the private mailbox,
                                                   // rel_, name_
  uint32_t receive_seq_ = 0;
  int32_t budget_ = 0;
  std::atomic<uint32_t> queue_len_{0};             // private queue length, published for observers
  std::atomic<uint32_t> next_free_{0};             // free-list link (slot index + 1)
  uint32_t slot_ = 0;
  std::atomic<uint64_t> reductions_{0};
  // -- private mailbox: consumer-owned; structure changes under lock_ so observers can read --
  detail::Signal* q_head_ = nullptr;
  detail::Signal* q_tail_ = nullptr;
  detail::Signal* q_scanned_ = nullptr;  // last message checked against the current receive
  // -- code --
  std::coroutine_handle<> root_;
  std::coroutine_handle<> current_;
  detail::ReceiveSlot* receive_ = nullptr;  // the receive it waits in (in its coroutine frame)
  // -- rarely used --
  std::unique_ptr<detail::Relations> rel_;  // links, monitors, monitored_by, dictionary (lock_)
  Term exit_reason_;
};

// ---- spawn templates --------------------------------------------------------------------------

template <class F, class... Args>
Task<> Process::make_body(Process& child, F&& fn, Args&&... args) {
  using Fn = std::decay_t<F>;
  if constexpr (std::is_pointer_v<Fn> || std::is_empty_v<Fn>) {
    // Parameters are copied into the coroutine frame: nothing dangles.
    return std::invoke(fn, child, std::forward<Args>(args)...);
  } else {
    // A callable with state: keep it alive in a trampoline frame for as long as the body runs.
    return [](Process& self, Fn f, std::decay_t<Args>... a) -> Task<> {
      co_await std::invoke(f, self, std::move(a)...);
    }(child, std::forward<F>(fn), std::forward<Args>(args)...);
  }
}

namespace detail {
/// Reserves a process slot (ErlangError(:system_limit) past the limit).
Process* allocate_process(RuntimeCore& core);
/// Returns an allocated slot that was never started (its body could not be created).
void abandon_process(RuntimeCore& core, Process* p) noexcept;
/// Starts `child` running `body`; parent may be null (spawned from outside the runtime).
Pid start_process(RuntimeCore& core, Process* parent, Process* child, Task<> body,
                  const SpawnOptions& opts, Ref* monitor_ref);
RuntimeCore& core_of(Process& p) noexcept;

template <class F, class... Args>
Pid spawn_in(RuntimeCore& core, Process* parent, const SpawnOptions& opts, Ref* monitor_ref, F&& fn,
             Args&&... args) {
  Process* child = allocate_process(core);
  Task<> body;
  try {
    body = Process::make_body(*child, std::forward<F>(fn), std::forward<Args>(args)...);
  } catch (...) {
    abandon_process(core, child);
    throw;
  }
  return start_process(core, parent, child, std::move(body), opts, monitor_ref);
}
}  // namespace detail

template <class F, class... Args>
Pid Process::spawn(F&& fn, Args&&... args) {
  return detail::spawn_in(*core_, this, SpawnOptions{}, nullptr, std::forward<F>(fn),
                          std::forward<Args>(args)...);
}
template <class F, class... Args>
Pid Process::spawn_link(F&& fn, Args&&... args) {
  SpawnOptions o;
  o.link = true;
  return detail::spawn_in(*core_, this, o, nullptr, std::forward<F>(fn), std::forward<Args>(args)...);
}
template <class F, class... Args>
std::pair<Pid, Ref> Process::spawn_monitor(F&& fn, Args&&... args) {
  SpawnOptions o;
  o.monitor = true;
  Ref r;
  Pid p = detail::spawn_in(*core_, this, o, &r, std::forward<F>(fn), std::forward<Args>(args)...);
  return {p, r};
}
template <class F, class... Args>
Pid Process::spawn_opt(const SpawnOptions& opts, F&& fn, Args&&... args) {
  return detail::spawn_in(*core_, this, opts, nullptr, std::forward<F>(fn), std::forward<Args>(args)...);
}

}  // namespace actorscope
