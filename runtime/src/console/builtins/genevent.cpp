// GenEvent's built-ins (Elixir's deprecated event manager, as the Elixir 1.14 library still has
// it): an otp::GenServer holding handlers, each a module (`use GenEvent`) with its own state.
// Handlers run in the manager process, in the order they were added.

#include "otp_common.hpp"

#include "actorscope/otp/gen_server.hpp"

namespace actorscope::console::detail {

namespace {

struct Handler {
  Atom mod;
  Term state;
  Pid monitor;  // add_mon_handler's caller, told {:gen_event_EXIT, handler, reason} on removal
};

class EventManager final : public otp::GenServer {
 public:
  explicit EventManager(std::shared_ptr<Interp> ip) : ip_(std::move(ip)) {}

  Task<otp::InitResult> init(Process&) override { co_return otp::InitResult::ok(); }

  Task<otp::CallResult> handle_call(Process& self, const Term& req, const Term&) override {
    if (tagged(req, "add_handler", 4)) co_return otp::CallResult::reply(co_await add(self, req[1], req[2], req[3]));
    if (tagged(req, "sync_notify", 2)) {
      co_await dispatch(self, req[1]);
      co_return otp::CallResult::reply(ok());
    }
    if (tagged(req, "call", 3)) co_return otp::CallResult::reply(co_await call(self, req[1], req[2]));
    if (tagged(req, "remove_handler", 3)) co_return otp::CallResult::reply(co_await remove(self, req[1], req[2]));
    if (req.is_atom(A("which_handlers"))) {
      std::vector<Term> out;
      for (auto it = handlers_.rbegin(); it != handlers_.rend(); ++it) out.emplace_back(it->mod);
      co_return otp::CallResult::reply(Term::list(out));
    }
    co_return otp::CallResult::reply(T2(Term(atoms::error), Term(A("bad_call"))));
  }
  Task<otp::NoReplyResult> handle_cast(Process& self, const Term& req) override {
    if (tagged(req, "notify", 2)) co_await dispatch(self, req[1]);
    co_return otp::CallResult::noreply();
  }
  Task<otp::NoReplyResult> handle_info(Process& self, const Term& msg) override {
    // A monitored handler's caller went away: its handler goes too.
    if (msg.is_tagged(atoms::DOWN, 5) && msg[3].is_pid()) {
      for (size_t i = 0; i < handlers_.size();) {
        if (handlers_[i].monitor == msg[3].as_pid()) {
          handlers_[i].monitor = Pid{};
          co_await drop(self, i, T2(Term(A("stop")), msg[4]), Term(A("shutdown")));
        } else {
          ++i;
        }
      }
      co_return otp::CallResult::noreply();
    }
    for (size_t i = 0; i < handlers_.size();) {
      size_t before = handlers_.size();
      co_await run(self, i, "handle_info", msg);
      if (handlers_.size() == before) ++i;
    }
    co_return otp::CallResult::noreply();
  }
  Task<> terminate(Process& self, const Term& reason) override {
    while (!handlers_.empty()) co_await drop(self, handlers_.size() - 1, Term(A("stop")), reason);
  }
  Atom module() const override { return A("Elixir.GenEvent"); }

 private:
  size_t find(Atom mod) const {
    for (size_t i = 0; i < handlers_.size(); ++i)
      if (handlers_[i].mod == mod) return i;
    return handlers_.size();
  }

  Task<Term> add(Process& self, Term mod, Term args, Term monitor) {
    if (!mod.is_atom()) co_return T2(Term(atoms::error), T2(Term(A("bad_handler")), mod));
    if (find(mod.as_atom()) != handlers_.size()) co_return T2(Term(atoms::error), Term(A("already_present")));
    Ctx c(self, ip_);
    Term r;
    try {
      r = T2(ok(), args);  // `use GenEvent`'s init/1 (no co_await inside ?:, GCC 12)
      if (has_function(*ip_, mod.as_atom(), "init", 1)) r = co_await apply_mfa(c, mod.as_atom(), A("init"), one(args));
    } catch (const ErlangError& e) {
      co_return T2(Term(atoms::error), e.exit_reason());
    } catch (const LangExit& e) {
      co_return T2(Term(atoms::error), e.reason());
    }
    if (!(tagged(r, "ok", 2) || tagged(r, "ok", 3))) co_return tagged(r, "error", 2) ? r : T2(Term(atoms::error), r);
    Handler h{mod.as_atom(), r[1], Pid{}};
    if (monitor.is_pid()) {
      h.monitor = monitor.as_pid();
      self.monitor(h.monitor);
    }
    handlers_.push_back(std::move(h));
    co_return ok();
  }

