#pragma once
// Exceptions thrown by the runtime's public API, mirroring the BEAM's errors.

#include "actorscope/term.hpp"

#include <exception>
#include <string>

namespace actorscope {

/// An Erlang error (`:erlang.error(reason)`): badarg, noproc, system_limit, ...
/// Uncaught in process code, it ends the process with reason `{reason, []}` (R1.1).
class ErlangError : public std::exception {
 public:
  explicit ErlangError(Term reason) : reason_(std::move(reason)), what_(inspect(reason_)) {}
  /// With a human-readable explanation after the reason in what(): ":system_limit: ...".
  ErlangError(Term reason, const std::string& detail)
      : reason_(std::move(reason)), what_(inspect(reason_) + ": " + detail) {}
  const Term& reason() const noexcept { return reason_; }
  const char* what() const noexcept override { return what_.c_str(); }

 private:
  Term reason_;
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
