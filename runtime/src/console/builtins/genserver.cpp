// GenServer's built-ins: a `use GenServer` module's callbacks run in an otp::GenServer
// (runtime/include/actorscope/otp), whose state lives in the ModuleServer.

#include "otp_common.hpp"

#include "actorscope/otp/gen_server.hpp"

namespace actorscope::console::detail {

namespace {

/// A GenServer whose callbacks are a user module's functions; the state lives here.
class ModuleServer final : public otp::GenServer {
 public:
  ModuleServer(std::shared_ptr<Interp> ip, Atom mod, Term arg) : ip_(std::move(ip)), mod_(mod), arg_(std::move(arg)) {}

  Task<otp::InitResult> init(Process& self) override {
    Ctx c(self, ip_);
    Term r = co_await apply_mfa(c, mod_, A("init"), one(arg_));
    if (tagged(r, "ok", 2)) {
      state_ = r[1];
      co_return otp::InitResult::ok();
    }
    if (tagged(r, "stop", 2)) co_return otp::InitResult::stop(r[1]);
    if (r.is_atom(A("ignore"))) co_return otp::InitResult::ignore();
    co_return otp::InitResult::stop(T2(Term(A("bad_return_value")), r));
  }

  Task<otp::CallResult> handle_call(Process& self, const Term& request, const Term& from) override {
    report_.begin(request, from);
    if (!has_function(*ip_, mod_, "handle_call", 3)) co_return otp::CallResult::stop(T2(Term(A("bad_call")), request));
    Ctx c(self, ip_);
    Term r = co_await apply_mfa(c, mod_, A("handle_call"), three(request, from, state_));
    co_return result(r);
  }
  Task<otp::NoReplyResult> handle_cast(Process& self, const Term& request) override {
    report_.begin(T2(Term(A("$gen_cast")), request));
    if (!has_function(*ip_, mod_, "handle_cast", 2)) co_return otp::CallResult::stop(T2(Term(A("bad_cast")), request));
    Ctx c(self, ip_);
    Term r = co_await apply_mfa(c, mod_, A("handle_cast"), two(request, state_));
    co_return result(r);
  }
  Task<otp::NoReplyResult> handle_info(Process& self, const Term& msg) override {
    if (!has_function(*ip_, mod_, "handle_info", 2)) co_return otp::CallResult::noreply();
    report_.begin(msg);
    Ctx c(self, ip_);
    Term r = co_await apply_mfa(c, mod_, A("handle_info"), two(msg, state_));
    co_return result(r);
  }
  Task<> terminate(Process& self, const Term& reason) override {
    if (has_function(*ip_, mod_, "terminate", 2)) {
      Ctx c(self, ip_);
      (void)co_await apply_mfa(c, mod_, A("terminate"), two(reason, state_));
    }
    report_.log(*ip_, self, reason, state_);
  }
  Atom module() const override { return mod_; }

 private:
  otp::CallResult result(const Term& r) {
    if (!tagged(r, "stop", 4) && !tagged(r, "stop", 3)) report_.done();
    if (tagged(r, "reply", 3)) {
      state_ = r[2];
      return otp::CallResult::reply(r[1]);
    }
    if (tagged(r, "noreply", 2)) {
      state_ = r[1];
      return otp::CallResult::noreply();
    }
    if (tagged(r, "stop", 4)) {
      state_ = r[3];
      return otp::CallResult::stop(r[1], r[2]);
    }
    if (tagged(r, "stop", 3)) {
      state_ = r[2];
      return otp::CallResult::stop(r[1]);
    }
    return otp::CallResult::stop(T2(Term(A("bad_return_value")), r));
  }
  std::shared_ptr<Interp> ip_;
  Atom mod_;
  Term arg_;
  Term state_;
  CrashReport report_;
};

Task<Term> gen_start(Ctx& c, Term mod, Term arg, Term opts, bool link) {
  if (!mod.is_atom()) raise_error(Term(atoms::badarg));
  otp::GenServerOptions o;
  o.name = opt_name(opts);
  o.module = mod.as_atom();
  auto impl = std::make_unique<ModuleServer>(c.ip, mod.as_atom(), arg);
  if (link) co_return co_await otp::GenServer::start_link(c.self, std::move(impl), o);
  co_return co_await otp::GenServer::start(c.self, std::move(impl), o);
}

}  // namespace

void register_genserver_builtins(BuiltinTable& t) {
  t.reg("GenServer", "start_link", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await gen_start(c, a[0], a[1], Term::empty_list(), true);
  };
  t.reg("GenServer", "start_link", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await gen_start(c, a[0], a[1], a[2], true);
  };
  t.reg("GenServer", "start", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await gen_start(c, a[0], a[1], Term::empty_list(), false);
  };
  t.reg("GenServer", "start", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await gen_start(c, a[0], a[1], a[2], false);
  };
  t.reg("GenServer", "call", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::call(c.self, a[0], a[1]));
  };
  t.reg("GenServer", "call", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::call(c.self, a[0], a[1], timeout_arg(a[2])));
  };
  t.reg("GenServer", "cast", 2).sync = [](Ctx& c, Args& a) -> Term { return otp::GenServer::cast(c.self, a[0], a[1]); };
  t.reg("GenServer", "reply", 2).sync = [](Ctx& c, Args& a) -> Term {
    otp::GenServer::reply(c.self, a[0], a[1]);
    return Term(atoms::ok);
  };
  t.reg("GenServer", "stop", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::stop(c.self, a[0]));
  };
  t.reg("GenServer", "stop", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::stop(c.self, a[0], a[1]));
  };
  t.reg("GenServer", "whereis", 1).sync = [](Ctx& c, Args& a) -> Term {
    Pid p = otp::whereis(c.self.runtime(), a[0]);
    return p.valid() ? Term(p) : Term();
  };
}

}  // namespace actorscope::console::detail