  /// Calls handler i's `fun`(arg, state); handles its result as GenEvent does: a new state, a
  /// removal asked for, or a crash (the handler is removed and the crash logged).
  Task<Term> run(Process& self, size_t i, const char* fun, const Term& arg) {
    Atom mod = handlers_[i].mod;
    Ctx c(self, ip_);
    if (!has_function(*ip_, mod, fun, 2)) {
      if (std::string_view(fun) == "handle_call")
        co_await drop(self, i, Term(A("remove_handler")), T2(Term(A("bad_call")), arg));
      co_return Term();
    }
    Term r;
    Term crash;
    try {
      r = co_await apply_mfa(c, mod, A(fun), two(arg, handlers_[i].state));
    } catch (const ErlangError& e) {
      crash = e.exit_reason();
    } catch (const LangExit& e) {
      crash = e.reason();
    }
    if (!crash.is_atom(atoms::nil)) {
      log_crash(self, mod, crash, arg, handlers_[i].state);
      co_await drop(self, i, T2(Term(atoms::error), crash), T2(Term(atoms::EXIT), crash), false);
      co_return Term();
    }
    bool is_call = std::string_view(fun) == "handle_call";
    if (is_call && (tagged(r, "ok", 3) || tagged(r, "ok", 4))) {
      handlers_[i].state = r[2];
      co_return r[1];
    }
    if (!is_call && (tagged(r, "ok", 2) || tagged(r, "ok", 3))) {
      handlers_[i].state = r[1];
      co_return Term();
    }
    if (r.is_atom(A("remove_handler")) || (is_call && tagged(r, "remove_handler", 2))) {
      co_await drop(self, i, Term(A("remove_handler")), Term(atoms::normal));
      co_return is_call ? r[1] : Term();
    }
    Term bad = T2(Term(A("bad_return_value")), r);
    log_crash(self, mod, bad, arg, handlers_[i].state);
    co_await drop(self, i, T2(Term(atoms::error), bad), T2(Term(atoms::EXIT), bad), false);
    co_return Term();
  }

  Task<> dispatch(Process& self, const Term& event) {
    for (size_t i = 0; i < handlers_.size();) {
      size_t before = handlers_.size();
      co_await run(self, i, "handle_event", event);
      if (handlers_.size() == before) ++i;
    }
  }

  Task<Term> call(Process& self, const Term& mod, const Term& request) {
    size_t i = mod.is_atom() ? find(mod.as_atom()) : handlers_.size();
    if (i == handlers_.size()) co_return T2(Term(atoms::error), Term(A("not_found")));
    size_t before = handlers_.size();
    Term r = co_await run(self, i, "handle_call", request);
    if (handlers_.size() != before && r.is_atom(atoms::nil)) co_return T2(Term(atoms::error), Term(A("terminated")));
    co_return r;
  }

  Task<Term> remove(Process& self, const Term& mod, const Term& args) {
    size_t i = mod.is_atom() ? find(mod.as_atom()) : handlers_.size();
    if (i == handlers_.size()) co_return T2(Term(atoms::error), Term(A("not_found")));
    co_return co_await drop(self, i, args, Term(atoms::normal));
  }

  /// Removes handler i: its terminate(why, state) runs (unless it crashed), its monitoring caller
  /// is told `reason`; returns terminate's result.
  Task<Term> drop(Process& self, size_t i, Term why, Term reason, bool terminate = true) {
    Handler h = handlers_[i];
    handlers_.erase(handlers_.begin() + static_cast<std::ptrdiff_t>(i));
    Term r = ok();
    if (terminate && has_function(*ip_, h.mod, "terminate", 2)) {
      Ctx c(self, ip_);
      try {
        r = co_await apply_mfa(c, h.mod, A("terminate"), two(why, h.state));
      } catch (const ErlangError& e) {
        r = T2(Term(atoms::EXIT), e.exit_reason());
      } catch (const LangExit& e) {
        r = T2(Term(atoms::EXIT), e.reason());
      }
    }
    if (h.monitor.valid()) self.send(h.monitor, Term::tuple({Term(A("gen_event_EXIT")), Term(h.mod), reason}));
    co_return r;
  }

