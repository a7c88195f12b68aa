#pragma once
// Source: what the window observes and acts on. The embedded runtime (live or deterministic) is
// one; a recording is observed only (the timeline); an attached BEAM node is the next. Commands
// are typed and answered on the GUI thread with a typed result; a refused one says why in words
// that name what is wrong (an ended process, a taken name). Commands are made from outside the
// observed system, so the trace shows them coming from the observer. No widget reaches a
// Runtime& except through a Source. GUI thread only.

#include "actorscope/ergo.hpp"
#include "actorscope/faults.hpp"
#include "actorscope/term.hpp"
#include "actorscope/trace.hpp"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>
#include <vector>

namespace actorscope::views {

class ShellChannel;

/// What a command did.
struct CommandResult {
  bool ok = true;
  QString error;  // when !ok: why, naming the pid or value at fault
  static CommandResult failed(QString why) { return {false, std::move(why)}; }
};
using CommandDone = std::function<void(const CommandResult&)>;
/// What a command that starts a process did: the new pid, or why not.
struct SpawnResult {
  Pid pid;
  QString error;  // when !pid.valid()
};
using SpawnDone = std::function<void(const SpawnResult&)>;

/// What Source::relate sets up or removes (Ergo mode: one-way links and monitors).
enum class Relation { Link, Unlink, Monitor, Demonitor };

/// Process.info(pid) and its first messages, for the inspector.
struct ProcessDetails {
  Term info;      // nil when the process is not alive
  Term messages;  // a list (may be empty)
  std::vector<Ref> aliases;  // Ergo mode: its aliases (gen.Alias), oldest first
};
/// What Source::createAlias made: the alias, or why not.
struct AliasResult {
  Ref alias;      // valid when made
  QString error;  // when not
};

class Source {
public:
  virtual ~Source() = default;
  /// How the window names it ("embedded runtime", "node a@host" ...).
  virtual QString describe() const = 0;
  /// Whose rules its processes follow: the picture reads its events and names things by them.
  virtual Semantics semantics() const { return Semantics::Beam; }

  /// Process.exit(pid, reason): :kill is untrappable in BEAM mode (R1.5), trappable in Ergo mode.
  virtual void exit(Pid pid, Term reason, CommandDone done = {}) = 0;
  /// The kill a tool gives, which the process cannot trap: Process.exit(pid, :kill), or in Ergo
  /// mode the node's Kill (E1.6).
  virtual void kill(Pid pid, CommandDone done = {}) { exit(pid, Term(atoms::kill), std::move(done)); }
  virtual void send(Pid pid, Term message, CommandDone done = {}) = 0;
  virtual void setTrapExit(Pid pid, bool on, CommandDone done = {}) = 0;
  virtual void suspend(Pid pid, bool suspended, CommandDone done = {}) = 0;
  /// As if `a` called Process.link(b).
  virtual void link(Pid a, Pid b, CommandDone done = {}) = 0;
  /// As if `watcher` called Process.monitor(target).
  virtual void monitor(Pid watcher, Pid target, CommandDone done = {}) = 0;
  /// Process.register(pid, name).
  virtual void registerName(Pid pid, Atom name, CommandDone done = {}) = 0;
  /// Ergo mode: as if `watcher` called Link/Unlink/Monitor/Demonitor on `target` (a pid, a
  /// registered name or a node, E1.2). A refusal names the Ergo error ("ErrTargetExist: ...").
  virtual void relate(Pid watcher, const ergo::Target& target, Relation what, CommandDone done = {});
  /// Ergo mode: as if `owner` called gen.Alias: a new alias (a reference) others can link to and
  /// monitor (E1.2). Refused in words when `owner` is not alive.
  virtual void createAlias(Pid owner, std::function<void(const AliasResult&)> done);
  /// Ergo mode: as if `owner` deleted its alias: what is linked to or monitors it fires with
  /// ErrUnregistered while `owner` lives on (E1.3). Refused in words (ErrTargetUnknown: ...).
  virtual void deleteAlias(Pid owner, Ref alias, CommandDone done = {});
  /// Ergo mode: the aliases alive now, (alias, its process), oldest first; empty elsewhere.
  virtual void aliases(std::function<void(std::vector<std::pair<Ref, Pid>>)> done) { done({}); }
  virtual void details(Pid pid, std::function<void(ProcessDetails)> done) = 0;

  /// Starts one of the source's spawnable kinds (spawnables()), from the observer.
  virtual QStringList spawnables() const = 0;
  virtual void spawn(const QString& kind, SpawnDone done = {}) = 0;

  /// Fault injection (faults.hpp): one fault now; a chaos monkey or a fault plan as an injector
  /// process (its pid, to stop it with stopInjector).
  virtual void inject(const Fault& f, CommandDone done = {}) = 0;
  /// How long after a partition each side notices it (net_ticktime, R9): its :noconnection exits,
  /// DOWNs and nodedown notices arrive that late. 0: at once.
  virtual void setDetectionDelay(int ms, CommandDone done = {}) = 0;
  virtual void startChaos(const ChaosConfig& c, SpawnDone done = {}) = 0;
  virtual void startPlan(const FaultPlan& plan, SpawnDone done = {}) = 0;
  virtual void stopInjector(Pid injector) = 0;

  /// The console's shell on this source (owned by it), or null when it has none.
  virtual ShellChannel* shell() = 0;
};

inline void Source::relate(Pid, const ergo::Target&, Relation, CommandDone done) {
  if (done)
    done(CommandResult::failed(QCoreApplication::translate("Source", "%1 follows the BEAM's rules: it has no Ergo links or monitors").arg(describe())));
}

inline void Source::createAlias(Pid, std::function<void(const AliasResult&)> done) {
  if (done) done({Ref{}, QCoreApplication::translate("Source", "%1 follows the BEAM's rules: it has no aliases").arg(describe())});
}

inline void Source::deleteAlias(Pid, Ref, CommandDone done) {
  if (done) done(CommandResult::failed(QCoreApplication::translate("Source", "%1 follows the BEAM's rules: it has no aliases").arg(describe())));
}

}  // namespace actorscope::views
