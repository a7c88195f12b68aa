// Term: heap objects, construction, accessors, release, equality, ordering and hashing.

#include "actorscope/term.hpp"
#include "actorscope/frame_pool.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <functional>
#include <new>

namespace actorscope {

namespace detail {
namespace {

// A tuple: header, element count, then `size` Terms (allocated together).
struct alignas(8) TupleObj : HeapObject {
  uint32_t size;
  explicit TupleObj(uint32_t n) : HeapObject(HeapKind::Tuple), size(n) {}
  Term* elems() noexcept { return reinterpret_cast<Term*>(this + 1); }
  const Term* elems() const noexcept { return reinterpret_cast<const Term*>(this + 1); }
};
static_assert(sizeof(TupleObj) % alignof(Term) == 0);

struct ConsObj : HeapObject {
  Term head;
  Term tail;
  ConsObj(Term&& h, Term&& t) noexcept
      : HeapObject(HeapKind::Cons), head(std::move(h)), tail(std::move(t)) {}
  static void* operator new(size_t n) { return frame_alloc(n); }
  static void operator delete(void* p, size_t n) noexcept { frame_free(p, n); }
};

struct MapObj : HeapObject {
  std::vector<std::pair<Term, Term>> entries;
  explicit MapObj(std::vector<std::pair<Term, Term>>&& e)
      : HeapObject(HeapKind::Map), entries(std::move(e)) {}
};

// A binary: header, byte count, then the bytes.
struct alignas(8) BinaryObj : HeapObject {
  size_t size;
  explicit BinaryObj(size_t n) : HeapObject(HeapKind::Binary), size(n) {}
  char* data() noexcept { return reinterpret_cast<char*>(this + 1); }
};

}  // namespace
}  // namespace detail

using detail::BinaryObj;
using detail::ConsObj;
using detail::HeapKind;
using detail::HeapObject;
using detail::MapObj;
using detail::TupleObj;

struct TermAccess {
  static HeapObject* heap(const Term& t) noexcept { return t.u_.heap; }
  static bool on_heap(const Term& t) noexcept { return t.on_heap(); }
  static Term make(TermType type, HeapObject* h) noexcept { return Term(type, h); }
  /// Turns `t` into a plain integer without releasing what it referenced.
  static void forget(Term& t) noexcept { t.type_ = TermType::Integer; }
  static const TupleObj* tuple(const Term& t) noexcept {
    return static_cast<const TupleObj*>(t.u_.heap);
  }
  static const ConsObj* cons(const Term& t) noexcept {
    return static_cast<const ConsObj*>(t.u_.heap);
  }
  static const MapObj* map(const Term& t) noexcept { return static_cast<const MapObj*>(t.u_.heap); }
  static const BinaryObj* binary(const Term& t) noexcept {
    return static_cast<const BinaryObj*>(t.u_.heap);
  }
};

// ---------------------------------------------------------------------------------------------
// Release: iterative, so that freeing a long list (or any deep structure) never recurses.

namespace {

class FreeStack {
 public:
  void push(HeapObject* h) {
    if (n_ < kLocal)
      local_[n_++] = h;
    else
      spill_.push_back(h);
  }
  HeapObject* pop() noexcept {
    if (!spill_.empty()) {
      HeapObject* h = spill_.back();
      spill_.pop_back();
      return h;
    }
    return n_ ? local_[--n_] : nullptr;
  }

  /// Drops the reference `t` holds; queues its object if that was the last reference.
  /// `t` is left as a plain integer so that its destructor does nothing.
  void drop(Term& t) {
    if (TermAccess::on_heap(t)) {
      HeapObject* h = TermAccess::heap(t);
      if (h->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) push(h);
      TermAccess::forget(t);
    }
  }

