#include "actorscope/lockstep.hpp"

#include "core.hpp"

namespace actorscope {

std::optional<int64_t> next_due_ns(Runtime& rt) {
  detail::RuntimeCore& core = rt.core();
  if (!core.opts.deterministic) return std::nullopt;
  core.run_ready();
  if (core.pending.empty()) return std::nullopt;
  return core.pending.top().due;
}

bool step_at(Runtime& rt, int64_t t_ns) {
  const std::optional<int64_t> due = next_due_ns(rt);
  if (due && *due <= t_ns) return rt.step();
  rt.advance_to(t_ns);
  return false;
}

}  // namespace actorscope
