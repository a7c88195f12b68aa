#pragma once
// What the OTP built-in files (genserver.cpp, agent.cpp, task.cpp, supervisor.cpp) share: the
// crash report of a server, the options they read, and client calls as the language's exits.
// Each runs in the process that calls it.

#include "args.hpp"

namespace actorscope::console::detail {

/// t is the tuple {:tag, ...} of n elements.
inline bool tagged(const Term& t, const char* tag, size_t n) { return t.is_tagged(A(tag), n); }

/// What OTP's gen_server logs when a server ends with a reason other than :normal, :shutdown or
/// {:shutdown, _}: "GenServer #PID<...> terminating", the reason, the last message (with its
/// caller for a call), the state, and for a call whether the caller is alive. The callbacks note
/// the message they handle; a stop asked by GenServer.stop/2 reports "Last message: []".
struct CrashReport {
  Term last_msg;
  Term from;  // {pid, tag} of a call, or nil
  bool pending = false;
  void begin(Term msg, Term caller = Term()) {
    last_msg = std::move(msg);
    from = std::move(caller);
    pending = true;
  }
  void done() { pending = false; }
  void log(Interp& ip, Process& self, const Term& reason, const Term& state) const {
    std::string why = format_report_reason(reason);
    if (why.empty()) return;
    // A registered server is named by its name ("GenServer Counter terminating").
    std::string who = inspect_pid(self.pid());
    Term reg = self.runtime().info(self.pid(), A("registered_name"));
    if (reg.is_tuple() && reg.tuple_size() == 2 && reg[1].is_atom()) who = inspect_atom(reg[1].as_atom());
    std::string r = "GenServer " + who + " terminating\n" + why + "\n";
    Pid client;
    if (pending && from.is_tuple() && from.tuple_size() == 2 && from[0].is_pid()) client = from[0].as_pid();
    if (!pending)
      r += "Last message: []\n";
    else if (client.valid())
      r += "Last message (from " + inspect_pid(client) + "): " + inspect_pretty(last_msg, 80) + "\n";
    else
      r += "Last message: " + inspect_pretty(last_msg, 80) + "\n";
    r += "State: " + inspect_pretty(state, 80);
    if (client.valid()) r += "\nClient " + inspect_pid(client) + (self.runtime().alive(client) ? " is alive" : " is dead");
    ip.log_error(r);
  }
};

/// True when the session's module `mod` defines fun/arity (a callback that may be left out).
inline bool has_function(Interp& ip, Atom mod, const char* fun, int arity) {
  auto m = ip.module(mod);
  return m && m->find(A(fun), arity);
}

/// The `name:` option (nil without one).
Atom opt_name(const Term& opts);
/// A timeout argument: :infinity or a non-negative integer (badarg otherwise).
int64_t timeout_arg(const Term& t);
/// OTP client calls end the caller by throwing ProcessExit; the language treats that as exit/1,
/// so the shell reports it ("** (exit) ...") instead of dying.
Task<Term> as_exit(Task<Term> task);

}  // namespace actorscope::console::detail
