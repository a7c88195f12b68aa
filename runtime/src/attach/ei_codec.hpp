#pragma once
// Terms between the node's external format (erl_interface) and actorscope::Term. Pids and
// references of the node map to local Pid / Ref values and back (PidMap, thread-safe: the receive
// thread fills it, the window asks it how pids print).

#include "actorscope/term.hpp"

#include <ei.h>

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>

namespace actorscope::attach {

/// The node's pids and refs, and the local values that stand for them. A pid of the attached
/// node, `<0.N.0>`, becomes the Pid with serial N, so it prints as the node prints it; any
/// other (another node's, a serial above 0, <0.0.0>) gets a serial from 2^31 up.
class PidMap {
public:
  explicit PidMap(std::string home = {}) : home_(std::move(home)) {}
  /// Before any pid is mapped.
  void set_home(std::string node) { home_ = std::move(node); }

  Pid local(const erlang_pid& p);
  /// An ended process is forgotten (a long session meets millions). The home node's pid maps to
  /// the same serial if it is ever seen again; another node's is kept for the last
  /// kKeepEndedForeign ended ones (the picture shows them ended, and they print by this map).
  void forget(Pid p);
  static constexpr size_t kKeepEndedForeign = 100'000;
  /// A reference no node gave (the translators' monitor refs): unique in this map, as the node
  /// refs it maps are, so the nodes of one session never share one.
  Ref new_ref();
  /// The node went away: its pids map to fresh serials if it comes back (the old serials stay
  /// printable, and ended, in the picture).
  void forget_node(const std::string& node);
  std::optional<erlang_pid> remote(Pid p) const;
  /// The node a mapped pid lives on ("" when unknown).
  std::string node_of(Pid p) const;
  /// As the node prints it: "#PID<0.84.0>" (its own), "#PID<N.84.0>" for another node's (N the
  /// order in which this map met that node, from 1). Foreign pids (kForeignPidSerial and up, unique
  /// in the whole program) print so everywhere: inspect_pid() asks a registry this map fills.
  std::string text(Pid p) const;

  Ref local(const erlang_ref& r);
  std::optional<erlang_ref> remote(Ref r) const;

private:
  std::string text_locked(Pid p) const;
  /// Forgets the oldest ended foreign pids past kKeepEndedForeign (m_ held).
  void trim_ended_locked();
  mutable std::mutex m_;
  using Key = std::tuple<std::string, unsigned, unsigned, unsigned>;
  std::string home_;
  std::map<Key, uint32_t> to_local_;
  std::unordered_map<uint32_t, erlang_pid> to_remote_;
  std::map<std::string, unsigned> node_index_;
  std::map<std::tuple<std::string, int, unsigned, unsigned, unsigned, unsigned>, uint64_t> ref_to_local_;
  std::unordered_map<uint64_t, erlang_ref> ref_to_remote_;
  uint64_t next_ref_ = 1;
  std::deque<uint32_t> ended_foreign_;
  bool home_direct_ = true;  // a home pid <0.N.0> is serial N (until the home node went away)
};

/// Decodes the term at `*index` of `buf` (advancing it). Ports, funs, bignums and bitstrings the
/// Term type lacks become atoms holding their printed form. Returns false on a malformed buffer.
bool decode(const char* buf, int* index, PidMap& pids, Term& out);

/// Encodes `t` into `x`. Returns false with `error` for what cannot reach a node (a fun, a pid
/// or reference the node never gave us).
bool encode(ei_x_buff* x, const Term& t, const PidMap& pids, std::string& error);

}  // namespace actorscope::attach
