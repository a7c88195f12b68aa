#include "BlastRadius.h"

#include "ObserverModel.h"

#include <algorithm>
#include <deque>
#include <unordered_set>

namespace actorscope::views {

namespace {
bool contains(const std::vector<Pid>& v, Pid p) { return std::find(v.begin(), v.end(), p) != v.end(); }
}  // namespace

bool BlastRadius::dies_(Pid p) const {
  return std::any_of(dies.begin(), dies.end(), [&](const Death& d) { return d.pid == p; });
}
bool BlastRadius::traps(Pid p) const { return contains(trapsExit, p); }
bool BlastRadius::down(Pid p) const { return contains(getsDown, p); }

BlastRadius computeBlastRadius(const BlastTopology& topo, Pid target, const Term& reason, Semantics semantics) {
  BlastRadius out;
  auto it = topo.find(target.serial());
  if (it == topo.end()) return out;
  const BlastNode& t = it->second;
  const bool ergo = semantics == Semantics::Ergo;

  // The signal from outside: :kill is untrappable and becomes :killed (Ergo: the node's Kill,
  // reason :kill); a trapper turns anything else into a message; :normal does nothing to a
  // process that does not trap (Ergo: it ends it).
  std::deque<std::pair<Pid, Term>> dying;
  if (reason.is_atom(atoms::kill)) {
    dying.push_back({target, Term(ergo ? atoms::kill : atoms::killed)});
  } else if (t.trap_exit) {
    out.trapsExit.push_back(target);
    return out;
  } else if (reason.is_atom(atoms::normal) && !ergo) {
    out.targetUnaffected = true;
    return out;
  } else {
    dying.push_back({target, reason});
  }

  std::unordered_set<uint32_t> dead;
  std::unordered_set<uint32_t> trapped;
  std::unordered_set<uint32_t> downed;
  dead.insert(target.serial());
  while (!dying.empty()) {
    auto [pid, why] = dying.front();
    dying.pop_front();
    out.dies.push_back({pid, why});
    auto n = topo.find(pid.serial());
    if (n == topo.end()) continue;
    for (Pid w : n->second.watchers)
      if (downed.insert(w.serial()).second) out.getsDown.push_back(w);
    for (Pid peer : n->second.links) {
      if (dead.count(peer.serial())) continue;
      auto pn = topo.find(peer.serial());
      if (pn == topo.end()) continue;
      if (pn->second.trap_exit) {
        if (trapped.insert(peer.serial()).second) out.trapsExit.push_back(peer);
      } else if (ergo || !why.is_atom(atoms::normal)) {
        // A link carries the reason as it is (:killed stays :killed, and is trappable).
        dead.insert(peer.serial());
        dying.push_back({peer, why});
      }
    }
  }
  // Those that die do not live to read their messages.
  auto gone = [&](Pid p) { return dead.count(p.serial()) > 0; };
  out.trapsExit.erase(std::remove_if(out.trapsExit.begin(), out.trapsExit.end(), gone), out.trapsExit.end());
  out.getsDown.erase(std::remove_if(out.getsDown.begin(), out.getsDown.end(), gone), out.getsDown.end());
  return out;
}

BlastTopology topologyOf(const ObserverModel& model) {
  BlastTopology topo;
  topo.reserve(model.processes().size() * 2);
  for (const auto& [key, r] : model.processes()) {
    BlastNode& n = topo[key];
    n.pid = r.pid;
    n.trap_exit = r.trap_exit;
    n.links.insert(n.links.end(), r.links.begin(), r.links.end());
    for (const auto& [ref, w] : r.monitored_by) n.watchers.push_back(w);
    for (Pid target : r.one_way_links) topo[target.serial()].links.push_back(r.pid);  // Ergo: its exit reaches r
  }
  return topo;
}

}  // namespace actorscope::views
