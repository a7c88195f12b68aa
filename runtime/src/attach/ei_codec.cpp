#include "ei_codec.hpp"

#include <atomic>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace actorscope::attach {

namespace {
// Foreign pids of every PidMap: serial -> printed text. Thread-safe (inspect_pid on any thread).
std::mutex g_foreign_m;
std::unordered_map<uint32_t, std::string> g_foreign;
std::atomic<uint32_t> g_next_foreign{kForeignPidSerial};

bool foreign_text(Pid p, std::string& out) {
  std::lock_guard g(g_foreign_m);
  auto it = g_foreign.find(p.serial());
  if (it == g_foreign.end()) return false;
  out = it->second;
  return true;
}
}  // namespace

Pid PidMap::local(const erlang_pid& p) {
  std::lock_guard g(m_);
  Key k{p.node, p.num, p.serial, p.creation};
  if (auto it = to_local_.find(k); it != to_local_.end()) return Pid::make(0, it->second);
  uint32_t serial;
  if (home_direct_ && home_ == p.node && p.serial == 0 && p.num > 0 && p.num < 0x8000'0000u && !to_remote_.count(p.num)) {
    serial = p.num;
  } else {
    serial = g_next_foreign++;
    if (!node_index_.count(p.node) && home_ != p.node) node_index_.emplace(p.node, unsigned(node_index_.size() + 1));
  }
  to_local_.emplace(std::move(k), serial);
  to_remote_.emplace(serial, p);
  if (serial >= kForeignPidSerial) {
    static const bool hooked = (set_foreign_pid_text(&foreign_text), true);
    (void)hooked;
    std::lock_guard gf(g_foreign_m);
    g_foreign[serial] = text_locked(Pid::make(0, serial));
  }
  return Pid::make(0, serial);
}

void PidMap::forget(Pid p) {
  std::lock_guard g(m_);
  if (p.serial() >= kForeignPidSerial) {
    // Kept while the picture may still show it (it prints by serial); the oldest go.
    if (!to_remote_.count(p.serial())) return;
    ended_foreign_.push_back(p.serial());
    trim_ended_locked();
    return;
  }
  auto it = to_remote_.find(p.serial());
  if (it == to_remote_.end()) return;
  to_local_.erase(Key{it->second.node, it->second.num, it->second.serial, it->second.creation});
  to_remote_.erase(it);
}

void PidMap::trim_ended_locked() {
  while (ended_foreign_.size() > kKeepEndedForeign) {
    const uint32_t s = ended_foreign_.front();
    ended_foreign_.pop_front();
    auto it = to_remote_.find(s);
    if (it == to_remote_.end()) continue;
    auto lt = to_local_.find(Key{it->second.node, it->second.num, it->second.serial, it->second.creation});
    if (lt != to_local_.end() && lt->second == s) to_local_.erase(lt);
    to_remote_.erase(it);
    std::lock_guard gf(g_foreign_m);
    g_foreign.erase(s);
  }
}

Ref PidMap::new_ref() {
  std::lock_guard g(m_);
  return Ref{next_ref_++};
}

void PidMap::forget_node(const std::string& node) {
  std::lock_guard g(m_);
  // Back (restarted, or after a partition), its pids must not map to serials the picture has
  // ended: the home node's too get serials of their own from now on (they print the same).
  if (node == home_) home_direct_ = false;
  std::erase_if(to_local_, [&](const auto& kv) {
    if (std::get<0>(kv.first) != node) return false;
    if (kv.second >= kForeignPidSerial) ended_foreign_.push_back(kv.second);  // printable a while longer
    return true;
  });
  trim_ended_locked();
}

std::optional<erlang_pid> PidMap::remote(Pid p) const {
  std::lock_guard g(m_);
  auto it = to_remote_.find(p.serial());
  if (it == to_remote_.end()) return std::nullopt;
  return it->second;
}

std::string PidMap::node_of(Pid p) const {
  std::lock_guard g(m_);
  auto it = to_remote_.find(p.serial());
  return it == to_remote_.end() ? std::string() : std::string(it->second.node);
}

std::string PidMap::text(Pid p) const {
  std::lock_guard g(m_);
  return text_locked(p);
}

std::string PidMap::text_locked(Pid p) const {
  auto it = to_remote_.find(p.serial());
  if (it == to_remote_.end()) return "#PID<0." + std::to_string(p.serial()) + ".0>";
  const erlang_pid& r = it->second;
  unsigned n = 0;
  if (home_ != r.node) {
    auto ni = node_index_.find(r.node);
    n = ni == node_index_.end() ? 0 : ni->second;
  }
  return "#PID<" + std::to_string(n) + "." + std::to_string(r.num) + "." + std::to_string(r.serial) + ">";
}

