// GenServer: the server loop, the start handshake and the client calls (R8.1, R8.2).

#include "actorscope/otp/gen_server.hpp"

#include "otp_internal.hpp"

namespace actorscope::otp {

namespace detail {

const Atoms& A() {
  static const Atoms a;
  return a;
}

Term reason_of(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const ProcessExit& x) {
    return x.reason();
  } catch (const ErlangError& x) {
    return x.exit_reason();
  } catch (const std::exception& x) {
    return Term::tuple({Term::tuple({Term(atoms::cpp), Term::binary(x.what())}), Term::empty_list()});
  } catch (...) {
    return Term::tuple({Term::tuple({Term(atoms::cpp), Term(atoms::unknown)}), Term::empty_list()});
  }
}

void ack(Process& self, Pid starter, Term ret) {
  if (starter.valid()) self.send(starter, Term::tuple({Term(A().ack), Term(self.pid()), std::move(ret)}));
}

Task<Term> wait_ack(Process& self, Pid child, bool linked) {
  Atom ackA = A().ack;
  if (linked) {
    Term m = co_await self.receive([child, ackA](const Term& t) {
      return (t.is_tagged(ackA, 3) || t.is_tagged(atoms::EXIT, 3)) && t[1].is_pid() && t[1].as_pid() == child;
    });
    if (m.is_tagged(ackA, 3)) co_return m[2];
    co_return err(m[2]);
  }
  // Unlinked start: the caller spawned with a monitor; its ref is found in the DOWN.
  Term m = co_await self.receive([child, ackA](const Term& t) {
    return (t.is_tagged(ackA, 3) && t[1].is_pid() && t[1].as_pid() == child) ||
           (t.is_tagged(atoms::DOWN, 5) && t[3].is_pid() && t[3].as_pid() == child);
  });
  if (m.is_tagged(atoms::DOWN, 5)) co_return err(m[4]);
  co_return m[2];
}

void drop_name(Process& self, Atom name) {
  if (name == atoms::nil) return;
  Runtime& rt = self.runtime();
  if (rt.whereis(name) == self.pid()) {
    try {
      rt.unregister(name);
    } catch (const ErlangError&) {
    }
  }
}

}  // namespace detail

using detail::A;
using detail::err;
using detail::ok;

Term to_term(Restart r) {
  switch (r) {
    case Restart::Permanent: return Term(A().permanent);
    case Restart::Transient: return Term(A().transient);
    case Restart::Temporary: return Term(A().temporary);
  }
  return Term();
}
Term to_term(ChildType t) { return Term(t == ChildType::Worker ? A().worker : A().supervisor); }
Term Shutdown::to_term() const {
  switch (kind) {
    case Kind::BrutalKill: return Term(A().brutal_kill);
    case Kind::Timeout: return Term(static_cast<long long>(ms));
    case Kind::Infinity: return Term(atoms::infinity);
  }
  return Term();
}

Pid whereis(Runtime& rt, const Term& server) {
  if (server.is_pid()) return server.as_pid();
  if (server.is_atom()) return rt.whereis(server.as_atom());
  return Pid{};
}

// ---- default callbacks --------------------------------------------------------------------------

Task<InitResult> GenServer::init(Process&) { co_return InitResult::ok(); }
Task<CallResult> GenServer::handle_call(Process&, const Term& request, const Term&) {
  co_return CallResult::stop(Term::tuple({Term(A().bad_call), request}));
}
Task<NoReplyResult> GenServer::handle_cast(Process&, const Term& request) {
  co_return CallResult::stop(Term::tuple({Term(A().bad_cast), request}));
}
Task<NoReplyResult> GenServer::handle_info(Process&, const Term&) { co_return CallResult::noreply(); }
Task<> GenServer::terminate(Process&, const Term&) { co_return; }
Atom GenServer::module() const { return A().GenServer; }

// ---- the server process ----------------------------------------------------------------------------

