// Registry with unique keys (R8.5): a server that links to the processes that register keys.

#include "actorscope/otp/registry.hpp"

#include "otp_internal.hpp"

#include <unordered_map>

namespace actorscope::otp {

using detail::A;

namespace {

struct RegAtoms {
  Atom reg = intern("register"), lookup = intern("lookup"), unreg = intern("unregister"), keys = intern("keys"),
       already_registered = intern("already_registered"), module = intern("Elixir.Registry");
};
const RegAtoms& RA() {
  static const RegAtoms a;
  return a;
}

class RegistryServer final : public GenServer {
 public:
  Task<InitResult> init(Process& self) override {
    self.trap_exit(true);
    co_return InitResult::ok();
  }
  Task<CallResult> handle_call(Process& self, const Term& req, const Term& from) override {
    const auto& a = RA();
    Pid caller = from[0].as_pid();
    if (req.is_tagged(a.reg, 3)) {
      auto it = entries_.find(req[1]);
      if (it != entries_.end())
        co_return CallResult::reply(detail::err(Term::tuple({Term(a.already_registered), Term(it->second.first)})));
      entries_.emplace(req[1], std::make_pair(caller, req[2]));
      self.runtime().trace_label(caller, req[1]);
      auto& ks = by_pid_[caller.serial()];
      if (ks.empty()) self.link(caller);
      ks.push_back(req[1]);
      co_return CallResult::reply(detail::ok(Term(self.pid())));
    }
    if (req.is_tagged(a.lookup, 2)) {
      auto it = entries_.find(req[1]);
      if (it == entries_.end()) co_return CallResult::reply(Term::empty_list());
      co_return CallResult::reply(Term::list({Term::tuple({Term(it->second.first), it->second.second})}));
    }
    if (req.is_tagged(a.unreg, 2)) {
      auto it = entries_.find(req[1]);
      if (it != entries_.end() && it->second.first == caller) {
        entries_.erase(it);
        auto& ks = by_pid_[caller.serial()];
        std::erase(ks, req[1]);
        if (ks.empty()) {
          by_pid_.erase(caller.serial());
          self.unlink(caller);
        }
      }
      co_return CallResult::reply(Term(atoms::ok));
    }
    if (req.is_tagged(a.keys, 2) && req[1].is_pid()) {
      auto it = by_pid_.find(req[1].as_pid().serial());
      co_return CallResult::reply(it == by_pid_.end() ? Term::empty_list() : Term::list(it->second));
    }
    co_return CallResult::stop(Term::tuple({Term(A().bad_call), req}));
  }
  Task<NoReplyResult> handle_info(Process&, const Term& msg) override {
    if (msg.is_tagged(atoms::EXIT, 3) && msg[1].is_pid()) {  // R8.5
      auto it = by_pid_.find(msg[1].as_pid().serial());
      if (it != by_pid_.end()) {
        for (auto& k : it->second) entries_.erase(k);
        by_pid_.erase(it);
      }
    }
    co_return CallResult::noreply();
  }
  Atom module() const override { return RA().module; }

 private:
  std::unordered_map<Term, std::pair<Pid, Term>> entries_;
  std::unordered_map<uint64_t, std::vector<Term>> by_pid_;
};

GenServerOptions named(Atom name) {
  GenServerOptions o;
  o.name = name;
  return o;
}

}  // namespace

Task<Term> Registry::start_link(Process& self, Atom name) {
  return GenServer::start_link(self, std::make_unique<RegistryServer>(), named(name));
}
Pid Registry::start(Runtime& rt, Atom name) { return GenServer::start(rt, std::make_unique<RegistryServer>(), named(name)); }
ChildSpec Registry::child_spec(Atom name) {
  ChildSpec s = GenServer::child_spec(
      Term(name), []() -> std::unique_ptr<GenServer> { return std::make_unique<RegistryServer>(); }, named(name));
  s.module = RA().module;
  return s;
}
Task<Term> Registry::register_key(Process& self, Term registry, Term key, Term value) {
  return GenServer::call(self, std::move(registry), Term::tuple({Term(RA().reg), std::move(key), std::move(value)}));
}
Task<Term> Registry::lookup(Process& self, Term registry, Term key) {
  return GenServer::call(self, std::move(registry), Term::tuple({Term(RA().lookup), std::move(key)}));
}
Task<Term> Registry::unregister(Process& self, Term registry, Term key) {
  return GenServer::call(self, std::move(registry), Term::tuple({Term(RA().unreg), std::move(key)}));
}
Task<Term> Registry::keys(Process& self, Term registry, Pid pid) {
  return GenServer::call(self, std::move(registry), Term::tuple({Term(RA().keys), Term(pid)}));
}

}  // namespace actorscope::otp
