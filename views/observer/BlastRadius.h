#pragma once
// BlastRadius: who an exit signal would kill, who would get an {:EXIT, ...} message and who a
// {:DOWN, ...}, computed from the current links, monitors and trap_exit flags (the BEAM's rules,
// without supervisors' restarts). A pure function over a topology; any thread.

#include "actorscope/term.hpp"

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

/// `Process.exit(target, reason)` sent from outside (from none of the processes).
BlastRadius computeBlastRadius(const BlastTopology& topo, Pid target, const Term& reason);
/// The topology of the model's live processes.
BlastTopology topologyOf(const ObserverModel& model);

}  // namespace actorscope::views
