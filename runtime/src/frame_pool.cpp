// Per-thread small-block caches (see frame_pool.hpp).

#include "actorscope/frame_pool.hpp"

#include <atomic>
#include <mutex>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace actorscope::detail {

namespace {
constinit thread_local PoolCache tls_pool{};
}  // namespace

PoolCache& pool_cache() noexcept { return tls_pool; }

namespace {
constexpr size_t kDepotStacksPerClass = 64;  // beyond this, spilled blocks go back to malloc

/// A full stack of kPoolCachePerClass blocks, or an empty array kept for reuse.
struct Depot {
  std::mutex m[kPoolClasses];
  std::vector<void**> full[kPoolClasses];
  std::vector<void**> empty[kPoolClasses];
  std::atomic<unsigned> nfull[kPoolClasses] = {};  // full[c].size(), read without the lock
};
Depot& depot() {
  static Depot* d = new Depot;  // never destroyed: threads may spill during static destruction
  return *d;
}

void** new_array() { return static_cast<void**>(::operator new(sizeof(void*) * kPoolCachePerClass)); }

/// Returns the thread's cached blocks when the thread ends.
struct CacheGuard {
  bool armed = false;
  ~CacheGuard() {
    PoolCache& cache = tls_pool;
    for (size_t c = 0; c < kPoolClasses; ++c) {
      if (!cache.stack[c]) continue;
      for (unsigned i = 0; i < cache.count[c]; ++i) ::operator delete(cache.stack[c][i]);
      ::operator delete(cache.stack[c]);
      cache.stack[c] = nullptr;
      cache.count[c] = 0;
    }
  }
};
thread_local CacheGuard tls_guard;
void arm_guard() {
  if (!tls_guard.armed) tls_guard.armed = true;  // first use constructs and registers it
}
}  // namespace

void pool_spill(PoolCache& cache, size_t c) noexcept {
  arm_guard();
  Depot& d = depot();
  const bool full = cache.stack[c] != nullptr;  // else: this class's first free on this thread
  bool handed = false;
  void** spare = nullptr;
  {
    std::lock_guard g(d.m[c]);
    if (full && d.full[c].size() < kDepotStacksPerClass) {
      d.full[c].push_back(cache.stack[c]);
      d.nfull[c].store(static_cast<unsigned>(d.full[c].size()), std::memory_order_relaxed);
      handed = true;
    }
    if ((handed || !full) && !d.empty[c].empty()) {
      spare = d.empty[c].back();
      d.empty[c].pop_back();
    }
  }
  if (full && !handed) {  // the depot is full: the blocks go back to malloc, the array stays
    for (unsigned i = 0; i < cache.count[c]; ++i) ::operator delete(cache.stack[c][i]);
    cache.count[c] = 0;
    return;
  }
  cache.stack[c] = spare ? spare : new_array();
  cache.count[c] = 0;
}

void pool_trim() noexcept {
  PoolCache& cache = tls_pool;
  Depot& d = depot();
  for (size_t c = 0; c < kPoolClasses; ++c) {
    std::vector<void**> full, empty;
    {
      std::lock_guard g(d.m[c]);
      full.swap(d.full[c]);
      empty.swap(d.empty[c]);
      d.nfull[c].store(0, std::memory_order_relaxed);
    }
    for (void** a : full) {
      for (unsigned i = 0; i < kPoolCachePerClass; ++i) ::operator delete(a[i]);
      ::operator delete(a);
    }
    for (void** a : empty) ::operator delete(a);
    for (unsigned i = 0; i < cache.count[c]; ++i) ::operator delete(cache.stack[c][i]);
    cache.count[c] = 0;
  }
#if defined(__GLIBC__)
  malloc_trim(0);  // joins the freed small chunks (fastbins) into free ranges, gives pages back
#endif
}

void* pool_refill(PoolCache& cache, size_t c) noexcept {
  Depot& d = depot();
  // A growing population (a million processes spawned before any ends) finds the depot empty on
  // every allocation: it goes to malloc without taking the lock.
  if (d.nfull[c].load(std::memory_order_relaxed) == 0) return nullptr;
  void** got = nullptr;
  {
    std::lock_guard g(d.m[c]);
    if (d.full[c].empty()) return nullptr;
    got = d.full[c].back();
    d.full[c].pop_back();
    d.nfull[c].store(static_cast<unsigned>(d.full[c].size()), std::memory_order_relaxed);
    if (cache.stack[c]) d.empty[c].push_back(cache.stack[c]);  // ours is empty (count 0)
  }
  arm_guard();
  cache.stack[c] = got;
  cache.count[c] = kPoolCachePerClass - 1;
  return got[kPoolCachePerClass - 1];
}

}  // namespace actorscope::detail
