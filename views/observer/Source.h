#pragma once
// Source: what the window observes and acts on. The embedded runtime (live or deterministic) is
// one; a recording is observed only (the timeline); an attached BEAM node is the next. Commands
// are typed and answered on the GUI thread with a typed result; a refused one says why in words
// that name what is wrong (an ended process, a taken name). Commands are made from outside the
// observed system, so the trace shows them coming from the observer. No widget reaches a
// Runtime& except through a Source. GUI thread only.

#include "actorscope/faults.hpp"
#include "actorscope/term.hpp"

#include <QString>
#include <QStringList>

#include <functional>

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

/// Process.info(pid) and its first messages, for the inspector.
struct ProcessDetails {
  Term info;      // nil when the process is not alive
  Term messages;  // a list (may be empty)
};

class Source {
public:
  virtual ~Source() = default;
  /// How the window names it ("embedded runtime", "node a@host" ...).
  virtual QString describe() const = 0;

  /// Process.exit(pid, reason): :kill is untrappable (R1.5).
  virtual void exit(Pid pid, Term reason, CommandDone done = {}) = 0;
  virtual void send(Pid pid, Term message, CommandDone done = {}) = 0;
  virtual void setTrapExit(Pid pid, bool on, CommandDone done = {}) = 0;
  virtual void suspend(Pid pid, bool suspended, CommandDone done = {}) = 0;
  /// As if `a` called Process.link(b).
  virtual void link(Pid a, Pid b, CommandDone done = {}) = 0;
  /// As if `watcher` called Process.monitor(target).
  virtual void monitor(Pid watcher, Pid target, CommandDone done = {}) = 0;
  /// Process.register(pid, name).
  virtual void registerName(Pid pid, Atom name, CommandDone done = {}) = 0;
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

}  // namespace actorscope::views