 private:
  static constexpr size_t kLocal = 32;
  HeapObject* local_[kLocal];
  size_t n_ = 0;
  std::vector<HeapObject*> spill_;
};

void free_one(HeapObject* h, FreeStack& stack) {
  switch (h->kind) {
    case HeapKind::Tuple: {
      auto* t = static_cast<TupleObj*>(h);
      Term* e = t->elems();
      for (uint32_t i = 0, n = t->size; i < n; ++i) stack.drop(e[i]);
      size_t bytes = sizeof(TupleObj) + t->size * sizeof(Term);
      t->~TupleObj();
      frame_free(t, bytes);
      break;
    }
    case HeapKind::Cons: {
      auto* c = static_cast<ConsObj*>(h);
      stack.drop(c->head);
      stack.drop(c->tail);
      delete c;
      break;
    }
    case HeapKind::Map: {
      auto* m = static_cast<MapObj*>(h);
      for (auto& [k, v] : m->entries) {
        stack.drop(k);
        stack.drop(v);
      }
      delete m;
      break;
    }
    case HeapKind::Binary: {
      auto* b = static_cast<BinaryObj*>(h);
      size_t bytes = sizeof(BinaryObj) + b->size;
      b->~BinaryObj();
      frame_free(b, bytes);
      break;
    }
    case HeapKind::Fun:
      delete static_cast<FunObject*>(h);
      break;
  }
}

}  // namespace

void detail::release_heap(HeapObject* h) noexcept {
  if (h->kind == HeapKind::Tuple) {
    // Most messages: a tuple of atoms, numbers and pids, nothing of its own to release.
    auto* t = static_cast<TupleObj*>(h);
    const Term* e = t->elems();
    const uint32_t n = t->size;
    uint32_t i = 0;
    while (i < n && !TermAccess::on_heap(e[i])) ++i;
    if (i == n) {
      const size_t bytes = sizeof(TupleObj) + n * sizeof(Term);
      t->~TupleObj();
      frame_free(t, bytes);
      return;
    }
  }
  FreeStack stack;
  do {
    free_one(h, stack);
  } while ((h = stack.pop()) != nullptr);
}

std::string FunObject::describe() const {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, identity(), 16);
  std::string s = "0x";
  s.append(buf, r.ptr);
  s += '/';
  s += std::to_string(arity_);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Construction

namespace {

template <typename It>
Term make_tuple(It first, size_t n) {
  if (n == 0) return TermAccess::make(TermType::Tuple, nullptr);
  void* mem = frame_alloc(sizeof(TupleObj) + n * sizeof(Term));
  auto* t = new (mem) TupleObj(static_cast<uint32_t>(n));
  Term* e = t->elems();
  for (size_t i = 0; i < n; ++i, ++first) new (e + i) Term(*first);
  return TermAccess::make(TermType::Tuple, t);
}

}  // namespace

Term Term::binary(std::string_view bytes) {
  if (bytes.empty()) return Term(TermType::Binary, nullptr);
  void* mem = frame_alloc(sizeof(BinaryObj) + bytes.size());
  auto* b = new (mem) BinaryObj(bytes.size());
  std::memcpy(b->data(), bytes.data(), bytes.size());
  return Term(TermType::Binary, b);
}

Term Term::tuple(std::initializer_list<Term> elems) { return make_tuple(elems.begin(), elems.size()); }

Term Term::tuple(const std::vector<Term>& elems) { return make_tuple(elems.begin(), elems.size()); }

Term Term::cons(Term head, Term tail) {
  return Term(TermType::List, new ConsObj(std::move(head), std::move(tail)));
}

Term Term::list(std::initializer_list<Term> elems) {
  Term acc = empty_list();
  for (auto it = elems.end(); it != elems.begin();) {
    --it;
    acc = cons(*it, std::move(acc));
  }
  return acc;
}

Term Term::list(const std::vector<Term>& elems) { return list(elems, empty_list()); }

Term Term::list(const std::vector<Term>& elems, Term tail) {
  Term acc = std::move(tail);
  for (auto it = elems.rbegin(); it != elems.rend(); ++it) acc = cons(*it, std::move(acc));
  return acc;
}

Term Term::map(std::vector<std::pair<Term, Term>> entries) {
  if (entries.empty()) return Term(TermType::Map, nullptr);
  auto less = [](const std::pair<Term, Term>& a, const std::pair<Term, Term>& b) {
    return exact_compare(a.first, b.first) < 0;
  };
  if (!std::is_sorted(entries.begin(), entries.end(), less)) {
    std::stable_sort(entries.begin(), entries.end(), less);
  }
  // Later duplicates win: keep the last entry of each run of equal keys.
  size_t out = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i + 1 < entries.size() && exact_compare(entries[i].first, entries[i + 1].first) == 0)
      continue;
    if (out != i) entries[out] = std::move(entries[i]);
    ++out;
  }
  entries.resize(out);
  return Term(TermType::Map, new MapObj(std::move(entries)));
}

