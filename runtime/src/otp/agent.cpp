// Agent: a GenServer holding one value (R8.4).

#include "actorscope/otp/agent.hpp"

#include "otp_internal.hpp"

namespace actorscope::otp {

using detail::A;

namespace {

struct AgentAtoms {
  Atom get = intern("get"), update = intern("update"), get_and_update = intern("get_and_update"),
       module = intern("Elixir.Agent.Server");
};
const AgentAtoms& AA() {
  static const AgentAtoms a;
  return a;
}

class AgentServer final : public GenServer {
 public:
  explicit AgentServer(Agent::InitFn f) : init_(std::move(f)) {}
  Task<InitResult> init(Process&) override {
    state_ = init_();
    init_ = nullptr;
    co_return InitResult::ok();
  }
  Task<CallResult> handle_call(Process&, const Term& req, const Term&) override {
    const auto& a = AA();
    if (req.is_tuple() && req.tuple_size() == 2) {
      Agent::Fn* f = detail::unbox<Agent::Fn>(req[1]);
      if (f && req[0].is_atom(a.get)) co_return CallResult::reply((*f)(state_));
      if (f && req[0].is_atom(a.update)) {
        state_ = (*f)(state_);
        co_return CallResult::reply(Term(atoms::ok));
      }
      if (f && req[0].is_atom(a.get_and_update)) {
        Term r = (*f)(state_);
        if (!r.is_tuple() || r.tuple_size() != 2) throw ErlangError(Term::tuple({Term(intern("bad_return_value")), r}));
        state_ = r[1];
        co_return CallResult::reply(r[0]);
      }
    }
    co_return CallResult::stop(Term::tuple({Term(A().bad_call), req}));
  }
  Atom module() const override { return AA().module; }

 private:
  Agent::InitFn init_;
  Term state_;
};

}  // namespace

Task<Term> Agent::start_link(Process& self, InitFn init, GenServerOptions opts) {
  return GenServer::start_link(self, std::make_unique<AgentServer>(std::move(init)), opts);
}
Pid Agent::start(Runtime& rt, InitFn init, GenServerOptions opts) {
  return GenServer::start(rt, std::make_unique<AgentServer>(std::move(init)), opts);
}
ChildSpec Agent::child_spec(Term id, InitFn init, GenServerOptions opts) {
  ChildSpec s = GenServer::child_spec(
      std::move(id), [init]() -> std::unique_ptr<GenServer> { return std::make_unique<AgentServer>(init); }, opts);
  s.module = intern("Elixir.Agent");
  return s;
}
Task<Term> Agent::get(Process& self, Term agent, Fn fun, int64_t timeout_ms) {
  return GenServer::call(self, std::move(agent), Term::tuple({Term(AA().get), detail::box(std::move(fun), "agent_fun/1")}),
                         timeout_ms);
}
Task<Term> Agent::update(Process& self, Term agent, Fn fun, int64_t timeout_ms) {
  return GenServer::call(self, std::move(agent),
                         Term::tuple({Term(AA().update), detail::box(std::move(fun), "agent_fun/1")}), timeout_ms);
}
Task<Term> Agent::get_and_update(Process& self, Term agent, Fn fun, int64_t timeout_ms) {
  return GenServer::call(self, std::move(agent),
                         Term::tuple({Term(AA().get_and_update), detail::box(std::move(fun), "agent_fun/1")}),
                         timeout_ms);
}
Task<Term> Agent::stop(Process& self, Term agent, Term reason, int64_t timeout_ms) {
  return GenServer::stop(self, std::move(agent), std::move(reason), timeout_ms);
}

}  // namespace actorscope::otp
