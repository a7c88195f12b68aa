#pragma once
// Small-block allocation for the runtime's hot paths (coroutine frames, signals).
// Blocks are sized in 16-byte classes up to 1 KiB; each thread keeps a bounded free list per class
// in front of the global allocator, so steady-state message passing and spawning allocate nothing
// from malloc. A block may be freed on any thread (it joins that thread's list).
// Thread-safety: all functions may be called from any thread.

#include <cstddef>
#include <new>

namespace actorscope {

namespace detail {
inline constexpr size_t kPoolGranule = 16;
inline constexpr size_t kPoolClasses = 64;          // up to 1024 bytes
inline constexpr size_t kPoolCachePerClass = 4096;  // blocks kept per class and thread

struct PoolBlock {
  PoolBlock* next;
};
struct PoolCache {
  PoolBlock* head[kPoolClasses] = {};
  unsigned count[kPoolClasses] = {};
  ~PoolCache();
};
PoolCache& pool_cache() noexcept;
}  // namespace detail

inline void* frame_alloc(size_t n) {
  size_t c = (n + detail::kPoolGranule - 1) / detail::kPoolGranule;
  if (c >= detail::kPoolClasses) return ::operator new(n);
  auto& cache = detail::pool_cache();
  if (auto* b = cache.head[c]) {
    cache.head[c] = b->next;
    --cache.count[c];
    return b;
  }
  return ::operator new(c * detail::kPoolGranule);
}

inline void frame_free(void* p, size_t n) noexcept {
  size_t c = (n + detail::kPoolGranule - 1) / detail::kPoolGranule;
  if (c >= detail::kPoolClasses) {
    ::operator delete(p);
    return;
  }
  auto& cache = detail::pool_cache();
  if (cache.count[c] >= detail::kPoolCachePerClass) {
    ::operator delete(p);
    return;
  }
  auto* b = static_cast<detail::PoolBlock*>(p);
  b->next = cache.head[c];
  cache.head[c] = b;
  ++cache.count[c];
}

}  // namespace actorscope