// ---------------------------------------------------------------------------------------------
// Accessors

bool Term::is_tagged(Atom tag, size_t arity) const noexcept {
  if (type_ != TermType::Tuple || u_.heap == nullptr) return false;
  const auto* t = static_cast<const TupleObj*>(u_.heap);
  return t->size == arity && t->elems()[0].is_atom(tag);
}

size_t Term::tuple_size() const noexcept {
  assert(is_tuple());
  return u_.heap ? static_cast<const TupleObj*>(u_.heap)->size : 0;
}

const Term& Term::element(size_t i) const noexcept {
  assert(is_tuple() && i < tuple_size());
  return static_cast<const TupleObj*>(u_.heap)->elems()[i];
}

const Term& Term::head() const noexcept {
  assert(is_cons());
  return static_cast<const ConsObj*>(u_.heap)->head;
}

const Term& Term::tail() const noexcept {
  assert(is_cons());
  return static_cast<const ConsObj*>(u_.heap)->tail;
}

long Term::list_length() const noexcept {
  const Term* t = this;
  long n = 0;
  while (t->is_cons()) {
    ++n;
    t = &static_cast<const ConsObj*>(t->u_.heap)->tail;
  }
  return t->is_empty_list() ? n : -1;
}

std::vector<Term> Term::list_elements() const {
  std::vector<Term> out;
  const long n = list_length();
  if (n <= 0) return out;
  out.reserve(static_cast<size_t>(n));
  for (const Term* t = this; t->is_cons(); t = &t->tail()) out.push_back(t->head());
  return out;
}

std::string_view Term::as_binary() const noexcept {
  assert(is_binary());
  if (u_.heap == nullptr) return {};
  auto* b = static_cast<BinaryObj*>(u_.heap);
  return std::string_view(b->data(), b->size);
}

size_t Term::map_size() const noexcept {
  assert(is_map());
  return u_.heap ? static_cast<const MapObj*>(u_.heap)->entries.size() : 0;
}

const std::vector<std::pair<Term, Term>>& Term::map_entries() const noexcept {
  assert(is_map());
  static const std::vector<std::pair<Term, Term>> empty;
  return u_.heap ? static_cast<const MapObj*>(u_.heap)->entries : empty;
}