Ref PidMap::local(const erlang_ref& r) {
  std::lock_guard g(m_);
  auto k = std::make_tuple(std::string(r.node), r.len, r.n[0], r.len > 1 ? r.n[1] : 0u, r.len > 2 ? r.n[2] : 0u, r.creation);
  if (auto it = ref_to_local_.find(k); it != ref_to_local_.end()) return Ref{it->second};
  const uint64_t id = next_ref_++;
  ref_to_local_.emplace(std::move(k), id);
  ref_to_remote_.emplace(id, r);
  return Ref{id};
}

std::optional<erlang_ref> PidMap::remote(Ref r) const {
  std::lock_guard g(m_);
  auto it = ref_to_remote_.find(r.id);
  if (it == ref_to_remote_.end()) return std::nullopt;
  return it->second;
}

namespace {

// The printed form of a term the Term type lacks (a port, a fun, a bignum, a bitstring), as a
// binary: never an atom, for atoms are never freed and a node has endless ports and funs.
bool as_printed(const char* buf, int* index, Term& out) {
  char* s = nullptr;
  int i = *index;
  if (ei_s_print_term(&s, buf, &i) < 0) {
    free(s);
    return false;
  }
  out = Term::binary(s ? std::string_view(s) : std::string_view("?"));
  free(s);
  *index = i;
  return true;
}

bool decode_at(const char* buf, int* index, PidMap& pids, Term& out, int depth) {
  if (depth > 10'000) return false;
  int type = 0, size = 0;
  if (ei_get_type(buf, index, &type, &size) < 0) return false;
  switch (type) {
    case ERL_SMALL_INTEGER_EXT:
    case ERL_INTEGER_EXT: {
      long long v;
      if (ei_decode_longlong(buf, index, &v) < 0) return false;
      out = Term(v);
      return true;
    }
    case ERL_SMALL_BIG_EXT:
    case ERL_LARGE_BIG_EXT: {
      long long v;
      int i = *index;
      if (ei_decode_longlong(buf, &i, &v) == 0) {
        *index = i;
        out = Term(v);
        return true;
      }
      return as_printed(buf, index, out);
    }
    case ERL_FLOAT_EXT:
    case NEW_FLOAT_EXT: {
      double d;
      if (ei_decode_double(buf, index, &d) < 0) return false;
      out = Term(d);
      return true;
    }
    case ERL_ATOM_EXT:
    case ERL_SMALL_ATOM_EXT:
    case ERL_ATOM_UTF8_EXT:
    case ERL_SMALL_ATOM_UTF8_EXT: {
      char a[MAXATOMLEN_UTF8];
      if (ei_decode_atom_as(buf, index, a, sizeof a, ERLANG_UTF8, nullptr, nullptr) < 0) return false;
      out = Term::atom(a);
      return true;
    }
    case ERL_PID_EXT:
    case ERL_NEW_PID_EXT: {
      erlang_pid p;
      if (ei_decode_pid(buf, index, &p) < 0) return false;
      out = Term(pids.local(p));
      return true;
    }
    case ERL_REFERENCE_EXT:
    case ERL_NEW_REFERENCE_EXT:
    case ERL_NEWER_REFERENCE_EXT: {
      erlang_ref r;
      if (ei_decode_ref(buf, index, &r) < 0) return false;
      out = Term(pids.local(r));
      return true;
    }
    case ERL_SMALL_TUPLE_EXT:
    case ERL_LARGE_TUPLE_EXT: {
      int arity;
      if (ei_decode_tuple_header(buf, index, &arity) < 0) return false;
      std::vector<Term> elems(static_cast<size_t>(arity));
      for (auto& e : elems)
        if (!decode_at(buf, index, pids, e, depth + 1)) return false;
      out = Term::tuple(elems);
      return true;
    }
    case ERL_NIL_EXT: {
      int arity;
      if (ei_decode_list_header(buf, index, &arity) < 0) return false;
      out = Term::empty_list();
      return true;
    }
    case ERL_STRING_EXT: {  // a list of small integers
      std::string s(static_cast<size_t>(size) + 1, '\0');
      if (ei_decode_string(buf, index, s.data()) < 0) return false;
      std::vector<Term> elems;
      elems.reserve(static_cast<size_t>(size));
      for (int i = 0; i < size; ++i) elems.emplace_back(int(static_cast<unsigned char>(s[static_cast<size_t>(i)])));
      out = Term::list(elems);
      return true;
    }
    case ERL_LIST_EXT: {
      int arity;
      if (ei_decode_list_header(buf, index, &arity) < 0) return false;
      std::vector<Term> elems(static_cast<size_t>(arity));
      for (auto& e : elems)
        if (!decode_at(buf, index, pids, e, depth + 1)) return false;
      Term tail;
      if (!decode_at(buf, index, pids, tail, depth + 1)) return false;
      out = tail.is_empty_list() ? Term::list(elems) : Term::list(elems, tail);
      return true;
    }
    case ERL_BINARY_EXT: {
      std::string bytes(static_cast<size_t>(size), '\0');
      long len = 0;
      if (ei_decode_binary(buf, index, bytes.data(), &len) < 0) return false;
      bytes.resize(static_cast<size_t>(len));
      out = Term::binary(bytes);
      return true;
    }
    case ERL_MAP_EXT: {
      int arity;
      if (ei_decode_map_header(buf, index, &arity) < 0) return false;
      std::vector<std::pair<Term, Term>> entries(static_cast<size_t>(arity));
      for (auto& [k, v] : entries)
        if (!decode_at(buf, index, pids, k, depth + 1) || !decode_at(buf, index, pids, v, depth + 1)) return false;
      out = Term::map(std::move(entries));
      return true;
    }
    default:  // ports, funs, exports, bitstrings
      return as_printed(buf, index, out);
  }
}

bool encode_at(ei_x_buff* x, const Term& t, const PidMap& pids, std::string& error, int depth) {
  if (depth > 10'000) {
    error = "the term is nested too deep";
    return false;
  }
  switch (t.type()) {
    case TermType::Integer: return ei_x_encode_longlong(x, t.as_integer()) == 0;
    case TermType::Float: return ei_x_encode_double(x, t.as_float()) == 0;
    case TermType::Atom: {
      const std::string_view n = atom_name(t.as_atom());
      return ei_x_encode_atom_len_as(x, n.data(), int(n.size()), ERLANG_UTF8, ERLANG_UTF8) == 0;
    }
    case TermType::Pid: {
      auto p = pids.remote(t.as_pid());
      if (!p) {
        error = pids.text(t.as_pid()) + " is not alive on the node (it ended, or never ran there)";
        return false;
      }
      return ei_x_encode_pid(x, &*p) == 0;
    }
    case TermType::Reference: {
      auto r = pids.remote(t.as_ref());
      if (!r) {
        error = "the reference is not one the node made";
        return false;
      }
      return ei_x_encode_ref(x, &*r) == 0;
    }
    case TermType::Fun: error = "a function cannot be sent to a node"; return false;
    case TermType::Tuple: {
      if (ei_x_encode_tuple_header(x, long(t.tuple_size())) < 0) return false;
      for (size_t i = 0; i < t.tuple_size(); ++i)
        if (!encode_at(x, t[i], pids, error, depth + 1)) return false;
      return true;
    }
    case TermType::Map: {
      if (ei_x_encode_map_header(x, long(t.map_size())) < 0) return false;
      for (const auto& [k, v] : t.map_entries())
        if (!encode_at(x, k, pids, error, depth + 1) || !encode_at(x, v, pids, error, depth + 1)) return false;
      return true;
    }
    case TermType::List: {
      Term cur = t;
      long n = 0;
      while (cur.is_cons()) {
        ++n;
        cur = cur.tail();
      }
      if (n > 0) {
        if (ei_x_encode_list_header(x, n) < 0) return false;
        Term c = t;
        while (c.is_cons()) {
          if (!encode_at(x, c.head(), pids, error, depth + 1)) return false;
          c = c.tail();
        }
        if (c.is_empty_list()) return ei_x_encode_empty_list(x) == 0;
        return encode_at(x, c, pids, error, depth + 1);  // an improper tail
      }
      return ei_x_encode_empty_list(x) == 0;
    }
    case TermType::Binary: {
      const std::string_view b = t.as_binary();
      return ei_x_encode_binary(x, b.data(), long(b.size())) == 0;
    }
  }
  return false;
}

}  // namespace

bool decode(const char* buf, int* index, PidMap& pids, Term& out) { return decode_at(buf, index, pids, out, 0); }

bool encode(ei_x_buff* x, const Term& t, const PidMap& pids, std::string& error) {
  if (encode_at(x, t, pids, error, 0)) return true;
  if (error.empty()) error = "the term could not be encoded";
  return false;
}

}  // namespace actorscope::attach
