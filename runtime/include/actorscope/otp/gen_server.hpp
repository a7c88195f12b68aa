#pragma once
// GenServer: Elixir's GenServer as a C++ base class. The server's state lives in the object; each
// callback is a coroutine (it may call other servers) that returns what Elixir's callback returns:
//
//   class Stack final : public otp::GenServer {
//     std::vector<Term> items;
//     Task<otp::CallResult> handle_call(Process&, const Term& req, const Term&) override {
//       if (req.is_atom(intern("pop"))) { Term t = items.back(); items.pop_back(); co_return otp::CallResult::reply(t); }
//       co_return otp::CallResult::stop(Term::tuple({intern("bad_call"), req}));
//     }
//   };
//   Term r = co_await otp::GenServer::start_link(self, std::make_unique<Stack>());   // {:ok, pid}
//   Term v = co_await otp::GenServer::call(self, r[1], Term::atom("pop"));
//
// Protocol (as OTP's): calls are `{:"$gen_call", {pid, ref}, request}` answered with `{ref, reply}`;
// casts are `{:"$gen_cast", request}`; stop is `{:system, {pid, ref}, {:terminate, reason}}`.
// Client functions are coroutines awaited from process code; they end the caller the BEAM's way
// (R8.2) by throwing ProcessExit, which an uncaught ends the process with exactly that reason.
// Thread-safety: callbacks run on the server process's thread, one at a time.

#include "actorscope/otp/child_spec.hpp"

#include <memory>

namespace actorscope::otp {

/// `{:ok, state}`, `{:stop, reason}` or `:ignore` from init/1.
class InitResult {
 public:
  enum class Kind : uint8_t { Ok, Stop, Ignore };
  static InitResult ok() { return InitResult(Kind::Ok, Term()); }
  static InitResult stop(Term reason) { return InitResult(Kind::Stop, std::move(reason)); }
  static InitResult ignore() { return InitResult(Kind::Ignore, Term()); }
  Kind kind() const { return kind_; }
  const Term& reason() const { return reason_; }

 private:
  InitResult(Kind k, Term r) : kind_(k), reason_(std::move(r)) {}
  Kind kind_;
  Term reason_;
};

/// `{:reply, reply, state}`, `{:noreply, state}`, `{:stop, reason, state}` or
/// `{:stop, reason, reply, state}`.
class CallResult {
 public:
  enum class Kind : uint8_t { Reply, NoReply, Stop };
  static CallResult reply(Term r) { return CallResult(Kind::Reply, std::move(r), Term(), false); }
  static CallResult noreply() { return CallResult(Kind::NoReply, Term(), Term(), false); }
  static CallResult stop(Term reason) { return CallResult(Kind::Stop, Term(), std::move(reason), false); }
  static CallResult stop(Term reason, Term reply) {
    return CallResult(Kind::Stop, std::move(reply), std::move(reason), true);
  }
  Kind kind() const { return kind_; }
  const Term& reply_value() const { return reply_; }
  const Term& reason() const { return reason_; }
  bool has_reply() const { return kind_ == Kind::Reply || stop_reply_; }

 private:
  CallResult(Kind k, Term rep, Term rea, bool sr) : kind_(k), stop_reply_(sr), reply_(std::move(rep)), reason_(std::move(rea)) {}
  Kind kind_;
  bool stop_reply_;
  Term reply_;
  Term reason_;
};

/// What handle_cast and handle_info return: `{:noreply, state}` or `{:stop, reason, state}`.
using NoReplyResult = CallResult;

struct GenServerOptions {
  /// Registered name (nil: none). A taken name gives `{:error, {:already_started, pid}}`.
  Atom name{atoms::nil.id};
  /// Shown as `:"$initial_call"` `{module, :init, 1}`; nil uses the server's module().
  Atom module{atoms::nil.id};
};

class GenServer {
 public:
  virtual ~GenServer() = default;

  // ---- callbacks (run in the server process) -----------------------------------------------------
  virtual Task<InitResult> init(Process& self);
  /// `from` is `{pid, ref}`; keep it to answer later with reply() after returning noreply().
  /// Default: stops with `{:bad_call, request}`.
  virtual Task<CallResult> handle_call(Process& self, const Term& request, const Term& from);
  /// Default: stops with `{:bad_cast, request}`.
  virtual Task<NoReplyResult> handle_cast(Process& self, const Term& request);
  /// Every other message. Default: ignores it.
  virtual Task<NoReplyResult> handle_info(Process& self, const Term& msg);
  /// Called before the server ends because a callback said stop, a callback raised, stop/3 was
  /// called, or (when trapping exits) its parent ended.
  virtual Task<> terminate(Process& self, const Term& reason);
  /// The module name shown in :"$initial_call" and which_children. Default `GenServer`.
  virtual Atom module() const;

  // ---- client API (called from process code) ------------------------------------------------------
  /// Spawns the server linked to `self`, runs init, returns `{:ok, pid}`, `{:error, reason}` or
  /// `:ignore` after init returned (R8.1).
  static Task<Term> start_link(Process& self, std::unique_ptr<GenServer> impl, GenServerOptions opts = {});
  /// As start_link, without the link.
  static Task<Term> start(Process& self, std::unique_ptr<GenServer> impl, GenServerOptions opts = {});
  /// Spawns a server from outside the runtime (no parent); init runs in it. Returns its pid.
  static Pid start(Runtime& rt, std::unique_ptr<GenServer> impl, GenServerOptions opts = {});
  /// A child spec whose start makes a fresh server with `make()` and start_links it.
  static ChildSpec child_spec(Term id, std::function<std::unique_ptr<GenServer>()> make, GenServerOptions opts = {});

  /// `GenServer.call(server, request, timeout)`; server is a pid or a registered name. Exits the
  /// caller with `{:timeout, {GenServer, :call, [server, request, timeout]}}` on timeout and with
  /// `{:noproc, {GenServer, :call, [...]}}` for a dead or unknown server; a server that ends while
  /// serving gives `{reason, {GenServer, :call, [...]}}` (R8.2). timeout kInfinity waits forever.
  static Task<Term> call(Process& self, Term server, Term request, int64_t timeout_ms = 5000);
  /// `GenServer.cast/2`: always `:ok`, also for a dead or unknown server.
  static Term cast(Process& self, Term server, Term request);
  /// Answers a call whose handler returned noreply().
  static void reply(Process& self, const Term& from, Term reply);
  /// `GenServer.stop(server, reason, timeout)`: `:ok` once the server ended with that reason;
  /// exits the caller with `{:noproc, {GenServer, :stop, [server, reason, timeout]}}` if it is not
  /// alive.
  static Task<Term> stop(Process& self, Term server, Term reason = Term(atoms::normal), int64_t timeout_ms = kInfinity);
  /// Asks a server (or supervisor) to stop from outside the runtime; no answer. False if unknown.
  static bool stop(Runtime& rt, Term server, Term reason = Term(atoms::normal));
};

/// Elixir's `{:via, ...}`-free server resolution: a pid, or the pid registered under an atom
/// (invalid when unknown).
Pid whereis(Runtime& rt, const Term& server);

}  // namespace actorscope::otp
