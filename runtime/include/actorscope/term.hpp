#pragma once
// Term: a dynamic, immutable value like Erlang's.
//
// A Term is 16 bytes. Integers, floats, atoms, pids and references live inline; tuples, lists
// (cons cells), maps, binaries and funs live on the heap, shared by an atomic reference count,
// so copying a Term is cheap and a Term may be handed to another thread freely.
// Thread-safety: a Term is immutable; concurrent reads and copies from any thread are safe.

#include "actorscope/atom.hpp"

#include <atomic>
#include <compare>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace actorscope {

/// A process identifier. Low 32 bits: slot in the process table; high 32 bits: the serial number
/// printed as `#PID<0.N.0>`. A pid of an ended process never reaches a later process in its slot.
struct Pid {
  uint64_t raw = 0;
  constexpr uint32_t slot() const { return static_cast<uint32_t>(raw); }
  constexpr uint32_t serial() const { return static_cast<uint32_t>(raw >> 32); }
  constexpr bool valid() const { return raw != 0; }
  static constexpr Pid make(uint32_t slot, uint32_t serial) {
    return Pid{(static_cast<uint64_t>(serial) << 32) | slot};
  }
  /// Identity is the serial: a pid parsed from text (slot unknown) equals the live one.
  constexpr bool operator==(const Pid& o) const { return serial() == o.serial(); }
  constexpr auto operator<=>(const Pid& o) const { return serial() <=> o.serial(); }
  /// Slot value of a pid parsed from text, resolved by the runtime on use.
  static constexpr uint32_t kUnresolvedSlot = 0xFFFFFFFFu;
};

/// What a reference's last printed word adds to its id (see inspect()).
inline constexpr uint64_t kRefShown = 10'000'000;
/// A unique reference, printed as `#Reference<0.A.B.kRefShown+id>` (A, B derived from the id, as wide as the BEAM's).
struct Ref {
  uint64_t id = 0;
  constexpr bool operator==(const Ref&) const = default;
  constexpr auto operator<=>(const Ref&) const = default;
};

// The order of the enumerators is Erlang's term order:
// number < atom < reference < fun < pid < tuple < map < list (nil first) < bitstring.
enum class TermType : uint8_t { Integer, Float, Atom, Reference, Fun, Pid, Tuple, Map, List, Binary };

class Term;

namespace detail {
enum class HeapKind : uint8_t { Tuple, Cons, Map, Binary, Fun };
struct HeapObject {
  std::atomic<uint32_t> refs{1};
  HeapKind kind;
  explicit HeapObject(HeapKind k) : kind(k) {}
};
void release_heap(HeapObject* h) noexcept;  // called when refs reaches zero
}  // namespace detail

/// An opaque function value. Subclass it to carry a callable; the runtime never calls it itself.
class FunObject : public detail::HeapObject {
 public:
  explicit FunObject(int arity) : HeapObject(detail::HeapKind::Fun), arity_(arity) {}
  virtual ~FunObject() = default;
  int arity() const { return arity_; }
  /// Text inside `#Function<...>` when printed, e.g. `12.3456/1 in :erl_eval.expr/6`.
  virtual std::string describe() const;
  /// A stable identity used for ordering and equality of funs.
  uint64_t identity() const { return reinterpret_cast<uintptr_t>(this); }

 private:
  int arity_;
};

class Term {
 public:
  /// The atom `nil`.
  Term() noexcept : type_(TermType::Atom) { u_.atom = atoms::nil.id; }
  Term(int v) noexcept : type_(TermType::Integer) { u_.i = v; }
  Term(long v) noexcept : type_(TermType::Integer) { u_.i = v; }
  Term(long long v) noexcept : type_(TermType::Integer) { u_.i = v; }
  Term(double v) noexcept : type_(TermType::Float) { u_.f = v; }
  Term(Atom a) noexcept : type_(TermType::Atom) { u_.atom = a.id; }
  Term(Pid p) noexcept : type_(TermType::Pid) { u_.pid = p.raw; }
  Term(Ref r) noexcept : type_(TermType::Reference) { u_.ref = r.id; }
  /// Booleans are the atoms `true` and `false`.
  static Term boolean(bool b) noexcept { return Term(b ? atoms::true_ : atoms::false_); }
  static Term atom(std::string_view name) { return Term(intern(name)); }

