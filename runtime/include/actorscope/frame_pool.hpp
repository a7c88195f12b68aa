#pragma once
// Small-block allocation for the runtime's hot paths (coroutine frames, signals).
// Blocks are sized in 16-byte classes up to 1 KiB; each thread keeps a bounded free list per class
// in front of a shared depot of whole lists, so steady-state message passing and spawning allocate
// nothing from malloc, even when one thread allocates what another frees (a producer and a
// consumer on two workers). A block may be freed on any thread (it joins that thread's list).
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
/// Cache for class c is full: hands the whole list to the shared depot (or frees it).
void pool_spill(PoolCache& cache, size_t c) noexcept;
/// Cache for class c is empty: takes a list from the shared depot; returns a block or nullptr.
void* pool_refill(PoolCache& cache, size_t c) noexcept;
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
  if (void* b = detail::pool_refill(cache, c)) return b;
  return ::operator new(c * detail::kPoolGranule);
}

inline void frame_free(void* p, size_t n) noexcept {
  size_t c = (n + detail::kPoolGranule - 1) / detail::kPoolGranule;
  if (c >= detail::kPoolClasses) {
    ::operator delete(p);
    return;
  }
  auto& cache = detail::pool_cache();
  if (cache.count[c] >= detail::kPoolCachePerClass) detail::pool_spill(cache, c);
  auto* b = static_cast<detail::PoolBlock*>(p);
  b->next = cache.head[c];
  cache.head[c] = b;
  ++cache.count[c];
}

}  // namespace actorscope