const Term* Term::map_get(const Term& key) const noexcept {
  assert(is_map());
  if (u_.heap == nullptr) return nullptr;
  const auto& e = static_cast<const MapObj*>(u_.heap)->entries;
  auto it = std::lower_bound(e.begin(), e.end(), key, [](const auto& entry, const Term& k) {
    return exact_compare(entry.first, k) < 0;
  });
  if (it != e.end() && exact_compare(it->first, key) == 0) return &it->second;
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Ordering

namespace {

inline int sign(int64_t a, int64_t b) noexcept { return a < b ? -1 : (a > b ? 1 : 0); }
template <typename T>
inline int sign3(T a, T b) noexcept {
  return a < b ? -1 : (a > b ? 1 : 0);
}

// Floats compare by value (0.0 == -0.0 as in OTP 25); NaN, which Erlang never produces, sorts
// after every other number so that the order stays total.
inline int compare_floats(double a, double b) noexcept {
  const bool an = std::isnan(a), bn = std::isnan(b);
  if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
  return sign3(a, b);
}

// An integer against a float, by exact value.
int compare_int_float(int64_t i, double d) noexcept {
  if (std::isnan(d)) return -1;
  constexpr double two63 = 9223372036854775808.0;
  if (d >= two63) return -1;
  if (d < -two63) return 1;
  const double t = std::trunc(d);
  const auto ti = static_cast<int64_t>(t);
  if (i != ti) return i < ti ? -1 : 1;
  const double frac = d - t;
  return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}

// Term order rank: numbers share one.
inline int rank(TermType t) noexcept { return t == TermType::Float ? 0 : static_cast<int>(t); }

inline int compare_atoms(uint32_t a, uint32_t b) noexcept {
  if (a == b) return 0;
  const int c = atom_name(Atom{a}).compare(atom_name(Atom{b}));
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Exact = false: Erlang's term order (numbers by value).
// Exact = true: Erlang's map key order: as above, but every integer sorts before every float.
template <bool Exact>
int cmp(const Term* a, const Term* b) noexcept {
  for (;;) {
    const TermType ta = a->type(), tb = b->type();
    if (ta != tb) {
      if (ta == TermType::Integer && tb == TermType::Float)
        return Exact ? -1 : compare_int_float(a->as_integer(), b->as_float());
      if (ta == TermType::Float && tb == TermType::Integer)
        return Exact ? 1 : -compare_int_float(b->as_integer(), a->as_float());
      return rank(ta) < rank(tb) ? -1 : 1;
    }
    switch (ta) {
      case TermType::Integer:
        return sign(a->as_integer(), b->as_integer());
      case TermType::Float:
        return compare_floats(a->as_float(), b->as_float());
      case TermType::Atom:
        return compare_atoms(a->as_atom().id, b->as_atom().id);
      case TermType::Reference:
        return sign3(a->as_ref().id, b->as_ref().id);
      case TermType::Fun:
        return sign3(a->as_fun()->identity(), b->as_fun()->identity());
      case TermType::Pid:  // a pid's identity is its serial (its slot may be unresolved)
        return sign3(a->as_pid().serial(), b->as_pid().serial());
      case TermType::Tuple: {
        const HeapObject* ha = TermAccess::heap(*a);
        const HeapObject* hb = TermAccess::heap(*b);
        if (ha == hb) return 0;
        const size_t na = a->tuple_size(), nb = b->tuple_size();
        if (na != nb) return na < nb ? -1 : 1;
        // Compare all but the last element recursively, then loop on the last one.
        for (size_t i = 0; i + 1 < na; ++i)
          if (int c = cmp<Exact>(&a->element(i), &b->element(i))) return c;
        a = &a->element(na - 1);
        b = &b->element(na - 1);
        continue;
      }
      case TermType::Map: {
        const HeapObject* ha = TermAccess::heap(*a);
        const HeapObject* hb = TermAccess::heap(*b);
        if (ha == hb) return 0;
        const auto& ea = a->map_entries();
        const auto& eb = b->map_entries();
        if (ea.size() != eb.size()) return ea.size() < eb.size() ? -1 : 1;
        for (size_t i = 0; i < ea.size(); ++i)
          if (int c = cmp<true>(&ea[i].first, &eb[i].first)) return c;
        for (size_t i = 0; i < ea.size(); ++i)
          if (int c = cmp<Exact>(&ea[i].second, &eb[i].second)) return c;
        return 0;
      }
      case TermType::List: {
        for (;;) {
          if (TermAccess::heap(*a) == TermAccess::heap(*b)) return 0;  // same cell or both []
          if (a->is_empty_list()) return -1;
          if (b->is_empty_list()) return 1;
          if (int c = cmp<Exact>(&a->head(), &b->head())) return c;
          a = &a->tail();
          b = &b->tail();
          if (!a->is_list() || !b->is_list()) break;
        }
        continue;  // compare the improper tails as terms
      }
      case TermType::Binary: {
        const std::string_view sa = a->as_binary(), sb = b->as_binary();
        const int c = sa.compare(sb);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
      }
    }
    return 0;
  }
}

bool equal(const Term* a, const Term* b) noexcept {
  for (;;) {
    if (a->type() != b->type()) return false;
    switch (a->type()) {
      case TermType::Integer:
        return a->as_integer() == b->as_integer();
      case TermType::Float:
        return a->as_float() == b->as_float() ||
               (std::isnan(a->as_float()) && std::isnan(b->as_float()));
      case TermType::Atom:
        return a->as_atom() == b->as_atom();
      case TermType::Reference:
        return a->as_ref() == b->as_ref();
      case TermType::Pid:
        return a->as_pid().serial() == b->as_pid().serial();
      case TermType::Fun:
        return a->as_fun() == b->as_fun();
      case TermType::Tuple: {
        if (TermAccess::heap(*a) == TermAccess::heap(*b)) return true;
        const size_t n = a->tuple_size();
        if (n != b->tuple_size()) return false;
        for (size_t i = 0; i + 1 < n; ++i)
          if (!equal(&a->element(i), &b->element(i))) return false;
        a = &a->element(n - 1);
        b = &b->element(n - 1);
        continue;
      }
      case TermType::Map: {
        if (TermAccess::heap(*a) == TermAccess::heap(*b)) return true;
        const auto& ea = a->map_entries();
        const auto& eb = b->map_entries();
        if (ea.size() != eb.size()) return false;
        for (size_t i = 0; i < ea.size(); ++i)
          if (!equal(&ea[i].first, &eb[i].first) || !equal(&ea[i].second, &eb[i].second))
            return false;
        return true;
      }
      case TermType::List: {
        for (;;) {
          if (TermAccess::heap(*a) == TermAccess::heap(*b)) return true;
          if (a->is_empty_list() || b->is_empty_list()) return false;
          if (!equal(&a->head(), &b->head())) return false;
          a = &a->tail();
          b = &b->tail();
          if (!a->is_list() || !b->is_list()) break;
        }
        continue;
      }
      case TermType::Binary:
        return a->as_binary() == b->as_binary();
    }
    return false;
  }
}

inline size_t mix(size_t h, size_t v) noexcept {
  // boost::hash_combine with a 64-bit constant.
  return h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2));
}

inline size_t hash_u64(uint64_t x) noexcept {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return static_cast<size_t>(x);
}

size_t hash_rec(const Term* t) noexcept {
  size_t h = 0;
  for (;;) {
    h = mix(h, static_cast<size_t>(t->type()));
    switch (t->type()) {
      case TermType::Integer:
        return mix(h, hash_u64(static_cast<uint64_t>(t->as_integer())));
      case TermType::Float: {
        double d = t->as_float();
        if (d == 0.0) d = 0.0;  // -0.0 === 0.0
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        if (std::isnan(d)) bits = 0x7ff8000000000000ull;
        return mix(h, hash_u64(bits));
      }
      case TermType::Atom:
        return mix(h, hash_u64(t->as_atom().id));
      case TermType::Reference:
        return mix(h, hash_u64(t->as_ref().id));
      case TermType::Pid:
        return mix(h, hash_u64(t->as_pid().serial()));
      case TermType::Fun:
        return mix(h, hash_u64(t->as_fun()->identity()));
      case TermType::Tuple: {
        const size_t n = t->tuple_size();
        h = mix(h, n);
        if (n == 0) return h;
        for (size_t i = 0; i + 1 < n; ++i) h = mix(h, hash_rec(&t->element(i)));
        t = &t->element(n - 1);
        continue;
      }
      case TermType::Map: {
        const auto& e = t->map_entries();
        h = mix(h, e.size());
        for (const auto& [k, v] : e) {
          h = mix(h, hash_rec(&k));
          h = mix(h, hash_rec(&v));
        }
        return h;
      }
      case TermType::List: {
        while (t->is_cons()) {
          h = mix(h, hash_rec(&t->head()));
          t = &t->tail();
        }
        if (t->is_empty_list()) return h;
        continue;
      }
      case TermType::Binary:
        return mix(h, std::hash<std::string_view>{}(t->as_binary()));
    }
    return h;
  }
}

size_t bytes_rec(const Term* t) noexcept {
  size_t total = 0;
  for (;;) {
    total += sizeof(Term);
    switch (t->type()) {
      case TermType::Tuple: {
        const size_t n = t->tuple_size();
        if (n == 0) return total;
        total += sizeof(TupleObj);
        for (size_t i = 0; i < n; ++i) total += bytes_rec(&t->element(i));
        return total;
      }
      case TermType::Map: {
        const auto& e = t->map_entries();
        if (e.empty()) return total;
        total += sizeof(MapObj);
        for (const auto& [k, v] : e) total += bytes_rec(&k) + bytes_rec(&v);
        return total;
      }
      case TermType::List: {
        if (t->is_empty_list()) return total;
        total += sizeof(ConsObj) - 2 * sizeof(Term);
        total += bytes_rec(&t->head());
        t = &t->tail();
        continue;
      }
      case TermType::Binary: {
        const size_t n = t->as_binary().size();
        return n ? total + sizeof(BinaryObj) + n : total;
      }
      case TermType::Fun:
        return total + sizeof(FunObject);
      default:
        return total;
    }
  }
}

}  // namespace

bool Term::operator==(const Term& o) const noexcept { return equal(this, &o); }

size_t Term::heap_bytes() const noexcept { return bytes_rec(this); }

int compare(const Term& a, const Term& b) noexcept { return cmp<false>(&a, &b); }

int exact_compare(const Term& a, const Term& b) noexcept { return cmp<true>(&a, &b); }

size_t hash_value(const Term& t) noexcept { return hash_rec(&t); }

}  // namespace actorscope