namespace {

Task<> server_main(Process& self, std::unique_ptr<GenServer> impl, Pid starter, bool linked, Atom name) {
  const auto& a = A();
  GenServer& s = *impl;
  if (name != atoms::nil) {
    bool taken = false;
    try {
      self.runtime().register_name(self.pid(), name);
    } catch (const ErlangError&) {
      taken = true;
    }
    if (taken) {
      Pid other = self.runtime().whereis(name);
      detail::ack(self, starter, err(Term::tuple({Term(a.already_started), other.valid() ? Term(other) : Term()})));
      co_return;
    }
  }
  InitResult ir = InitResult::ok();
  std::exception_ptr ex;
  try {
    ir = co_await s.init(self);
  } catch (...) {
    ex = std::current_exception();
  }
  if (ex) {
    Term r = detail::reason_of(ex);
    detail::drop_name(self, name);
    detail::ack(self, starter, err(r));
    co_await self.exit(r);
  }
  switch (ir.kind()) {
    case InitResult::Kind::Ok:
      detail::ack(self, starter, ok(Term(self.pid())));
      break;
    case InitResult::Kind::Ignore:
      detail::drop_name(self, name);
      detail::ack(self, starter, Term(a.ignore));
      co_return;
    case InitResult::Kind::Stop:
      detail::drop_name(self, name);
      detail::ack(self, starter, err(ir.reason()));
      co_await self.exit(ir.reason());
  }
  Pid parent = linked ? starter : Pid{};
  for (;;) {
    Term m = co_await self.receive();
    std::optional<CallResult> res;
    Term from;
    bool is_call = false, stopping = false;
    Term reason;
    try {
      if (m.is_tagged(a.gen_call, 3)) {
        from = m[1];
        is_call = true;
        res = co_await s.handle_call(self, m[2], from);
      } else if (m.is_tagged(a.gen_cast, 2)) {
        res = co_await s.handle_cast(self, m[1]);
      } else if (m.is_tagged(a.system, 3) && m[2].is_tagged(a.terminate, 2)) {
        stopping = true;
        reason = m[2][1];
      } else if (parent.valid() && m.is_tagged(atoms::EXIT, 3) && m[1].is_pid() && m[1].as_pid() == parent) {
        stopping = true;  // only seen when trapping exits, as in OTP
        reason = m[2];
      } else {
        res = co_await s.handle_info(self, m);
      }
    } catch (...) {
      ex = std::current_exception();
    }
    if (ex) {
      stopping = true;
      reason = detail::reason_of(ex);
      ex = nullptr;
    } else if (res && res->kind() == CallResult::Kind::Stop) {
      stopping = true;
      reason = res->reason();
    }
    if (!stopping) {
      if (is_call && res && res->has_reply()) GenServer::reply(self, from, res->reply_value());
      continue;
    }
    try {
      co_await s.terminate(self, reason);
    } catch (...) {
      ex = std::current_exception();
    }
    if (ex) reason = detail::reason_of(ex);
    if (is_call && res && res->has_reply()) GenServer::reply(self, from, res->reply_value());
    co_await self.exit(reason);
  }
}

SpawnOptions server_spawn_options(const GenServer& impl, const GenServerOptions& opts, bool link) {
  SpawnOptions so;
  so.link = link;
  so.proc_lib = true;
  so.initial_call = InitialCall{opts.module != atoms::nil ? opts.module : impl.module(), A().init, 1};
  return so;
}

Term call_exit(Atom fn, const Term& server, const Term& a2, int64_t timeout, Term reason) {
  return Term::tuple({std::move(reason), Term::tuple({Term(A().GenServer), Term(fn),
                                                      Term::list({server, a2, detail::timeout_term(timeout)})})});
}

}  // namespace

Task<Term> GenServer::start_link(Process& self, std::unique_ptr<GenServer> impl, GenServerOptions opts) {
  SpawnOptions so = server_spawn_options(*impl, opts, true);
  Pid pid = self.spawn_opt(so, server_main, std::move(impl), self.pid(), true, opts.name);
  co_return co_await detail::wait_ack(self, pid, true);
}

Task<Term> GenServer::start(Process& self, std::unique_ptr<GenServer> impl, GenServerOptions opts) {
  SpawnOptions so = server_spawn_options(*impl, opts, false);
  so.monitor = true;
  Ref mref;
  Pid pid = actorscope::detail::spawn_in(actorscope::detail::core_of(self), &self, so, &mref, server_main,
                                         std::move(impl), self.pid(), false, opts.name);
  Term r = co_await detail::wait_ack(self, pid, false);
  self.demonitor(mref, {.flush = true});
  co_return r;
}

