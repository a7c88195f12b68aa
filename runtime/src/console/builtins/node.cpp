// Distribution as the BEAM offers it to a script (SEMANTICS R9): Node, node/0,1, :erlang's node
// functions, :net_kernel, :net_adm, :rpc and :peer, over the runtime's nodes (Runtime::add_node).
// A process answers for its own node: node() is the caller's node, names resolve there, and a
// runtime whose node 0 was never named by Node.start/2 is :nonode@nohost, not distributed, so a
// distribution call fails as it does on a BEAM started without a name.

#include "args.hpp"

#include "actorscope/faults.hpp"

#include <unistd.h>

namespace actorscope::console::detail {

namespace {

using NodeId = Runtime::NodeId;

/// A name or host given as an atom, a binary or a charlist (ASCII), as :peer takes them.
std::string text_of(const Term& t) {
  if (t.is_atom()) return std::string(atom_name(t.as_atom()));
  if (t.is_binary()) return std::string(t.as_binary());
  std::string out;
  if (!t.is_list()) badarg();
  for (const Term& ch : t.list_elements()) {
    if (!ch.is_integer() || ch.as_integer() <= 0 || ch.as_integer() > 127) badarg();
    out += static_cast<char>(ch.as_integer());
  }
  return out;
}

NodeId self_node(Ctx& c) { return rt(c).node_of(c.self.pid()); }
Atom node_name(Ctx& c, NodeId n) { return rt(c).nodes().at(n); }
bool alive(Ctx& c) { return node_name(c, self_node(c)) != atoms::nonode; }

/// The live node called `name`, if any (the caller's own included).
std::optional<NodeId> find_node(Ctx& c, const Term& name) {
  if (!name.is_atom() || name.is_atom(atoms::nonode)) return std::nullopt;
  return rt(c).node_id(name.as_atom());
}

/// The node a call names: the caller's own by its name (even :nonode@nohost), another live node
/// only when the caller is distributed (alive).
std::optional<NodeId> named_node(Ctx& c, const Term& name) {
  if (name.is_atom() && name.as_atom() == node_name(c, self_node(c))) return self_node(c);
  return alive(c) ? find_node(c, name) : std::nullopt;
}

/// Connects the caller's node to `n` if needed (R9.2); false when it cannot be reached.
bool reach(Ctx& c, NodeId n) { return n == self_node(c) || rt(c).connect_nodes(self_node(c), n); }

Term node_list(Ctx& c) {
  std::vector<Term> out;
  if (!alive(c)) return Term::empty_list();
  for (NodeId n : rt(c).connected_nodes(self_node(c))) out.emplace_back(node_name(c, n));
  return Term::list(std::move(out));
}

Term node_list_of(Ctx& c, const Term& which, const char* fun) {
  std::vector<Term> kinds = which.is_list() ? which.list_elements() : std::vector<Term>{which};
  std::vector<Term> out;
  for (const Term& k : kinds) {
    std::string_view s = k.is_atom() ? atom_name(k.as_atom()) : "";
    if (s == "this") {
      out.emplace_back(node_name(c, self_node(c)));
    } else if (s == "visible" || s == "connected" || s == "known") {
      for (const Term& n : node_list(c).list_elements()) out.push_back(n);
    } else if (s != "hidden") {
      fce("Node", fun, 1);
    }
  }
  return Term::list(std::move(out));
}

/// The pid that Node.start/2 reports: a process standing for net_kernel, registered as :net_kernel.
Task<> net_kernel_main(Process& self) {
  (void)co_await self.receive([](const Term&) { return false; });
}

Term node_start(Ctx& c, const Term& name, const Term& type) {
  if (!name.is_atom() || !type.is_atom()) fce("Node", "start", 3);
  NodeId me = self_node(c);
  if (alive(c)) return T2(Term(atoms::error), T2(Term(A("already_started")), Term(rt(c).whereis(A("net_kernel")))));
  std::string full(atom_name(name.as_atom()));
  if (full.find('@') == std::string::npos) {
    char host[256] = "localhost";
    (void)gethostname(host, sizeof host - 1);
    std::string h(host);
    if (type.is_atom(A("shortnames"))) h = h.substr(0, h.find('.'));
    full += "@" + h;
  }
  try {
    rt(c).set_node_name(me, intern(full));
  } catch (const ErlangError&) {
    return T2(Term(atoms::error), Term(A("duplicate_name")));
  }
  Pid nk = c.self.spawn(&net_kernel_main);
  rt(c).register_name(nk, A("net_kernel"));
  return T2(ok(), Term(nk));
}

/// Where a spawn on `node` runs: the node's id, or nullopt after logging what the BEAM logs when
/// it cannot reach the node (the spawn then returns a pid that is already dead).
std::optional<NodeId> spawn_target(Ctx& c, const Term& node, const std::string& what) {
  if (!node.is_atom()) raise_bif_badarg("1st argument: not an atom");
  std::optional<NodeId> n = named_node(c, node);
  if (n && reach(c, *n)) return n;
  // Erlang's format ends with ~n, which Logger keeps: a blank line after the report.
  c.ip->log_later(c.self, c.ip, 4, "warning", "** Can not start " + what + " on " + inspect(node) + " **\n");
  return std::nullopt;
}

Term remote_spawn(Ctx& c, const Term& node, const Args* mfa, const Term& fun, bool link, bool monitor) {
  std::string what = mfa ? inspect((*mfa)[0]) + ":" + inspect((*mfa)[1]) + "," + inspect((*mfa)[2])
                         : ":erlang::apply," + inspect(Term::list({fun, Term::empty_list()}));
  if (link) what += " ([:link])";
  if (monitor) what += " ([:monitor])";
  if (mfa) {
    need_atom((*mfa)[0]);
    need_atom((*mfa)[1]);
    need_list((*mfa)[2]);
  } else if (!fun.is_fun()) {
    badarg();
  }
  std::optional<NodeId> n = spawn_target(c, node, what);
  if (!n) {
    // Unreachable: a pid of no process; a link to it fires :noconnection (R9.3).
    Pid p = rt(c).dead_pid();
    if (link) c.self.send(c.self.pid(), Term::tuple({Term(atoms::EXIT), Term(p), Term(A("noconnection"))}));
    if (monitor) {
      Ref r = c.self.monitor(p);
      return T2(Term(p), Term(r));
    }
    return Term(p);
  }
  return mfa ? spawn_mfa(c, *mfa, link, monitor, static_cast<int>(*n)) : spawn_fun(c, fun, link, monitor, static_cast<int>(*n));
}

// ---- :rpc.call ---------------------------------------------------------------------------------

const Atom kRpcTag = intern("$actorscope_rpc");

Task<> rpc_main(Process& self, std::shared_ptr<Interp> ip, Pid caller, Ref tag, Atom m, Atom f, std::vector<Term> args) {
  Ctx c(self, ip);
  Term result;
  try {
    result = co_await apply_mfa(c, m, f, args);
  } catch (const ErlangError& e) {
    if (e.reason().is_tagged(atoms::nocatch, 2)) {
      result = e.reason()[1];  // rpc:call returns what the function threw
    } else {
      Term stack = Term::list({Term::tuple({Term(m), Term(f), Term::list(args), Term::empty_list()})});
      result = T2(Term(A("badrpc")), T2(Term(atoms::EXIT), T2(e.reason(), stack)));
    }
  } catch (const LangExit& e) {
    result = T2(Term(A("badrpc")), T2(Term(atoms::EXIT), e.reason()));
  }
  self.send(caller, Term::tuple({Term(kRpcTag), Term(tag), result}));
}

struct IsRpcReply {
  Ref ref, tag;
  bool operator()(const Term& m) const {
    if (m.is_tagged(kRpcTag, 3)) return m[1].as_ref() == tag;
    return m.is_tagged(atoms::DOWN, 5) && m[1].is_ref() && m[1].as_ref() == ref;
  }
};

Task<Term> rpc_call(Ctx& c, Args a, int64_t timeout) {
  Term badrpc_nodedown = T2(Term(A("badrpc")), Term(A("nodedown")));
  if (!a[0].is_atom()) badarg();
  Atom m = need_atom(a[1]), f = need_atom(a[2]);
  std::vector<Term> args = need_list(a[3]).list_elements();
  std::optional<NodeId> n = named_node(c, a[0]);
  if (!n || !reach(c, *n)) co_return badrpc_nodedown;
  SpawnOptions o;
  o.node = *n;
  o.monitor = true;
  o.initial_call = InitialCall{A("erpc"), A("execute_call"), 4};
  Ref ref, tag = c.self.make_ref();
  (void)actorscope::detail::spawn_in(actorscope::detail::core_of(c.self), &c.self, o, &ref, &rpc_main, c.ip,
                                     c.self.pid(), tag, m, f, std::move(args));
  std::optional<Term> got;
  if (timeout < 0)
    got = co_await c.self.receive(IsRpcReply{ref, tag});
  else
    got = co_await c.self.receive(IsRpcReply{ref, tag}, timeout);
  c.self.demonitor(ref, DemonitorOptions{true, false});
  if (!got) co_return T2(Term(A("badrpc")), Term(atoms::timeout));
  if (got->is_tagged(atoms::DOWN, 5)) {
    const Term& why = (*got)[4];
    co_return why.is_atom(A("noconnection")) ? badrpc_nodedown : T2(Term(A("badrpc")), T2(Term(atoms::EXIT), why));
  }
  co_return (*got)[2];
}

// ---- :peer ---------------------------------------------------------------------------------------
// A peer is a node this script started: its control process lives on the caller's node. With the
// default connection (the distribution link) the peer ends when that connection goes down, as
// OTP's peer node halts; `connection: :standard_io` keeps it running, unconnected until first use.

const Atom kPeerStop = intern("$actorscope_peer_stop");

Task<> peer_main(Process& self, NodeId node, bool tied) {
  Runtime& r = self.runtime();
  if (tied) r.monitor_node(self.pid(), node);  // the node ends with the connection (add_node's tie)
  Term m = co_await self.receive([](const Term& t) { return t.is_tagged(kPeerStop, 2) || t.is_tagged(A("nodedown"), 2); });
  r.stop_node(node);
  if (m.is_tagged(kPeerStop, 2)) self.send(m[1].as_pid(), Term::tuple({Term(kPeerStop), Term(atoms::ok)}));
}

Term peer_start(Ctx& c, const Term& opts, bool link) {
  if (!alive(c)) raise_error(Term(A("not_alive")));
  auto get = [&](const char* k) -> const Term* { return opts.is_map() ? opts.map_get(Term(A(k))) : nullptr; };
  std::string name;
  if (const Term* nm = get("name")) {
    name = text_of(*nm);
  } else {
    name = "peer-" + std::to_string(c.self.make_ref().id);
  }
  std::string mine(atom_name(node_name(c, self_node(c))));
  std::string host = mine.substr(mine.find('@') + 1);
  if (const Term* h = get("host")) host = text_of(*h);
  if (name.find('@') == std::string::npos) name += "@" + host;
  bool tied = true;
  if (const Term* conn = get("connection")) tied = !conn->is_atom(A("standard_io"));
  NodeId n;
  try {
    n = rt(c).add_node(intern(name), tied ? self_node(c) : -1);
  } catch (const ErlangError&) {
    return T2(Term(atoms::error), T2(Term(A("already_started")), Term(intern(name))));
  }
  if (tied) rt(c).connect_nodes(self_node(c), n);
  SpawnOptions o;
  o.link = link;
  o.initial_call = InitialCall{A("peer"), A("init"), 1};
  Pid ctl = c.self.spawn_opt(o, &peer_main, n, tied);
  return Term::tuple({ok(), Term(ctl), Term(intern(name))});
}

struct IsPeerStopped {
  Ref ref;
  bool operator()(const Term& m) const {
    return m.is_tagged(kPeerStop, 2) || (m.is_tagged(atoms::DOWN, 5) && m[1].is_ref() && m[1].as_ref() == ref);
  }
};

Task<Term> peer_stop(Ctx& c, Term peer) {
  need_pid(peer);
  Ref ref = c.self.monitor(peer.as_pid());
  c.self.send(peer.as_pid(), T2(Term(kPeerStop), Term(c.self.pid())));
  Term got = co_await c.self.receive(IsPeerStopped{ref});
  c.self.demonitor(ref, DemonitorOptions{true, false});
  if (got.is_tagged(atoms::DOWN, 5) && got[4].is_atom(atoms::noproc))
    throw LangExit(T2(Term(atoms::noproc), Term::tuple({Term(A("proc_lib")), Term(A("stop")), Term::list({peer, Term(atoms::normal), Term(A("infinity"))})})));
  co_return ok();
}

}  // namespace

/// A node name or a list of them (Actorscope.partition/heal's argument).
std::vector<Atom> nodes_arg(const Term& t, const char* fun) {
  if (t.is_atom() && !t.is_atom(atoms::nil)) return {t.as_atom()};
  if (!t.is_list() || !t.is_proper_list())
    arg_error(std::string(fun) + ": expected a node name or a list of node names, got " + inspect(t));
  std::vector<Atom> out;
  for (Term l = t; l.is_cons(); l = l.tail()) {
    if (!l.head().is_atom()) arg_error(std::string(fun) + ": expected node names (atoms), got " + inspect(l.head()));
    out.push_back(l.head().as_atom());
  }
  return out;
}

/// A partition or heal fault from the console (traced as the window's are).
Term inject_nodes(Ctx& c, FaultKind kind, const Term* side, const Term* ms, const char* fun) {
  Fault f;
  f.kind = kind;
  if (side) f.nodes = nodes_arg(*side, fun);
  if (ms) {
    if (!ms->is_integer() || ms->as_integer() < 0) arg_error(std::string(fun) + ": expected a duration in ms, got " + inspect(*ms));
    f.duration_ms = ms->as_integer();
  }
  std::string err;
  if (!inject(rt(c), f, c.self.pid(), &err)) arg_error(err);
  return ok();
}

void register_node_builtins(BuiltinTable& t) {
  for (const char* mod : {"Node", ":erlang"})
    t.reg(mod, std::string_view(mod) == "Node" ? "self" : "node", 0).sync = [](Ctx& c, Args&) -> Term {
      return Term(node_name(c, self_node(c)));
    };
  t.reg("Kernel", "node", 0).sync = [](Ctx& c, Args&) -> Term { return Term(node_name(c, self_node(c))); };
  for (const char* mod : {"Kernel", ":erlang"})
    t.reg(mod, "node", 1).sync = [](Ctx& c, Args& a) -> Term {
      if (a[0].is_pid()) return Term(node_name(c, rt(c).node_of(a[0].as_pid())));
      if (a[0].is_ref()) return Term(node_name(c, self_node(c)));
      raise_bif_badarg("1st argument: not a pid, port or reference");
    };
  t.reg("Node", "alive?", 0).sync = [](Ctx& c, Args&) -> Term { return Term::boolean(alive(c)); };
  t.reg("Node", "start", 1).sync = [](Ctx& c, Args& a) -> Term { return node_start(c, a[0], Term(A("longnames"))); };
  t.reg("Node", "start", 2).sync = [](Ctx& c, Args& a) -> Term { return node_start(c, a[0], a[1]); };
  t.reg("Node", "start", 3).sync = [](Ctx& c, Args& a) -> Term { return node_start(c, a[0], a[1]); };
  t.reg("Node", "list", 0).sync = [](Ctx& c, Args&) -> Term { return node_list(c); };
  t.reg("Node", "list", 1).sync = [](Ctx& c, Args& a) -> Term { return node_list_of(c, a[0], "list"); };
  t.reg(":erlang", "nodes", 0).sync = [](Ctx& c, Args&) -> Term { return node_list(c); };
  t.reg(":erlang", "nodes", 1).sync = [](Ctx& c, Args& a) -> Term { return node_list_of(c, a[0], "list"); };
  for (const char* mod : {"Node", ":net_adm"})
    t.reg(mod, "ping", 1).sync = [](Ctx& c, Args& a) -> Term {
      if (!a[0].is_atom()) fce(":net_adm", "ping", 1);
      if (!alive(c)) return Term(A("pang"));
      std::optional<NodeId> n = find_node(c, a[0]);
      return Term(A(n && reach(c, *n) ? "pong" : "pang"));
    };
  for (const char* mod : {"Node", ":net_kernel"})
    t.reg(mod, std::string_view(mod) == "Node" ? "connect" : "connect_node", 1).sync = [](Ctx& c, Args& a) -> Term {
      if (!a[0].is_atom()) fce(":net_kernel", "connect_node", 1);
      if (!alive(c)) return Term(A("ignored"));
      std::optional<NodeId> n = find_node(c, a[0]);
      return Term::boolean(n && reach(c, *n));
    };
  for (const char* mod : {"Node", ":erlang"})
    t.reg(mod, std::string_view(mod) == "Node" ? "disconnect" : "disconnect_node", 1).sync = [](Ctx& c, Args& a) -> Term {
      if (!a[0].is_atom()) return Term(atoms::false_);
      if (!alive(c)) return Term(A("ignored"));
      std::optional<NodeId> n = find_node(c, a[0]);
      if (!n || *n == self_node(c) || !rt(c).nodes_connected(self_node(c), *n)) return Term(atoms::false_);
      rt(c).disconnect_nodes(self_node(c), *n);
      return Term(atoms::true_);
    };
  // Monitoring a node needs distribution: raw :notalive without it, as the BEAM raises it.
  for (const char* mod : {"Node", ":erlang"})
    t.reg(mod, std::string_view(mod) == "Node" ? "monitor" : "monitor_node", 2).sync = [](Ctx& c, Args& a) -> Term {
      if (!a[0].is_atom()) raise_bif_badarg("1st argument: not an atom");
      if (!a[1].is_boolean()) raise_bif_badarg("2nd argument: invalid flag");
      if (!alive(c)) raise_error(Term(A("notalive")));
      std::optional<NodeId> n = find_node(c, a[0]);
      if (a[1].is_atom(atoms::false_)) {
        if (n) rt(c).demonitor_node(c.self.pid(), *n);
      } else if (n) {
        rt(c).monitor_node(c.self.pid(), *n);
      } else {  // R9.5: a node that cannot be reached: at once
        c.self.send(c.self.pid(), T2(Term(A("nodedown")), a[0]));
      }
      return Term(atoms::true_);
    };
  t.reg(":net_kernel", "monitor_nodes", 1).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[0].is_boolean()) return T2(Term(atoms::error), Term(A("badarg")));
    rt(c).monitor_nodes(c.self.pid(), a[0].is_atom(atoms::true_));
    return ok();
  };
  t.reg(":net_kernel", "monitor_nodes", 2).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[0].is_boolean()) return T2(Term(atoms::error), Term(A("badarg")));
    rt(c).monitor_nodes(c.self.pid(), a[0].is_atom(atoms::true_));
    return ok();
  };
  // Node.spawn/2,4, spawn_link/2,4, spawn_monitor/2,4; :erlang.spawn/4, spawn_link/4.
  t.reg("Node", "spawn", 2).sync = [](Ctx& c, Args& a) -> Term { return remote_spawn(c, a[0], nullptr, a[1], false, false); };
  t.reg("Node", "spawn_link", 2).sync = [](Ctx& c, Args& a) -> Term { return remote_spawn(c, a[0], nullptr, a[1], true, false); };
  t.reg("Node", "spawn_monitor", 2).sync = [](Ctx& c, Args& a) -> Term { return remote_spawn(c, a[0], nullptr, a[1], false, true); };
  for (const char* mod : {"Node", ":erlang"}) {
    t.reg(mod, "spawn", 4).sync = [](Ctx& c, Args& a) -> Term {
      Args mfa{a[1], a[2], a[3]};
      return remote_spawn(c, a[0], &mfa, Term(), false, false);
    };
    t.reg(mod, "spawn_link", 4).sync = [](Ctx& c, Args& a) -> Term {
      Args mfa{a[1], a[2], a[3]};
      return remote_spawn(c, a[0], &mfa, Term(), true, false);
    };
  }
  t.reg("Node", "spawn_monitor", 4).sync = [](Ctx& c, Args& a) -> Term {
    Args mfa{a[1], a[2], a[3]};
    return remote_spawn(c, a[0], &mfa, Term(), false, true);
  };
  t.reg(":rpc", "call", 4).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await rpc_call(c, std::move(a), -1); };
  t.reg(":rpc", "call", 5).async = [](Ctx& c, Args a) -> Task<Term> {
    int64_t ms = a[4].is_integer() ? a[4].as_integer() : -1;
    co_return co_await rpc_call(c, std::move(a), ms);
  };
  t.reg(":peer", "start_link", 1).sync = [](Ctx& c, Args& a) -> Term { return peer_start(c, a[0], true); };
  t.reg(":peer", "start", 1).sync = [](Ctx& c, Args& a) -> Term { return peer_start(c, a[0], false); };
  t.reg(":peer", "stop", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await peer_stop(c, a[0]); };
  // R9's detection delay: net_ticktime in seconds (0 here by default: a cut is noticed at once).
  t.reg(":net_kernel", "set_net_ticktime", 1).sync = [](Ctx& c, Args& a) -> Term {
    // As the BEAM: a positive number of seconds (here at most the runtime's limit, 600 s).
    if (!a[0].is_integer() || a[0].as_integer() <= 0 || a[0].as_integer() > Runtime::kMaxDetectionDelayMs / 1000)
      fce(":net_kernel", "set_net_ticktime", 1);
    const int64_t ms = a[0].as_integer() * 1000;
    if (rt(c).detection_delay_ms() == ms) return Term(A("unchanged"));
    rt(c).set_detection_delay_ms(ms);
    return Term(A("change_initiated"));
  };
  t.reg(":net_kernel", "get_net_ticktime", 0).sync = [](Ctx& c, Args&) -> Term {
    return Term((rt(c).detection_delay_ms() + 999) / 1000);  // whole seconds, as the BEAM reports
  };
  // Actorscope's own (no BEAM has them): a partition that stays until healed, as the window's
  // graph and Fault panel make, so a script can cut a cluster and heal it.
  t.reg("Actorscope", "partition", 1).sync = [](Ctx& c, Args& a) -> Term {
    return inject_nodes(c, FaultKind::Partition, &a[0], nullptr, "Actorscope.partition/1");
  };
  t.reg("Actorscope", "partition", 2).sync = [](Ctx& c, Args& a) -> Term {
    return inject_nodes(c, FaultKind::Partition, &a[0], &a[1], "Actorscope.partition/2");
  };
  t.reg("Actorscope", "heal", 0).sync = [](Ctx& c, Args&) -> Term {
    return inject_nodes(c, FaultKind::Heal, nullptr, nullptr, "Actorscope.heal/0");
  };
  t.reg("Actorscope", "heal", 1).sync = [](Ctx& c, Args& a) -> Term {
    return inject_nodes(c, FaultKind::Heal, &a[0], nullptr, "Actorscope.heal/1");
  };
}

/// A node's send to {name, node}: never fails (R9.6); the name resolves on that node.
Term send_to_named(Ctx& c, const Term& dest, const Term& msg) {
  std::optional<NodeId> n = named_node(c, dest[1]);
  if (n && reach(c, *n))
    if (Pid p = rt(c).whereis(dest[0].as_atom(), *n); p.valid()) c.self.send(p, msg);
  return msg;
}

/// Process.monitor({name, node}); another node's name without distribution is a badarg.
Term monitor_named(Ctx& c, const Term& dest) {
  if (!alive(c) && dest[1].as_atom() != node_name(c, self_node(c))) raise_bif_badarg("2nd argument: not a pid");
  std::optional<NodeId> n = named_node(c, dest[1]);
  if (n) return Term(c.self.monitor(dest[0].as_atom(), *n));
  Ref r = c.self.make_ref();  // an unknown node: DOWN :noconnection at once (R9.4)
  c.self.send(c.self.pid(), Term::tuple({Term(atoms::DOWN), Term(r), Term(atoms::process), dest, Term(A("noconnection"))}));
  return Term(r);
}

}  // namespace actorscope::console::detail
