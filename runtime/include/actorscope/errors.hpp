#pragma once
// Exceptions thrown by the runtime's public API, mirroring the BEAM's errors.

#include "actorscope/term.hpp"

#include <exception>
#include <string>

namespace actorscope {

/// An Erlang error (`:erlang.error(reason)`): badarg, noproc, system_limit, ...
/// Uncaught in process code, it ends the process with reason `{reason, stacktrace}` (R1.1); the
/// stacktrace is `[]` unless the raiser gave one.
class ErlangError : public std::exception {
 public:
  explicit ErlangError(Term reason) : reason_(std::move(reason)), what_(inspect(reason_)) {}
  /// With a human-readable explanation after the reason in what(): ":system_limit: ...".
  ErlangError(Term reason, const std::string& detail)
      : reason_(std::move(reason)), what_(inspect(reason_) + ": " + detail) {}
  /// With a stacktrace (a list of `{m, f, arity_or_args, location}` frames) for the exit reason.
  static ErlangError with_stacktrace(Term reason, Term stacktrace) {
    ErlangError e(std::move(reason));
    e.stack_ = std::move(stacktrace);
    return e;
  }
  const Term& reason() const noexcept { return reason_; }
  const Term& stacktrace() const noexcept { return stack_; }
  /// `{reason, stacktrace}`: what the process ends with when this error is not caught.
  Term exit_reason() const { return Term::tuple({reason_, stack_}); }
  const char* what() const noexcept override { return what_.c_str(); }

 private:
  Term reason_;
  Term stack_ = Term::empty_list();
  std::string what_;
};

/// Thrown inside process code to end the process at once with `reason` (exit/1 from deep code, or
/// an exit signal to self that kills). Uncaught, it ends the process with exactly `reason`.
class ProcessExit : public std::exception {
 public:
  explicit ProcessExit(Term reason) : reason_(std::move(reason)) {}
  const Term& reason() const noexcept { return reason_; }
  const char* what() const noexcept override { return "process exit"; }

 private:
  Term reason_;
};

}  // namespace actorscope