  /// A binary holding `bytes` (an Elixir string when it is valid UTF-8).
  static Term binary(std::string_view bytes);
  static Term tuple(std::initializer_list<Term> elems);
  static Term tuple(const std::vector<Term>& elems);
  static Term empty_list() noexcept { return Term(TermType::List, nullptr); }
  static Term list(std::initializer_list<Term> elems);
  static Term list(const std::vector<Term>& elems);
  /// A list from `elems` ending in `tail` (an improper list when tail is not a list).
  static Term list(const std::vector<Term>& elems, Term tail);
  /// The cons cell `[head | tail]`.
  static Term cons(Term head, Term tail);
  /// A map; later duplicates of a key win (as in Elixir's `%{a: 1, a: 2}`).
  static Term map(std::vector<std::pair<Term, Term>> entries);
  /// Takes ownership of a freshly created fun (refs == 1).
  static Term fun(FunObject* f) noexcept { return Term(TermType::Fun, f); }

  Term(const Term& o) noexcept : type_(o.type_), aux_(o.aux_), u_(o.u_) { retain(); }
  Term(Term&& o) noexcept : type_(o.type_), aux_(o.aux_), u_(o.u_) {
    o.type_ = TermType::Atom;
    o.u_.atom = atoms::nil.id;
  }
  Term& operator=(const Term& o) noexcept {
    if (this != &o) {
      Term tmp(o);
      swap(tmp);
    }
    return *this;
  }
  Term& operator=(Term&& o) noexcept {
    Term tmp(std::move(o));
    swap(tmp);
    return *this;
  }
  ~Term() { release(); }
  void swap(Term& o) noexcept {
    std::swap(type_, o.type_);
    std::swap(aux_, o.aux_);
    std::swap(u_, o.u_);
  }

  TermType type() const noexcept { return type_; }
  bool is_integer() const noexcept { return type_ == TermType::Integer; }
  bool is_float() const noexcept { return type_ == TermType::Float; }
  bool is_number() const noexcept { return is_integer() || is_float(); }
  bool is_atom() const noexcept { return type_ == TermType::Atom; }
  bool is_atom(Atom a) const noexcept { return type_ == TermType::Atom && u_.atom == a.id; }
  bool is_boolean() const noexcept { return is_atom(atoms::true_) || is_atom(atoms::false_); }
  bool is_pid() const noexcept { return type_ == TermType::Pid; }
  bool is_ref() const noexcept { return type_ == TermType::Reference; }
  bool is_tuple() const noexcept { return type_ == TermType::Tuple; }
  /// True for a tuple of `arity` elements whose first element is the atom `tag`.
  bool is_tagged(Atom tag, size_t arity) const noexcept;
  bool is_list() const noexcept { return type_ == TermType::List; }
  bool is_empty_list() const noexcept { return type_ == TermType::List && u_.heap == nullptr; }
  bool is_cons() const noexcept { return type_ == TermType::List && u_.heap != nullptr; }
  bool is_map() const noexcept { return type_ == TermType::Map; }
  bool is_binary() const noexcept { return type_ == TermType::Binary; }
  bool is_fun() const noexcept { return type_ == TermType::Fun; }

  // Accessors; calling one on a term of another type is a precondition violation (asserted).
  int64_t as_integer() const noexcept { return u_.i; }
  double as_float() const noexcept { return u_.f; }
  /// The value of an integer or float as a double.
  double as_number() const noexcept { return is_integer() ? double(u_.i) : u_.f; }
  Atom as_atom() const noexcept { return Atom{u_.atom}; }
  Pid as_pid() const noexcept { return Pid{u_.pid}; }
  Ref as_ref() const noexcept { return Ref{u_.ref}; }
  bool as_bool() const noexcept { return is_atom(atoms::true_); }

  size_t tuple_size() const noexcept;
  const Term& element(size_t i) const noexcept;  // 0-based
  const Term& operator[](size_t i) const noexcept { return element(i); }

  const Term& head() const noexcept;  // of a non-empty list
  const Term& tail() const noexcept;  // of a non-empty list
  /// Length of a proper list, or -1 for an improper one. O(n).
  long list_length() const noexcept;
  bool is_proper_list() const noexcept { return list_length() >= 0; }
  /// Elements of a proper list (empty for anything else).
  std::vector<Term> list_elements() const;

  std::string_view as_binary() const noexcept;  // the bytes of a binary

  size_t map_size() const noexcept;
  /// Entries of a map, sorted by key in term order.
  const std::vector<std::pair<Term, Term>>& map_entries() const noexcept;
  /// The value for `key` (exact match), or nullptr.
  const Term* map_get(const Term& key) const noexcept;

  FunObject* as_fun() const noexcept { return static_cast<FunObject*>(u_.heap); }

