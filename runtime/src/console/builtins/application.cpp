// Application's built-ins for applications defined in the session: `use Application` modules
// (found by name, as mix's `mod:` would name them) or ones loaded with :application.load/1.
// Each started application has a master process (labelled "application NAME" in the graph) that
// calls Mod.start/2, links to the top supervisor it returns, and stops it on Application.stop/1.

#include "otp_common.hpp"

#include "actorscope/process.hpp"

namespace actorscope::console::detail {

namespace {

/// Applications that are always running (the BEAM's own and Elixir's).
bool builtin_app(const Term& app) {
  for (const char* a : {"kernel", "stdlib", "elixir", "logger", "compiler", "iex"})
    if (app.is_atom(A(a))) return true;
  return false;
}

Term field(const Term& rec, const char* k) {
  const Term* v = rec.map_get(Term(A(k)));
  return v ? *v : Term();
}

Term new_record(Term mod, Term apps, std::vector<std::pair<Term, Term>> env, Term spec, bool loaded) {
  return Term::map({{Term(A("mod")), std::move(mod)},
                    {Term(A("applications")), std::move(apps)},
                    {Term(A("env")), Term::map(std::move(env))},
                    {Term(A("spec")), std::move(spec)},
                    {Term(A("loaded")), Term::boolean(loaded)},
                    {Term(A("master")), Term()}});
}

/// The record of a loaded application (the BEAM's and Elixir's own are loaded and running from
/// the start); nil when it is not loaded. An application needs :application.load/1 first, as in
/// an `elixir` script without mix.
Term record(Ctx& c, const Term& app) {
  std::lock_guard g(c.ip->apps_m);
  auto it = c.ip->apps.find(app.as_atom().id);
  if (it == c.ip->apps.end() && builtin_app(app)) {
    Term rec = new_record(Term(), Term::empty_list(), {}, Term::empty_list(), true);
    rec = map_update(rec, {{Term(A("master")), Term(A("library"))}}, false);
    it = c.ip->apps.emplace(app.as_atom().id, rec).first;
  }
  if (it == c.ip->apps.end() || !field(it->second, "loaded").is_atom(atoms::true_)) return Term();
  return it->second;
}

void store(Ctx& c, const Term& app, const Term& rec) {
  std::lock_guard g(c.ip->apps_m);
  c.ip->apps[app.as_atom().id] = rec;
}

bool started(Ctx& c, const Term& app) {
  Term rec = record(c, app);
  if (!rec.is_map()) return false;
  Term m = field(rec, "master");
  return m.is_atom(A("library")) || (m.is_pid() && rt(c).alive(m.as_pid()));
}

Term not_found(const Term& app) {
  std::string file = std::string(atom_name(app.as_atom())) + ".app";
  auto charlist = [](std::string_view s) {
    std::vector<Term> v;
    for (char ch : s) v.emplace_back(static_cast<long long>(static_cast<unsigned char>(ch)));
    return Term::list(v);
  };
  return T2(Term(atoms::error), T2(charlist("no such file or directory"), charlist(file)));
}

/// The master: runs Mod.start(:normal, args), reports to the starter, then holds the tree until
/// told to stop (or the tree ends).
Task<> app_master(Process& self, std::shared_ptr<Interp> ip, Term app, Term mod_args, Pid starter) {
  self.trap_exit(true);
  self.runtime().trace_label(self.pid(), Term::binary("application " + std::string(atom_name(app.as_atom()))));
  Ctx c(self, ip);
  Atom mod = mod_args[0].as_atom();
  Term r;
  try {
    r = co_await apply_mfa(c, mod, A("start"), two(Term(A("normal")), mod_args[1]));
  } catch (const ErlangError& e) {
    r = T2(Term(atoms::error), e.exit_reason());
  } catch (const LangExit& e) {
    r = T2(Term(atoms::error), e.reason());
  }
  if (!((tagged(r, "ok", 2) || tagged(r, "ok", 3)) && r[1].is_pid())) {
    Term why = tagged(r, "error", 2) ? r[1] : T2(Term(A("bad_return")), T2(Term::tuple({Term(mod), Term(A("start")), Term::list({Term(A("normal")), mod_args[1]})}), r));
    self.send(starter, Term::tuple({Term(A("$app_started")), app, T2(Term(atoms::error), T2(why, Term::tuple({Term(mod), Term(A("start")), Term::list({Term(A("normal")), mod_args[1]})})))}));
    co_return;
  }
  Pid top = r[1].as_pid();
  Term state = tagged(r, "ok", 3) ? r[2] : Term::empty_list();
  self.link(top);
  self.send(starter, Term::tuple({Term(A("$app_started")), app, ok()}));
  Term m = co_await self.receive([top](const Term& t) {
    return t.is_tagged(A("$app_stop"), 2) || (t.is_tagged(atoms::EXIT, 3) && t[1].is_pid() && t[1].as_pid() == top);
  });
  Term reason = Term(A("stopped"));
  if (m.is_tagged(A("$app_stop"), 2)) {
    Ref mon = self.monitor(top);
    self.exit(top, Term(atoms::shutdown));
    (void)co_await self.receive([mon](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].as_ref() == mon; });
    if (has_function(*ip, mod, "stop", 1)) (void)co_await apply_mfa(c, mod, A("stop"), one(state));
    self.send(m[1].as_pid(), T2(Term(A("$app_stopped")), app));
    ip->log(5, "notice", "Application " + std::string(atom_name(app.as_atom())) + " exited: :stopped");
  } else {
    reason = m[2];
    ip->log(5, "notice", "Application " + std::string(atom_name(app.as_atom())) + " exited: " + inspect_pretty(reason));
  }
}

Task<Term> start_app(Ctx& c, Term app) {
  if (!app.is_atom()) raise_error(T2(Term(A("badarg")), app));
  Term rec = record(c, app);
  if (!rec.is_map()) co_return not_found(app);
  if (started(c, app)) co_return T2(Term(atoms::error), T2(Term(A("already_started")), app));
  for (const Term& dep : field(rec, "applications").list_elements())
    if (!started(c, dep)) co_return T2(Term(atoms::error), T2(Term(A("not_started")), dep));
  Term mod_args = field(rec, "mod");
  if (!mod_args.is_tuple()) {  // a library application: nothing to start
    store(c, app, map_update(rec, {{Term(A("master")), Term(A("library"))}}, false));
    co_return ok();
  }
  SpawnOptions o;
  Pid master = actorscope::detail::spawn_in(actorscope::detail::core_of(c.self), &c.self, o, nullptr, &app_master, c.ip,
                                            app, mod_args, c.self.pid());
  Term reply = co_await c.self.receive([app](const Term& t) { return t.is_tagged(A("$app_started"), 3) && t[1] == app; });
  if (reply[2].is_atom(atoms::ok)) store(c, app, map_update(rec, {{Term(A("master")), Term(master)}}, false));
  co_return reply[2];
}

Task<Term> ensure_all(Ctx& c, Term app, std::vector<Term>& done) {
  if (started(c, app)) co_return ok();
  Term rec = record(c, app);
  if (!rec.is_map()) co_return T2(Term(atoms::error), T2(app, not_found(app)[1]));
  for (const Term& dep : field(rec, "applications").list_elements()) {
    Term r = co_await ensure_all(c, dep, done);
    if (!r.is_atom(atoms::ok)) co_return r;
  }
  Term r = co_await start_app(c, app);
  if (r.is_atom(atoms::ok)) done.push_back(app);
  else if (tagged(r, "error", 2)) r = T2(Term(atoms::error), T2(app, r[1]));
  co_return r;
}

/// The environment of `app`, loaded or not (put_env works before a load, as on the BEAM).
Term env_of(Ctx& c, const Term& app) {
  if (!app.is_atom()) return Term::map({});
  std::lock_guard g(c.ip->apps_m);
  auto it = c.ip->apps.find(app.as_atom().id);
  return it == c.ip->apps.end() ? Term::map({}) : field(it->second, "env");
}

}  // namespace

