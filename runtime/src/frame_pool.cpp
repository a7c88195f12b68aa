// Per-thread small-block caches (see frame_pool.hpp).

#include "actorscope/frame_pool.hpp"

namespace actorscope::detail {

PoolCache::~PoolCache() {
  for (size_t c = 0; c < kPoolClasses; ++c) {
    while (PoolBlock* b = head[c]) {
      head[c] = b->next;
      ::operator delete(b);
    }
  }
}

PoolCache& pool_cache() noexcept {
  thread_local PoolCache cache;
  return cache;
}

}  // namespace actorscope::detail