  void log_crash(Process& self, Atom mod, const Term& reason, const Term& msg, const Term& state) {
    ip_->log_error("GenEvent handler " + inspect_atom(mod) + " installed in " + inspect_pid(self.pid()) +
                   " terminating\n" + format_report_reason(reason) + "\nLast message: " + inspect_pretty(msg, 80) +
                   "\nState: " + inspect_pretty(state, 80));
  }

  std::shared_ptr<Interp> ip_;
  std::vector<Handler> handlers_;
};

Task<Term> start_manager(Ctx& c, const Term& opts, bool link) {
  otp::GenServerOptions o;
  o.name = opt_name(opts);
  o.module = A("Elixir.GenEvent");
  auto impl = std::make_unique<EventManager>(c.ip);
  if (link) co_return co_await otp::GenServer::start_link(c.self, std::move(impl), o);
  co_return co_await otp::GenServer::start(c.self, std::move(impl), o);
}

Task<Term> manager_call(Ctx& c, Term manager, Term req, int64_t timeout = kInfinity) {
  co_return co_await as_exit(otp::GenServer::call(c.self, std::move(manager), std::move(req), timeout));
}

}  // namespace

void register_genevent_builtins(BuiltinTable& t) {
  t.reg("GenEvent", "start_link", 0).async = [](Ctx& c, Args) -> Task<Term> { co_return co_await start_manager(c, Term::empty_list(), true); };
  t.reg("GenEvent", "start_link", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_manager(c, a[0], true); };
  t.reg("GenEvent", "start", 0).async = [](Ctx& c, Args) -> Task<Term> { co_return co_await start_manager(c, Term::empty_list(), false); };
  t.reg("GenEvent", "start", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_manager(c, a[0], false); };
  t.reg("GenEvent", "add_handler", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    Term req = Term::tuple({Term(A("add_handler")), a[1], a[2], Term()});
    co_return co_await manager_call(c, a[0], req);
  };
  t.reg("GenEvent", "add_mon_handler", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    Term req = Term::tuple({Term(A("add_handler")), a[1], a[2], Term(c.self.pid())});
    co_return co_await manager_call(c, a[0], req);
  };
  t.reg("GenEvent", "remove_handler", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    Term req = Term::tuple({Term(A("remove_handler")), a[1], a[2]});
    co_return co_await manager_call(c, a[0], req);
  };
  t.reg("GenEvent", "notify", 2).sync = [](Ctx& c, Args& a) -> Term {
    otp::GenServer::cast(c.self, a[0], T2(Term(A("notify")), a[1]));
    return ok();
  };
  auto sync = [](Ctx& c, Args a) -> Task<Term> { co_return co_await manager_call(c, a[0], T2(Term(A("sync_notify")), a[1])); };
  t.reg("GenEvent", "sync_notify", 2).async = sync;
  t.reg("GenEvent", "ack_notify", 2).async = sync;
  t.reg("GenEvent", "call", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    Term req = Term::tuple({Term(A("call")), a[1], a[2]});
    co_return co_await manager_call(c, a[0], req, 5000);
  };
  t.reg("GenEvent", "call", 4).async = [](Ctx& c, Args a) -> Task<Term> {
    Term req = Term::tuple({Term(A("call")), a[1], a[2]});
    co_return co_await manager_call(c, a[0], req, timeout_arg(a[3]));
  };
  t.reg("GenEvent", "which_handlers", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await manager_call(c, a[0], Term(A("which_handlers")));
  };
  t.reg("GenEvent", "stop", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::stop(c.self, a[0]));
  };
  t.reg("GenEvent", "stop", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::stop(c.self, a[0], a[1]));
  };
}

}  // namespace actorscope::console::detail
