#pragma once
// BlastRadius: who an exit signal would kill, who would get an {:EXIT, ...} message and who a
// {:DOWN, ...}, computed from the current links, monitors and trap_exit flags (the BEAM's rules,
// without supervisors' restarts). A pure function over a topology; any thread.

#include "actorscope/term.hpp"
#include "actorscope/trace.hpp"

#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

namespace actorscope::views {

class ObserverModel;

/// The relations the computation needs, per process (key: pid serial).
struct BlastNode {
  Pid pid;
  bool trap_exit = false;
  std::vector<Pid> links;
  std::vector<Pid> watchers;  // processes monitoring this one
};
using BlastTopology = std::unordered_map<uint32_t, BlastNode>;

struct BlastRadius {
  struct Death {
    Pid pid;
    Term reason;
  };
  std::vector<Death> dies;     // in propagation order; the target first when it dies
  std::vector<Pid> trapsExit;  // would get {:EXIT, from, reason} in the mailbox
  std::vector<Pid> getsDown;   // would get {:DOWN, ref, :process, pid, reason}
  bool targetUnaffected = false;  // e.g. :normal to a process that does not trap exits

  bool dies_(Pid p) const;
  bool traps(Pid p) const;
  bool down(Pid p) const;
};

/// `Process.exit(target, reason)` sent from outside (from none of the processes). Ergo mode
/// (SEMANTICS E1.5, E1.6): :kill is the node's forced Kill, any other reason is trapped by a
/// trapper, a linker that does not trap dies on any reason (:normal too); a trapper's parent is
/// not known here (E1.7).
BlastRadius computeBlastRadius(const BlastTopology& topo, Pid target, const Term& reason,
                               Semantics semantics = Semantics::Beam);
/// The topology of the model's live processes. Ergo mode: a process's `links` are those that
/// hold a one-way link to it (its end sends them an exit).
BlastTopology topologyOf(const ObserverModel& model);

}  // namespace actorscope::views
