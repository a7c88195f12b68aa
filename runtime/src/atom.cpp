// The atom table.
//
// Names live in an append-only arena and are indexed by a chunked array of string_views whose
// chunks never move, so atom_name() is lock-free: it reads the published count (acquire), then the
// chunk pointer (acquire), then the entry. intern() looks the name up under a shared lock and
// inserts under a unique lock.
//
// The predefined atoms (ACTORSCOPE_ATOMS) are constant-initialised into chunk 0 at their enum
// index, so atom_name(atoms::ok) works before any intern() call, from any thread, even during
// static initialisation of other translation units.

#include "actorscope/atom.hpp"

#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace actorscope {
namespace {

constexpr uint32_t kChunkBits = 12;
constexpr uint32_t kChunkSize = 1u << kChunkBits;  // 4096 atoms per chunk
constexpr uint32_t kMaxChunks = 1024;               // 4,194,304 atoms at most
static_assert(atoms::predefined_count <= kChunkSize);

// Chunk 0, with the predefined names at their indices (the rest value-initialised to empty).
constinit std::string_view g_chunk0[kChunkSize] = {
#define ACTORSCOPE_ATOM_NAME(id, text) std::string_view(text),
    ACTORSCOPE_ATOMS(ACTORSCOPE_ATOM_NAME)
#undef ACTORSCOPE_ATOM_NAME
};

struct ChunkArray {
  std::atomic<std::string_view*> chunks[kMaxChunks];
};
constinit ChunkArray g_chunks{{g_chunk0}};
constinit std::atomic<uint32_t> g_count{atoms::predefined_count};

// The mutable part, created on first intern().
struct Table {
  std::shared_mutex mutex;
  std::unordered_map<std::string_view, uint32_t> index;
  // Arena of name bytes; blocks never move or get freed.
  std::vector<std::unique_ptr<char[]>> blocks;
  char* cursor = nullptr;
  size_t left = 0;

  Table() {
    index.reserve(1024);
    for (uint32_t i = 0; i < atoms::predefined_count; ++i) index.emplace(g_chunk0[i], i);
  }

  std::string_view store(std::string_view name) {
    constexpr size_t kBlock = 64 * 1024;
    if (name.empty()) return std::string_view("", 0);
    if (name.size() > kBlock / 4) {
      blocks.push_back(std::make_unique<char[]>(name.size()));
      std::memcpy(blocks.back().get(), name.data(), name.size());
      return std::string_view(blocks.back().get(), name.size());
    }
    if (left < name.size()) {
      blocks.push_back(std::make_unique<char[]>(kBlock));
      cursor = blocks.back().get();
      left = kBlock;
    }
    std::memcpy(cursor, name.data(), name.size());
    std::string_view stored(cursor, name.size());
    cursor += name.size();
    left -= name.size();
    return stored;
  }
};

Table& table() {
  static Table t;  // thread-safe initialisation
  return t;
}

}  // namespace

Atom intern(std::string_view name) {
  Table& t = table();
  {
    std::shared_lock lock(t.mutex);
    auto it = t.index.find(name);
    if (it != t.index.end()) return Atom{it->second};
  }
  std::unique_lock lock(t.mutex);
  auto it = t.index.find(name);
  if (it != t.index.end()) return Atom{it->second};

  const uint32_t id = g_count.load(std::memory_order_relaxed);
  const uint32_t chunk = id >> kChunkBits;
  if (chunk >= kMaxChunks) throw std::length_error("actorscope: atom table full");
  std::string_view* entries = g_chunks.chunks[chunk].load(std::memory_order_relaxed);
  if (entries == nullptr) {
    entries = new std::string_view[kChunkSize];  // never freed: atoms live forever
    g_chunks.chunks[chunk].store(entries, std::memory_order_release);
  }
  const std::string_view stored = t.store(name);
  entries[id & (kChunkSize - 1)] = stored;
  t.index.emplace(stored, id);
  g_count.store(id + 1, std::memory_order_release);
  return Atom{id};
}

std::string_view atom_name(Atom a) {
  if (a.id >= g_count.load(std::memory_order_acquire)) return {};
  const std::string_view* entries =
      g_chunks.chunks[a.id >> kChunkBits].load(std::memory_order_acquire);
  return entries[a.id & (kChunkSize - 1)];
}

uint32_t atom_count() { return g_count.load(std::memory_order_acquire); }

}  // namespace actorscope
