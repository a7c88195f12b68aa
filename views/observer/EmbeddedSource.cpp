#include "EmbeddedSource.h"

#include <QCoreApplication>

#include "actorscope/errors.hpp"

namespace actorscope::views {

namespace {
QString pidText(Pid p) { return QString::fromStdString(inspect_pid(p)); }
CommandResult notAlive(Pid p) { return CommandResult::failed(QCoreApplication::translate("EmbeddedSource", "%1 is not alive").arg(pidText(p))); }

/// What an Ergo link or monitor targets, as the error messages name it (driver thread).
QString targetText(Runtime& rt, const ergo::Target& t) {
  switch (t.kind) {
    case ergo::Target::Kind::Pid: return pidText(t.pid);
    case ergo::Target::Kind::Name: return QString::fromStdString(inspect_atom(t.name));
    case ergo::Target::Kind::Alias: return QCoreApplication::translate("EmbeddedSource", "the alias %1").arg(QString::fromStdString(inspect(Term(t.alias))));
    case ergo::Target::Kind::Node: {
      const std::vector<Atom> nodes = rt.nodes();
      return t.node < nodes.size() ? QCoreApplication::translate("EmbeddedSource", "node %1").arg(QString::fromStdString(std::string(atom_name(nodes[t.node]))))
                                   : QCoreApplication::translate("EmbeddedSource", "node %1").arg(t.node);
    }
    default: break;
  }
  return QCoreApplication::translate("EmbeddedSource", "its target");
}

/// An Ergo error in words: its name, then what is wrong ("ErrTargetExist: #PID<0.5.0> already
/// links to #PID<0.7.0>").
CommandResult ergoResult(Runtime& rt, ergo::Error e, Pid watcher, const ergo::Target& t, Relation what) {
  if (e == ergo::Error::None) return {};
  const QString w = pidText(watcher), x = targetText(rt, t);
  const bool link = what == Relation::Link || what == Relation::Unlink;
  QString why;
  switch (e) {
    case ergo::Error::None: break;
    case ergo::Error::ProcessUnknown:
      why = t.kind == ergo::Target::Kind::Name    ? QCoreApplication::translate("EmbeddedSource", "no process is registered as %1").arg(x)
            : t.kind == ergo::Target::Kind::Alias ? QCoreApplication::translate("EmbeddedSource", "no process has %1 (it was deleted, or its process ended)").arg(x)
                                                  : QCoreApplication::translate("EmbeddedSource", "no process is %1").arg(x);
      break;
    case ergo::Error::TargetExist:
      why = (link ? QCoreApplication::translate("EmbeddedSource", "%1 already links to %2") : QCoreApplication::translate("EmbeddedSource", "%1 already monitors %2")).arg(w, x);
      break;
    case ergo::Error::NotAllowed:
      why = !rt.alive(watcher)                   ? QCoreApplication::translate("EmbeddedSource", "%1 is not alive").arg(w)
            : t.kind == ergo::Target::Kind::Node ? QCoreApplication::translate("EmbeddedSource", "a process cannot link to or monitor its own node")
                                                 : (link ? QCoreApplication::translate("EmbeddedSource", "%1 cannot link to itself") : QCoreApplication::translate("EmbeddedSource", "%1 cannot monitor itself")).arg(w);
      break;
    case ergo::Error::TargetUnknown:
      why = (link ? QCoreApplication::translate("EmbeddedSource", "%1 has no link to %2") : QCoreApplication::translate("EmbeddedSource", "%1 does not monitor %2")).arg(w, x);
      break;
    case ergo::Error::NoConnection: why = QCoreApplication::translate("EmbeddedSource", "%1 cannot be reached from %2's node").arg(x, w); break;
  }
  return CommandResult::failed(QStringLiteral("%1: %2").arg(QString::fromLatin1(ergo::to_string(e)), why));
}
}  // namespace

QString EmbeddedSource::describe() const {
  return host_->mode() == RunMode::Deterministic ? QCoreApplication::translate("EmbeddedSource", "embedded runtime (deterministic)") : QCoreApplication::translate("EmbeddedSource", "embedded runtime (live)");
}

void EmbeddedSource::command(std::function<CommandResult(Runtime&)> fn, CommandDone done) {
  QObject* context = context_.data();
  if (!done || !context) {
    host_->post([fn = std::move(fn)](Runtime& rt) { fn(rt); });
    return;
  }
  host_->query<CommandResult>(std::move(fn), context, [done = std::move(done)](CommandResult r) { done(r); });
}

void EmbeddedSource::exit(Pid pid, Term reason, CommandDone done) {
  command(
      [pid, reason](Runtime& rt) {
        if (!rt.alive(pid)) return notAlive(pid);
        rt.exit(pid, reason);  // from no process: the observer
        return CommandResult{};
      },
      std::move(done));
}

void EmbeddedSource::kill(Pid pid, CommandDone done) {
  command([pid](Runtime& rt) { return rt.kill(pid) ? CommandResult{} : notAlive(pid); }, std::move(done));
}

void EmbeddedSource::relate(Pid watcher, const ergo::Target& target, Relation what, CommandDone done) {
  command(
      [watcher, target, what](Runtime& rt) {
        if (rt.semantics() != Semantics::Ergo)
          return CommandResult::failed(QCoreApplication::translate("EmbeddedSource", "Ergo links and monitors need Ergo mode (Scenario > Ergo semantics)"));
        ergo::Error e = ergo::Error::None;
        switch (what) {
          case Relation::Link: e = ergo::link(rt, watcher, target); break;
          case Relation::Unlink: e = ergo::unlink(rt, watcher, target); break;
          case Relation::Monitor: e = ergo::monitor(rt, watcher, target); break;
          case Relation::Demonitor: e = ergo::demonitor(rt, watcher, target); break;
        }
        return ergoResult(rt, e, watcher, target, what);
      },
      std::move(done));
}

void EmbeddedSource::send(Pid pid, Term message, CommandDone done) {
  command(
      [pid, message](Runtime& rt) {
        // R4.3: sending to an ended process succeeds silently; the window says so all the same.
        const bool alive = rt.alive(pid);
        rt.send(pid, message);
        return alive ? CommandResult{} : notAlive(pid);
      },
      std::move(done));
}

void EmbeddedSource::setDetectionDelay(int ms, CommandDone done) {
  command([ms](Runtime& rt) {
    rt.set_detection_delay_ms(ms);
    return CommandResult{};
  }, std::move(done));
}

void EmbeddedSource::setTrapExit(Pid pid, bool on, CommandDone done) {
  command([pid, on](Runtime& rt) { return rt.set_trap_exit(pid, on) ? CommandResult{} : notAlive(pid); }, std::move(done));
}

void EmbeddedSource::suspend(Pid pid, bool suspended, CommandDone done) {
  command(
      [pid, suspended](Runtime& rt) {
        const bool ok = suspended ? rt.suspend(pid) : rt.resume(pid);
        return ok ? CommandResult{} : notAlive(pid);
      },
      std::move(done));
}

void EmbeddedSource::link(Pid a, Pid b, CommandDone done) {
  if (host_->semantics() == Semantics::Ergo) return relate(a, ergo::Target::process(b), Relation::Link, std::move(done));
  command(
      [a, b](Runtime& rt) {
        if (!rt.alive(a)) return notAlive(a);
        return rt.link(a, b) ? CommandResult{} : notAlive(b);
      },
      std::move(done));
}

void EmbeddedSource::monitor(Pid watcher, Pid target, CommandDone done) {
  if (host_->semantics() == Semantics::Ergo)
    return relate(watcher, ergo::Target::process(target), Relation::Monitor, std::move(done));
  command(
      [watcher, target](Runtime& rt) {
        // A dead target is not an error: the watcher gets a :noproc DOWN (R3.2).
        return rt.monitor(watcher, target).has_value() ? CommandResult{} : notAlive(watcher);
      },
      std::move(done));
}

void EmbeddedSource::registerName(Pid pid, Atom name, CommandDone done) {
  command(
      [pid, name](Runtime& rt) {
        try {
          rt.register_name(pid, name);
          return CommandResult{};
        } catch (const ErlangError&) {
          // R5.1: badarg when the name is taken, the process has a name, or it is not alive.
          if (!rt.alive(pid)) return notAlive(pid);
          const Pid holder = rt.whereis(name);
          if (holder == pid)
            return CommandResult::failed(
                QCoreApplication::translate("EmbeddedSource", "%1 is already registered as %2").arg(pidText(pid), QString::fromStdString(inspect(Term(name)))));
          if (holder.valid())
            return CommandResult::failed(QCoreApplication::translate("EmbeddedSource", "%1 is taken by %2")
                                             .arg(QString::fromStdString(inspect(Term(name))), pidText(holder)));
          return CommandResult::failed(QCoreApplication::translate("EmbeddedSource", "%1 already has a name").arg(pidText(pid)));
        }
      },
      std::move(done));
}

void EmbeddedSource::details(Pid pid, std::function<void(ProcessDetails)> done) {
  QObject* context = context_.data();
  if (!context) return;
  host_->query<ProcessDetails>(
      [pid](Runtime& rt) {
        ProcessDetails d;
        d.info = rt.info(pid);
        const Term m = rt.info(pid, atoms::messages);
        if (m.is_tuple() && m.tuple_size() == 2) d.messages = m[1];
        if (rt.semantics() == Semantics::Ergo)
          for (const auto& [alias, owner] : ergo::aliases(rt, pid)) d.aliases.push_back(alias);
        return d;
      },
      context, std::move(done));
}

void EmbeddedSource::createAlias(Pid owner, std::function<void(const AliasResult&)> done) {
  QObject* context = context_.data();
  if (!context || !done) return;
  host_->query<AliasResult>(
      [owner](Runtime& rt) -> AliasResult {
        if (rt.semantics() != Semantics::Ergo)
          return {Ref{}, QCoreApplication::translate("EmbeddedSource", "Aliases need Ergo mode (Scenario > Ergo semantics)")};
        const Ref a = ergo::create_alias(rt, owner);
        if (!a.id) return {Ref{}, QCoreApplication::translate("EmbeddedSource", "%1 is not alive").arg(pidText(owner))};
        return {a, {}};
      },
      context, std::move(done));
}

void EmbeddedSource::deleteAlias(Pid owner, Ref alias, CommandDone done) {
  command(
      [owner, alias](Runtime& rt) {
        if (rt.semantics() != Semantics::Ergo)
          return CommandResult::failed(QCoreApplication::translate("EmbeddedSource", "Aliases need Ergo mode (Scenario > Ergo semantics)"));
        const ergo::Error e = ergo::delete_alias(rt, owner, alias);
        const QString a = QString::fromStdString(inspect(Term(alias)));
        switch (e) {
          case ergo::Error::None: return CommandResult{};
          case ergo::Error::NotAllowed:
            return CommandResult::failed(QStringLiteral("ErrNotAllowed: ") + QCoreApplication::translate("EmbeddedSource", "%1 is not alive").arg(pidText(owner)));
          default:
            return CommandResult::failed(QStringLiteral("%1: ").arg(QString::fromLatin1(ergo::to_string(e))) +
                                         QCoreApplication::translate("EmbeddedSource", "%1 is not an alias of %2").arg(a, pidText(owner)));
        }
      },
      std::move(done));
}

void EmbeddedSource::aliases(std::function<void(std::vector<std::pair<Ref, Pid>>)> done) {
  QObject* context = context_.data();
  if (!context || !done) return;
  host_->query<std::vector<std::pair<Ref, Pid>>>(
      [](Runtime& rt) { return rt.semantics() == Semantics::Ergo ? ergo::aliases(rt) : std::vector<std::pair<Ref, Pid>>{}; },
      context, std::move(done));
}

QStringList EmbeddedSource::spawnables() const {
  QStringList out;
  for (const auto& [kind, fn] : spawnables_) out << kind;
  return out;
}

void EmbeddedSource::addSpawnable(const QString& kind, std::function<Pid(Runtime&)> fn) {
  for (auto& [k, f] : spawnables_)
    if (k == kind) {
      f = std::move(fn);
      return;
    }
  spawnables_.emplace_back(kind, std::move(fn));
}

void EmbeddedSource::spawnWith(std::function<Pid(Runtime&)> fn, SpawnDone done) {
  auto run = [fn = std::move(fn)](Runtime& rt) -> SpawnResult {
    try {
      return {fn(rt), {}};
    } catch (const ErlangError& e) {
      return {{}, QString::fromStdString(e.what())};  // :system_limit names the limit
    }
  };
  QObject* context = context_.data();
  if (!done || !context) {
    host_->post([run = std::move(run)](Runtime& rt) { run(rt); });
    return;
  }
  host_->query<SpawnResult>(std::move(run), context, [done = std::move(done)](SpawnResult r) { done(r); });
}

void EmbeddedSource::spawn(const QString& kind, SpawnDone done) {
  for (const auto& [k, fn] : spawnables_)
    if (k == kind) return spawnWith(fn, std::move(done));
  if (done) done({{}, QCoreApplication::translate("EmbeddedSource", "nothing called \"%1\" can be spawned here").arg(kind)});
}

void EmbeddedSource::inject(const Fault& f, CommandDone done) {
  command(
      [f](Runtime& rt) {
        std::string err;
        if (actorscope::inject(rt, f, {}, &err)) return CommandResult{};
        return CommandResult::failed(QString::fromStdString(err.empty() ? std::string("the fault was not injected") : err));
      },
      std::move(done));
}

void EmbeddedSource::startChaos(const ChaosConfig& c, SpawnDone done) {
  spawnWith([c](Runtime& rt) { return start_chaos(rt, c); }, std::move(done));
}

void EmbeddedSource::startPlan(const FaultPlan& plan, SpawnDone done) {
  spawnWith([plan](Runtime& rt) { return start_fault_plan(rt, plan); }, std::move(done));
}

void EmbeddedSource::stopInjector(Pid injector) {
  if (injector.valid()) host_->post([injector](Runtime& rt) { stop_injector(rt, injector); });
}

}  // namespace actorscope::views