void register_application_builtins(BuiltinTable& t) {
  t.reg("Application", "start", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_app(c, a[0]); };
  t.reg("Application", "start", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_app(c, a[0]); };
  t.reg("Application", "ensure_all_started", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> done;
    Term r = co_await ensure_all(c, a[0], done);
    if (!r.is_atom(atoms::ok)) co_return r;
    co_return T2(ok(), Term::list(done));
  };
  t.reg("Application", "ensure_started", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    if (started(c, a[0])) co_return ok();
    co_return co_await start_app(c, a[0]);
  };
  t.reg("Application", "stop", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    Term rec = a[0].is_atom() ? record(c, a[0]) : Term();
    if (!rec.is_map() || !started(c, a[0])) co_return T2(Term(atoms::error), T2(Term(A("not_started")), a[0]));
    Term master = field(rec, "master");
    store(c, a[0], map_update(rec, {{Term(A("master")), Term()}}, false));
    if (!master.is_pid()) co_return ok();
    c.self.send(master.as_pid(), T2(Term(A("$app_stop")), Term(c.self.pid())));
    Term app = a[0];
    (void)co_await c.self.receive([app](const Term& m) { return m.is_tagged(A("$app_stopped"), 2) && m[1] == app; });
    co_return ok();
  };
  t.reg(":application", "load", 1).sync = [](Ctx& c, Args& a) -> Term {
    // {:application, name, [mod: {m, args}, applications: [...], env: [...], ...]}
    const Term& d = a[0];
    if (!(d.is_tuple() && d.tuple_size() == 3 && d[0].is_atom(A("application")) && d[1].is_atom() && d[2].is_list()))
      return T2(Term(atoms::error), T2(Term(A("bad_application")), d));
    Term mod, apps = Term::empty_list();
    std::vector<std::pair<Term, Term>> env;
    for (auto& [k, v] : keyword_pairs(d[2])) {
      if (k.is_atom(A("mod"))) mod = v;
      if (k.is_atom(A("applications"))) apps = v;
      if (k.is_atom(A("env"))) env = keyword_pairs(v);
    }
    std::lock_guard g(c.ip->apps_m);
    auto it = c.ip->apps.find(d[1].as_atom().id);
    if (it != c.ip->apps.end() && field(it->second, "loaded").is_atom(atoms::true_))
      return T2(Term(atoms::error), T2(Term(A("already_loaded")), d[1]));
    if (it != c.ip->apps.end())  // put_env before the load wins over the resource's env
      for (auto& [k, v] : field(it->second, "env").map_entries()) env.emplace_back(k, v);
    c.ip->apps[d[1].as_atom().id] = new_record(mod, apps, std::move(env), d[2], true);
    return ok();
  };
  t.reg("Application", "unload", 1).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[0].is_atom()) badarg();
    if (started(c, a[0])) return T2(Term(atoms::error), T2(Term(A("running")), a[0]));
    std::lock_guard g(c.ip->apps_m);
    if (!c.ip->apps.erase(a[0].as_atom().id)) return T2(Term(atoms::error), T2(Term(A("not_loaded")), a[0]));
    return ok();
  };
  t.reg("Application", "spec", 2).sync = [](Ctx& c, Args& a) -> Term {
    Term rec = a[0].is_atom() ? record(c, a[0]) : Term();
    if (!rec.is_map()) return Term();
    for (auto& [k, v] : keyword_pairs(field(rec, "spec")))
      if (k == a[1]) return v;
    return Term();
  };
  t.reg("Application", "started_applications", 0).sync = [](Ctx& c, Args&) -> Term {
    std::vector<Term> names;
    {
      std::lock_guard g(c.ip->apps_m);
      for (auto& [id, rec] : c.ip->apps) names.emplace_back(Atom{id});
    }
    std::vector<Term> out;
    for (const Term& app : names) {
      if (!started(c, app)) continue;
      Term rec = record(c, app);
      Term desc = Term::empty_list(), vsn = Term::empty_list();
      for (auto& [k, v] : keyword_pairs(field(rec, "spec"))) {
        if (k.is_atom(A("description"))) desc = v;
        if (k.is_atom(A("vsn"))) vsn = v;
      }
      out.push_back(Term::tuple({app, desc, vsn}));
    }
    return Term::list(out);
  };
  t.reg("Application", "get_env", 2).sync = [](Ctx& c, Args& a) -> Term {
    const Term* v = env_of(c, a[0]).map_get(a[1]);
    return v ? *v : Term();
  };
  t.reg("Application", "get_env", 3).sync = [](Ctx& c, Args& a) -> Term {
    const Term* v = env_of(c, a[0]).map_get(a[1]);
    return v ? *v : a[2];
  };
  t.reg("Application", "fetch_env", 2).sync = [](Ctx& c, Args& a) -> Term {
    const Term* v = env_of(c, a[0]).map_get(a[1]);
    return v ? T2(ok(), *v) : Term(atoms::error);
  };
  t.reg("Application", "fetch_env!", 2).sync = [](Ctx& c, Args& a) -> Term {
    const Term* v = env_of(c, a[0]).map_get(a[1]);
    if (!v)
      raise_message("ArgumentError", "could not fetch application environment " + inspect_pretty(a[1]) + " for application " +
                                         inspect_pretty(a[0]) + " because configuration at " + inspect_pretty(a[1]) +
                                         " was not set");
    return *v;
  };
  t.reg("Application", "get_all_env", 1).sync = [](Ctx& c, Args& a) -> Term {
    Term env = env_of(c, a[0]);
    std::vector<Term> kv;
    for (auto& [k, v] : env.map_entries()) kv.push_back(T2(k, v));
    return Term::list(kv);
  };
  t.reg("Application", "put_env", 3).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[0].is_atom()) badarg();
    Term rec;
    {
      std::lock_guard g(c.ip->apps_m);
      auto it = c.ip->apps.find(a[0].as_atom().id);
      rec = it != c.ip->apps.end() ? it->second : new_record(Term(), Term::empty_list(), {}, Term::empty_list(), false);
    }
    Term env = map_update(field(rec, "env"), {{a[1], a[2]}}, false);
    store(c, a[0], map_update(rec, {{Term(A("env")), env}}, false));
    return ok();
  };
}

}  // namespace actorscope::console::detail
