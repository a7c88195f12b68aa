#pragma once
// OtpTask: Elixir's Task.async / Task.await (R8.3). (Named OtpTask because Task<T> is the
// coroutine type of process code.)
//
//   otp::TaskHandle t = otp::OtpTask::async(self, [](Process&) -> Task<Term> { co_return Term(42); });
//   Term v = co_await otp::OtpTask::await(self, t);   // 42

#include "actorscope/process.hpp"

#include <functional>

namespace actorscope::otp {

/// The `%Task{}` an async call returns.
struct TaskHandle {
  Pid pid;
  Ref ref;    // the owner's monitor on the task
  Pid owner;
  Ref tag;    // the reply is {tag, result}
  /// `%Task{mfa: {:erlang, :apply, 2}, owner: ..., pid: ..., ref: ...}` as a map with __struct__.
  Term to_term() const;
};

class OtpTask {
 public:
  using Fn = std::function<Task<Term>(Process& self)>;
  /// Spawns `fn` linked to and monitored by `self` (atomically) with proc_lib dictionary entries.
  static TaskHandle async(Process& self, Fn fn);
  /// The task's result. Exits the caller with `{reason, {Task, :await, [task, timeout]}}` when the
  /// task ended with `reason` first, `{:timeout, {Task, :await, [task, timeout]}}` on timeout.
  static Task<Term> await(Process& self, TaskHandle t, int64_t timeout_ms = 5000);
};

}  // namespace actorscope::otp
