// Agent's built-ins: an otp::GenServer holding a value.

#include "otp_common.hpp"

#include "actorscope/otp/gen_server.hpp"

#include <optional>

namespace actorscope::console::detail {

namespace {

/// Elixir's Agent: a GenServer holding a value, changed by funs sent to it.
class AgentServer final : public otp::GenServer {
 public:
  AgentServer(std::shared_ptr<Interp> ip, Term fun) : ip_(std::move(ip)), fun_(std::move(fun)) {}
  Task<otp::InitResult> init(Process& self) override {
    Ctx c(self, ip_);
    state_ = co_await apply_fun(c, fun_, Args());
    co_return otp::InitResult::ok();
  }
  Task<otp::CallResult> handle_call(Process& self, const Term& request, const Term& from) override {
    Ctx c(self, ip_);
    report_.begin(request, from);
    otp::CallResult r = co_await handle(c, request);
    report_.done();
    co_return r;
  }
  Task<> terminate(Process& self, const Term& reason) override {
    report_.log(*ip_, self, reason, state_);
    co_return;
  }
  Atom module() const override { return A("Elixir.Agent"); }

 private:
  Task<otp::CallResult> handle(Ctx& c, const Term& request) {
    if (tagged(request, "get", 2)) co_return otp::CallResult::reply(co_await apply_fun(c, request[1], one(state_)));
    if (tagged(request, "update", 2)) {
      state_ = co_await apply_fun(c, request[1], one(state_));
      co_return otp::CallResult::reply(Term(atoms::ok));
    }
    if (tagged(request, "get_and_update", 2)) {
      Term r = co_await apply_fun(c, request[1], one(state_));
      if (!r.is_tuple() || r.tuple_size() != 2) raise_error(T2(Term(A("bad_return_value")), r));
      state_ = r[1];
      co_return otp::CallResult::reply(r[0]);
    }
    co_return otp::CallResult::stop(T2(Term(A("bad_call")), request));
  }
  std::shared_ptr<Interp> ip_;
  Term fun_;
  Term state_;
  CrashReport report_;
};

/// Agent.start/1,2 and Agent.start_link/1,2: `opts` (nullopt for the /1 forms) may name it.
Task<Term> start_agent(Ctx& c, Term fun, std::optional<Term> opts, bool link) {
  otp::GenServerOptions o;
  if (opts) o.name = opt_name(*opts);
  o.module = A("Elixir.Agent");
  auto server = std::make_unique<AgentServer>(c.ip, std::move(fun));
  if (link) co_return co_await otp::GenServer::start_link(c.self, std::move(server), o);
  co_return co_await otp::GenServer::start(c.self, std::move(server), o);
}

}  // namespace

void register_agent_builtins(BuiltinTable& t) {
  // As Elixir's: what Supervisor.start_link([{Agent, fun}], ...) starts.
  t.reg("Agent", "child_spec", 1).sync = [](Ctx&, Args& a) -> Term {
    return Term::map({{Term(A("id")), Term(A("Elixir.Agent"))},
                      {Term(A("start")), Term::tuple({Term(A("Elixir.Agent")), Term(A("start_link")), Term::list({a[0]})})}});
  };
  t.reg("Agent", "start_link", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_agent(c, a[0], {}, true); };
  t.reg("Agent", "start_link", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_agent(c, a[0], a[1], true); };
  t.reg("Agent", "start", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_agent(c, a[0], {}, false); };
  t.reg("Agent", "start", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_agent(c, a[0], a[1], false); };
  t.reg("Agent", "get", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::call(c.self, a[0], T2(Term(A("get")), a[1])));
  };
  t.reg("Agent", "update", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::call(c.self, a[0], T2(Term(A("update")), a[1])));
  };
  t.reg("Agent", "get_and_update", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::call(c.self, a[0], T2(Term(A("get_and_update")), a[1])));
  };
  t.reg("Agent", "stop", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::stop(c.self, a[0]));
  };
}

}  // namespace actorscope::console::detail
