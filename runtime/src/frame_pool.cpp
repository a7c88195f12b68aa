// Per-thread small-block caches (see frame_pool.hpp).

#include "actorscope/frame_pool.hpp"

#include <mutex>
#include <utility>
#include <vector>

namespace actorscope::detail {

PoolCache::~PoolCache() {
  for (size_t c = 0; c < kPoolClasses; ++c) {
    while (PoolBlock* b = head[c]) {
      head[c] = b->next;
      ::operator delete(b);
    }
  }
}

namespace {
constexpr size_t kDepotListsPerClass = 64;  // beyond this, spilled lists go back to malloc

struct Depot {
  std::mutex m[kPoolClasses];
  std::vector<std::pair<PoolBlock*, unsigned>> lists[kPoolClasses];
};
Depot& depot() {
  static Depot* d = new Depot;  // never destroyed: threads may spill during static destruction
  return *d;
}
}  // namespace

void pool_spill(PoolCache& cache, size_t c) noexcept {
  PoolBlock* list = cache.head[c];
  unsigned n = cache.count[c];
  cache.head[c] = nullptr;
  cache.count[c] = 0;
  Depot& d = depot();
  {
    std::lock_guard g(d.m[c]);
    if (d.lists[c].size() < kDepotListsPerClass) {
      d.lists[c].emplace_back(list, n);
      return;
    }
  }
  while (list) {
    PoolBlock* next = list->next;
    ::operator delete(list);
    list = next;
  }
}

void* pool_refill(PoolCache& cache, size_t c) noexcept {
  Depot& d = depot();
  std::pair<PoolBlock*, unsigned> got{nullptr, 0};
  {
    std::lock_guard g(d.m[c]);
    if (d.lists[c].empty()) return nullptr;
    got = d.lists[c].back();
    d.lists[c].pop_back();
  }
  PoolBlock* b = got.first;
  cache.head[c] = b->next;
  cache.count[c] = got.second - 1;
  return b;
}

PoolCache& pool_cache() noexcept {
  thread_local PoolCache cache;
  return cache;
}

}  // namespace actorscope::detail