  /// Exact equality (Elixir `===`): 1 and 1.0 differ. Used by pattern matching.
  bool operator==(const Term& o) const noexcept;
  /// Rough size in bytes of this term and what it references, for `:memory`.
  size_t heap_bytes() const noexcept;
  /// A hint: starts bringing the heap object (a tuple's elements...) into this core's cache, for
  /// a reader that will look at it soon (a receive draining its inbox). No effect on the value.
  void prefetch() const noexcept {
    if (on_heap()) __builtin_prefetch(u_.heap, 0, 3);
  }

 private:
  Term(TermType t, detail::HeapObject* h) noexcept : type_(t) { u_.heap = h; }
  bool on_heap() const noexcept {
    return type_ >= TermType::Tuple ? (u_.heap != nullptr) : type_ == TermType::Fun;
  }
  void retain() const noexcept {
    if (on_heap()) u_.heap->refs.fetch_add(1, std::memory_order_relaxed);
  }
  // The last holder (refs == 1: no other reference exists that could add one) frees without a
  // locked instruction: a message's payload is almost always its only reference.
  void release() noexcept {
    if (!on_heap()) return;
    detail::HeapObject* h = u_.heap;
    if (h->refs.load(std::memory_order_acquire) == 1 || h->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
      detail::release_heap(h);
  }
  friend struct TermAccess;

  TermType type_;
  uint32_t aux_ = 0;
  union U {
    int64_t i;
    double f;
    uint32_t atom;
    uint64_t pid;
    uint64_t ref;
    detail::HeapObject* heap;
  } u_;
};
static_assert(sizeof(Term) == 16);

/// Erlang's total term order: <0, 0 or >0. Numbers compare by value (1 == 1.0 compares 0);
/// ties between an integer and an equal float are broken integer-first only by exact_compare.
int compare(const Term& a, const Term& b) noexcept;
/// Elixir's `==` (numbers by value).
inline bool equal_numeric(const Term& a, const Term& b) noexcept { return compare(a, b) == 0; }
/// A total order consistent with exact equality (`===`); used to sort map keys.
int exact_compare(const Term& a, const Term& b) noexcept;
size_t hash_value(const Term& t) noexcept;

/// Elixir's `inspect/1` of a term: `{:ok, #PID<0.84.0>}`, `[a: 1]`, `%{"k" => 1}`, `'abc'`.
std::string inspect(const Term& t);
std::ostream& operator<<(std::ostream& os, const Term& t);
/// Elixir's inspect of an atom alone (`:ok`, `true`, `:"with space"`, `Foo.Bar`).
std::string inspect_atom(Atom a);
std::string inspect_pid(Pid p);
/// Serials from here up are pids this runtime did not make (an attached node's, another node's
/// seen there): they print as the hook says.
inline constexpr uint32_t kForeignPidSerial = 0x8000'0000u;
/// How a foreign pid prints ("#PID<12.85.0>"); returns false to print it as usual. Set once (the
/// attach library does); called from any thread, so it must be thread-safe.
using ForeignPidText = bool (*)(Pid p, std::string& out);
void set_foreign_pid_text(ForeignPidText f);
/// A keyword-list key as inspect() writes it, with its colon and space (`a: `, `"with space": `).
std::string inspect_key(Atom a);

/// Where and why a text is not a term.
struct ParseError {
  int line = 1;
  int column = 1;
  std::string message;
  /// "line L, column C: message"
  std::string to_string() const;
};

/// The result of parse_term: a term, or a ParseError.
class ParseResult {
 public:
  ParseResult(Term t) : ok_(true), term_(std::move(t)) {}
  ParseResult(ParseError e) : ok_(false), error_(std::move(e)) {}
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Term& term() const { return term_; }
  const ParseError& error() const { return error_; }

 private:
  bool ok_;
  Term term_;
  ParseError error_;
};

/// Parses one term written in Elixir syntax, the syntax inspect() prints (so
/// parse_term(inspect(t)) == t for every term but funs). Surrounding whitespace is allowed;
/// anything else after the term is an error.
ParseResult parse_term(std::string_view text);

struct ParseOptions {
  /// Accept `#Function<...>` as an opaque fun that only remembers its text (it prints the same
  /// and cannot be called). For reading back what inspect() wrote, e.g. a recording.
  bool opaque_funs = false;
};
ParseResult parse_term(std::string_view text, const ParseOptions& opts);

}  // namespace actorscope

template <>
struct std::hash<actorscope::Term> {
  size_t operator()(const actorscope::Term& t) const noexcept { return actorscope::hash_value(t); }
};
