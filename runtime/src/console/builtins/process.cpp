// The Process module's built-ins, and spawning and sending as Kernel and :erlang share them
// (spawn_fun, spawn_mfa, do_send).

#include "args.hpp"

namespace actorscope::console::detail {

namespace {

Term check_fun0(const Term& f) {
  if (!f.is_fun()) badarg();
  return f;
}

SpawnOptions mfa_opts(const Args& a) {
  SpawnOptions o;
  o.initial_call = InitialCall{need_atom(a[0]), need_atom(a[1]), static_cast<int>(need_list(a[2]).list_length())};
  return o;
}

}  // namespace

Term spawn_fun(Ctx& c, const Term& fun, bool link, bool monitor, int node) {
  check_fun0(fun);
  SpawnOptions o;
  o.node = node;
  o.link = link;
  o.monitor = monitor;
  Ref r;
  Pid p = actorscope::detail::spawn_in(actorscope::detail::core_of(c.self), &c.self, o, monitor ? &r : nullptr,
                                        &process_main, c.ip, fun, Atom{}, Atom{}, std::vector<Term>{});
  if (monitor) return Term::tuple({Term(p), Term(r)});
  return Term(p);
}

Term spawn_mfa(Ctx& c, const Args& a, bool link, bool monitor, int node) {
  SpawnOptions o = mfa_opts(a);
  o.node = node;
  o.link = link;
  o.monitor = monitor;
  Ref r;
  Pid p = actorscope::detail::spawn_in(actorscope::detail::core_of(c.self), &c.self, o, monitor ? &r : nullptr,
                                        &process_main, c.ip, Term(), a[0].as_atom(), a[1].as_atom(), a[2].list_elements());
  if (monitor) return Term::tuple({Term(p), Term(r)});
  return Term(p);
}

Term do_send(Ctx& c, const Term& dest, const Term& msg) {
  if (dest.is_pid()) {
    c.self.send(dest.as_pid(), msg);
  } else if (dest.is_atom()) {
    Pid p = rt(c).whereis(dest.as_atom());
    if (!p.valid()) raise_bif_badarg("1st argument: invalid destination");
    c.self.send(p, msg);
  } else if (dest.is_tuple() && dest.tuple_size() == 2 && dest[0].is_atom() && dest[1].is_atom()) {
    send_to_named(c, dest, msg);
  } else {
    raise_bif_badarg("1st argument: invalid destination");
  }
  return msg;
}
void register_process_builtins(BuiltinTable& t) {
  t.reg("Process", "exit", 2).sync = [](Ctx& c, Args& a) -> Term {
    return Term::boolean(c.self.exit(need_pid(a[0]).as_pid(), a[1]));
  };
  t.reg("Process", "link", 1).sync = [](Ctx& c, Args& a) -> Term {
    try {
      return Term::boolean(c.self.link(need_pid(a[0]).as_pid()));
    } catch (const ErlangError& e) {
      raise_error(e.reason());
    }
  };
  t.reg("Process", "unlink", 1).sync = [](Ctx& c, Args& a) -> Term { return Term::boolean(c.self.unlink(need_pid(a[0]).as_pid())); };
  t.reg("Process", "monitor", 1).sync = [](Ctx& c, Args& a) -> Term {
    if (a[0].is_pid()) return Term(c.self.monitor(a[0].as_pid()));
    if (a[0].is_atom()) return Term(c.self.monitor(a[0].as_atom()));
    if (a[0].is_tuple() && a[0].tuple_size() == 2 && a[0][0].is_atom() && a[0][1].is_atom()) return monitor_named(c, a[0]);
    badarg();
  };
  t.reg("Process", "demonitor", 1).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[0].is_ref()) badarg();
    return Term::boolean(c.self.demonitor(a[0].as_ref()));
  };
  t.reg("Process", "demonitor", 2).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[0].is_ref()) badarg();
    DemonitorOptions o;
    for (const Term& x : need_list(a[1]).list_elements()) {
      if (x.is_atom(atoms::flush)) o.flush = true;
      else if (x.is_atom(atoms::info)) o.info = true;
      else badarg();
    }
    return Term::boolean(c.self.demonitor(a[0].as_ref(), o));
  };
  t.reg("Process", "flag", 2).sync = [](Ctx& c, Args& a) -> Term {
    if (a[0].is_atom(atoms::trap_exit) && a[1].is_boolean()) return Term::boolean(c.self.trap_exit(a[1].as_bool()));
    badarg();
  };
  for (const char* mod : {"Process", ":erlang"})
    t.reg(mod, mod[0] == ':' ? "is_process_alive" : "alive?", 1).sync = [](Ctx& c, Args& a) -> Term {
      return Term::boolean(rt(c).alive(need_pid(a[0]).as_pid()));
    };
  t.reg("Process", "info", 1).sync = [](Ctx& c, Args& a) -> Term { return rt(c).info(need_pid(a[0]).as_pid()); };
  t.reg("Process", "info", 2).sync = [](Ctx& c, Args& a) -> Term {
    Pid p = need_pid(a[0]).as_pid();
    if (a[1].is_list()) {
      std::vector<Term> out;
      for (const Term& it : a[1].list_elements()) {
        Term r = rt(c).info(p, need_atom(it));
        if (r.is_atom(atoms::nil)) return r;
        out.push_back(r);
      }
      return Term::list(out);
    }
    return rt(c).info(p, need_atom(a[1]));
  };
  t.reg("Process", "register", 2).sync = [](Ctx& c, Args& a) -> Term {
    // Elixir's Process.register/2 guard: an atom other than nil, false, true and :undefined.
    if (!a[1].is_atom() || a[1].is_atom(intern("nil")) || a[1].is_atom(intern("false")) ||
        a[1].is_atom(intern("true")) || a[1].is_atom(intern("undefined")))
      fce("Process", "register", 2);
    Pid p = need_pid(a[0]).as_pid();
    Atom name = need_atom(a[1]);
    try {
      rt(c).register_name(p, name);
    } catch (const ErlangError&) {
      arg_error("could not register " + inspect_pretty(a[0]) + " with name " + inspect_pretty(a[1]) +
                " because it is not alive, the name is already taken, or it has already been given another name");
    }
    return Term(atoms::true_);
  };
  t.reg("Process", "unregister", 1).sync = [](Ctx& c, Args& a) -> Term {
    try {
      rt(c).unregister(need_atom(a[0]));
    } catch (const ErlangError&) {
      raise_bif_badarg("1st argument: not a pid");
    }
    return Term(atoms::true_);
  };
  t.reg("Process", "whereis", 1).sync = [](Ctx& c, Args& a) -> Term {
    Pid p = rt(c).whereis(need_atom(a[0]));
    return p.valid() ? Term(p) : Term();
  };
  t.reg("Process", "registered", 0).sync = [](Ctx& c, Args&) -> Term {
    std::vector<Term> v;
    for (Atom n : rt(c).registered()) v.push_back(Term(n));
    return Term::list(v);
  };
  t.reg("Process", "list", 0).sync = [](Ctx& c, Args&) -> Term {
    std::vector<Term> v;
    for (Pid p : rt(c).processes()) v.push_back(Term(p));
    return Term::list(v);
  };
  t.reg("Process", "sleep", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await sleep_ms(c, a[0]); };
  t.reg("Process", "put", 2).sync = [](Ctx& c, Args& a) -> Term { return c.self.put(a[0], a[1]); };
  t.reg("Process", "get", 1).sync = [](Ctx& c, Args& a) -> Term { return c.self.get(a[0]); };
  t.reg("Process", "send", 3).sync = [](Ctx& c, Args& a) -> Term {
    do_send(c, a[0], a[1]);
    return ok();
  };
  t.reg("Process", "send_after", 3).sync = [](Ctx& c, Args& a) -> Term { return start_timer(c, a[0], a[1], a[2], false); };
  t.reg("Process", "send_after", 4).sync = [](Ctx& c, Args& a) -> Term { return start_timer(c, a[0], a[1], a[2], false); };
  t.reg("Process", "cancel_timer", 1).sync = [](Ctx& c, Args& a) -> Term { return timer_left(c, a[0], true); };
  t.reg("Process", "cancel_timer", 2).sync = [](Ctx& c, Args& a) -> Term { return timer_left(c, a[0], true); };
  t.reg("Process", "read_timer", 1).sync = [](Ctx& c, Args& a) -> Term { return timer_left(c, a[0], false); };
}

}  // namespace actorscope::console::detail