Pid GenServer::start(Runtime& rt, std::unique_ptr<GenServer> impl, GenServerOptions opts) {
  SpawnOptions so = server_spawn_options(*impl, opts, false);
  return rt.spawn_opt(so, server_main, std::move(impl), Pid{}, false, opts.name);
}

ChildSpec GenServer::child_spec(Term id, std::function<std::unique_ptr<GenServer>()> make, GenServerOptions opts) {
  ChildSpec s;
  s.id = std::move(id);
  s.start = [make, opts](Process& sup, Term) -> Task<Term> { return start_link(sup, make(), opts); };
  return s;
}

Task<Term> GenServer::call(Process& self, Term server, Term request, int64_t timeout_ms) {
  const auto& a = A();
  Pid pid = whereis(self.runtime(), server);
  if (!pid.valid()) throw ProcessExit(call_exit(a.call, server, request, timeout_ms, Term(atoms::noproc)));
  Ref mref = self.monitor(pid);
  // Ergo mode: monitoring a dead process is an error, not a DOWN (E1.4): the call fails the same way.
  if (mref.id == 0) throw ProcessExit(call_exit(a.call, server, request, timeout_ms, Term(atoms::noproc)));
  self.send(pid, Term::tuple({Term(a.gen_call), Term::tuple({Term(self.pid()), Term(mref)}), request}));
  std::optional<Term> m = co_await self.receive(
      [mref](const Term& t) {
        if (t.is_tuple() && t.tuple_size() == 2) return t[0].is_ref() && t[0].as_ref() == mref;
        return t.is_tagged(atoms::DOWN, 5) && t[1].is_ref() && t[1].as_ref() == mref;
      },
      timeout_ms);
  if (!m) {
    self.demonitor(mref, {.flush = true});
    throw ProcessExit(call_exit(a.call, server, request, timeout_ms, Term(atoms::timeout)));
  }
  if (m->is_tagged(atoms::DOWN, 5)) throw ProcessExit(call_exit(a.call, server, request, timeout_ms, (*m)[4]));
  self.demonitor(mref, {.flush = true});
  co_return (*m)[1];
}

Term GenServer::cast(Process& self, Term server, Term request) {
  Pid pid = whereis(self.runtime(), server);
  if (pid.valid()) self.send(pid, Term::tuple({Term(A().gen_cast), std::move(request)}));
  return Term(atoms::ok);
}

void GenServer::reply(Process& self, const Term& from, Term reply) {
  if (from.is_tuple() && from.tuple_size() == 2 && from[0].is_pid())
    self.send(from[0].as_pid(), Term::tuple({from[1], std::move(reply)}));
}

Task<Term> GenServer::stop(Process& self, Term server, Term reason, int64_t timeout_ms) {
  const auto& a = A();
  Pid pid = whereis(self.runtime(), server);
  if (!pid.valid()) throw ProcessExit(call_exit(a.stop, server, reason, timeout_ms, Term(atoms::noproc)));
  Ref mref = self.monitor(pid);
  if (mref.id == 0) throw ProcessExit(call_exit(a.stop, server, reason, timeout_ms, Term(atoms::noproc)));  // Ergo, E1.4
  self.send(pid, Term::tuple({Term(a.system), Term::tuple({Term(self.pid()), Term(mref)}),
                              Term::tuple({Term(a.terminate), reason})}));
  std::optional<Term> m = co_await self.receive(
      [mref](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].is_ref() && t[1].as_ref() == mref; },
      timeout_ms);
  if (!m) {
    self.demonitor(mref, {.flush = true});
    throw ProcessExit(call_exit(a.stop, server, reason, timeout_ms, Term(atoms::timeout)));
  }
  const Term& r = (*m)[4];
  if (r == reason) co_return Term(atoms::ok);
  throw ProcessExit(call_exit(a.stop, server, reason, timeout_ms, r));
}

bool GenServer::stop(Runtime& rt, Term server, Term reason) {
  Pid pid = whereis(rt, server);
  if (!pid.valid() || !rt.alive(pid)) return false;
  rt.send(pid, Term::tuple({Term(A().system), Term::tuple({Term(), Term(Ref{})}),
                            Term::tuple({Term(A().terminate), std::move(reason)})}));
  return true;
}

}  // namespace actorscope::otp
