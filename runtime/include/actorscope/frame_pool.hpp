#pragma once
// Small-block allocation for the runtime's hot paths (coroutine frames, signals).
// Blocks are sized in 16-byte classes up to 1 KiB; each thread keeps a bounded stack of free blocks
// per class in front of a shared depot of whole stacks, so steady-state message passing and spawning allocate
// nothing from malloc, even when one thread allocates what another frees (a producer and a
// consumer on two workers). A block may be freed on any thread (it joins that thread's list).
// Thread-safety: all functions may be called from any thread.

#include <cstddef>
#include <new>

namespace actorscope {

namespace detail {
inline constexpr size_t kPoolGranule = 16;
inline constexpr size_t kPoolClasses = 64;          // up to 1024 bytes
inline constexpr unsigned kPoolCachePerClass = 4096;  // blocks kept per class and thread

/// A thread's cache: per class, a stack of free blocks held as an array of pointers (made on the
/// class's first free). Taking and returning a block touch only this thread's array, never the
/// block itself: a block last written on another thread (a message the consumer freed) is not
/// read here, so allocation does not wait for its cache line. Trivially destructible (no guard on
/// access); the blocks go back to malloc when the thread ends (a guard object registered on the
/// slow path).
struct PoolCache {
  void** stack[kPoolClasses];
  unsigned count[kPoolClasses];
};
/// This thread's cache (a constinit thread-local in frame_pool.cpp: no guard, no constructor).
PoolCache& pool_cache() noexcept;
/// Cache for class c is full (or has no array yet): hands its blocks to the shared depot (or frees
/// them) and leaves an empty array.
void pool_spill(PoolCache& cache, size_t c) noexcept;
/// Cache for class c is empty: takes a full array from the shared depot; returns a block or nullptr.
void* pool_refill(PoolCache& cache, size_t c) noexcept;
}  // namespace detail

inline void* frame_alloc(size_t n) {
  size_t c = (n + detail::kPoolGranule - 1) / detail::kPoolGranule;
  if (c >= detail::kPoolClasses) return ::operator new(n);
  auto& cache = detail::pool_cache();
  if (unsigned k = cache.count[c]) {
    cache.count[c] = k - 1;
    // The block two allocations from now, for writing: it was last written or read by the thread
    // that freed it (a message's consumer), so owning its line takes a transfer; started early it
    // overlaps this allocation's work instead of stalling the first store into it.
    if (k >= 3) __builtin_prefetch(cache.stack[c][k - 3], 1, 3);
    return cache.stack[c][k - 1];
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
  unsigned k = cache.count[c];
  if (k >= detail::kPoolCachePerClass || !cache.stack[c]) [[unlikely]] {
    detail::pool_spill(cache, c);
    k = cache.count[c];
  }
  cache.stack[c][k] = p;
  cache.count[c] = k + 1;
}

}  // namespace actorscope
