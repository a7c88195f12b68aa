#pragma once
// Lockstep: keeps deterministic runtimes at one virtual time, so that two of them running the same
// program under different rules (View > Compare semantics: BEAM and Ergo) can be stepped together
// and compared moment by moment. Call these only from the thread that drives the runtime.

#include "actorscope/runtime.hpp"

#include <cstdint>
#include <optional>

namespace actorscope {

/// Deterministic mode: runs what is runnable, then says when the next pending signal or receive
/// timeout is due (virtual ns); nullopt when nothing is pending (or in threaded mode).
std::optional<int64_t> next_due_ns(Runtime& rt);

/// Deterministic mode: one step of a lockstep at time `t_ns`, the earliest next_due_ns() of the
/// runtimes kept together: delivers this runtime's next signal when it is due by then (one step()),
/// else only moves its clock to `t_ns`. True when a signal was delivered.
bool step_at(Runtime& rt, int64_t t_ns);

}  // namespace actorscope
