// Application: a named root supervisor started and stopped as a whole.

#include "actorscope/otp/application.hpp"

#include "otp_internal.hpp"

namespace actorscope::otp {

namespace {
const Atom& not_started() {
  static const Atom a = intern("not_started");
  return a;
}
SupervisorOptions root_options(const ApplicationSpec& spec) {
  SupervisorOptions o = spec.options;
  o.name = spec.name;
  return o;
}
}  // namespace

Pid Application::start(Runtime& rt, ApplicationSpec spec) {
  if (rt.whereis(spec.name).valid()) return Pid{};
  return Supervisor::start(rt, std::move(spec.children), root_options(spec));
}

bool Application::stop(Runtime& rt, Atom name) { return GenServer::stop(rt, Term(name), Term(atoms::shutdown)); }

Task<Term> Application::start(Process& self, ApplicationSpec spec) {
  if (self.runtime().whereis(spec.name).valid())
    co_return detail::err(Term::tuple({Term(detail::A().already_started), Term(spec.name)}));
  // Started linked (init must finish before we answer), then unlinked: the application lives on
  // its own, as under OTP's application master.
  Term r = co_await Supervisor::start_link(self, std::move(spec.children), root_options(spec));
  if (r.is_tagged(atoms::ok, 2)) self.unlink(r[1].as_pid());
  co_return r;
}

Task<Term> Application::stop(Process& self, Atom name) {
  if (!self.runtime().whereis(name).valid()) co_return detail::err(Term::tuple({Term(not_started()), Term(name)}));
  co_return co_await GenServer::stop(self, Term(name), Term(atoms::shutdown));
}

}  // namespace actorscope::otp
