// The console's `inspect`: Elixir 1.14's Inspect protocol with its default options (width 80,
// no limits), as IO.inspect/2 and Kernel.inspect/2 print. Terms become documents of
// Inspect.Algebra (strings, breaks, nesting, groups) laid out by the same algorithm Elixir uses
// (Inspect.Algebra.format/2 and fits?/4, including flex breaks and the "a group that has no break
// before it overflows still fits" rule). Lists of simple elements fill lines (flex breaks),
// tuples always do, keyword lists and maps put one entry per line when they do not fit.
// Structs of the exceptions the console raises, Task and Range print as Elixir prints them;
// any other map with a __struct__ key prints as a map, as Elixir does for an unknown module.
// Containers show at most `limit` elements (Inspect.Opts' default 50), then "...".
//
// The runtime's inspect() stays the one-line form that parse_term() reads back.

#include "interp.hpp"

#include <map>
#include <memory>
#include <mutex>

namespace actorscope::console::detail {

namespace {

struct Doc;
using D = std::shared_ptr<const Doc>;
struct Doc {
  enum Kind : uint8_t { Nil, Str, Cons, Nest, Break, Group } kind = Nil;
  bool flex = false;
  int indent = 0;
  std::string s;
  D a, b;
};

D str(std::string s) {
  auto d = std::make_shared<Doc>();
  d->kind = Doc::Str;
  d->s = std::move(s);
  return d;
}
D cons(D a, D b) {
  auto d = std::make_shared<Doc>();
  d->kind = Doc::Cons;
  d->a = std::move(a);
  d->b = std::move(b);
  return d;
}
D nest(D x, int j) {
  auto d = std::make_shared<Doc>();
  d->kind = Doc::Nest;
  d->indent = j;
  d->a = std::move(x);
  return d;
}
D brk(std::string s, bool flex) {
  auto d = std::make_shared<Doc>();
  d->kind = Doc::Break;
  d->s = std::move(s);
  d->flex = flex;
  return d;
}
D group(D x) {
  auto d = std::make_shared<Doc>();
  d->kind = Doc::Group;
  d->a = std::move(x);
  return d;
}
D glue(D a, const char* s, D b) { return cons(std::move(a), cons(brk(s, false), std::move(b))); }

bool simple(const Doc& d) {
  switch (d.kind) {
    case Doc::Nil:
    case Doc::Str: return true;
    case Doc::Cons: return simple(*d.a) && simple(*d.b);
    default: return false;
  }
}

enum class Brk { Maybe, Strict, Flex };

/// Inspect.Algebra.container_doc/6 (no limit). `tail` is the doc of an improper list's tail.
D container(const char* left, std::vector<D> docs, const char* right, Brk mode, D tail = nullptr) {
  if (docs.empty()) return str(std::string(left) + right);
  bool simp = mode == Brk::Maybe;
  for (const D& d : docs) simp = simp && simple(*d);
  if (tail) {
    simp = simp && simple(*tail);
    // container_each joins the last element and the tail with " |".
    D last = docs.back();
    docs.back() = simp ? cons(cons(last, str(" |")), cons(brk(" ", true), tail)) : glue(cons(last, str(" |")), " ", tail);
  }
  const bool flex = simp || mode == Brk::Flex;
  D folded = docs.back();
  for (size_t i = docs.size() - 1; i-- > 0;)
    folded = flex ? cons(cons(docs[i], str(",")), cons(brk(" ", true), folded)) : glue(cons(docs[i], str(",")), " ", folded);
  if (flex) return group(cons(cons(str(left), nest(folded, 1)), str(right)));
  return group(glue(nest(glue(str(left), "", folded), 2), "", str(right)));
}

enum class Mode : uint8_t { Flat, Break };
struct Item {
  int indent = 0;
  Mode mode = Mode::Flat;
  const Doc* doc = nullptr;  // nullptr: the end of a group seen by fits() (restores `b`)
  bool b = false;
};

/// Inspect.Algebra's fits?/4: `local` first, then (read-only) the rest of the layout stack.
bool fits(int w, int k, bool b, std::vector<Item> local, const std::vector<Item>* rest) {
  size_t ri = rest ? rest->size() : 0;
  for (;;) {
    if (k > w && b) return false;
    Item it;
    if (!local.empty()) {
      it = local.back();
      local.pop_back();
    } else if (ri > 0) {
      it = (*rest)[--ri];
    } else {
      return true;
    }
    if (!it.doc) {
      b = it.b;
      continue;
    }
    const Doc& d = *it.doc;
    switch (d.kind) {
      case Doc::Nil: break;
      case Doc::Str: k += static_cast<int>(d.s.size()); break;
      case Doc::Break:
        if (it.mode == Mode::Break) return true;
        k += static_cast<int>(d.s.size());
        b = true;
        break;
      case Doc::Cons:
        local.push_back({it.indent, it.mode, d.b.get(), false});
        local.push_back({it.indent, it.mode, d.a.get(), false});
        break;
      case Doc::Nest: local.push_back({it.indent + d.indent, it.mode, d.a.get(), false}); break;
      case Doc::Group:
        local.push_back({0, Mode::Flat, nullptr, b});
        local.push_back({it.indent, it.mode == Mode::Break ? Mode::Flat : it.mode, d.a.get(), false});
        break;
    }
  }
}

std::string format(const Doc& doc, int w) {
  std::string out;
  std::vector<Item> stack{{0, Mode::Flat, &doc, false}};
  int k = 0;
  auto newline = [&](int i) {
    out += '\n';
    out.append(static_cast<size_t>(i), ' ');
    k = i;
  };
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const Doc& d = *it.doc;
    switch (d.kind) {
      case Doc::Nil: break;
      case Doc::Str:
        out += d.s;
        k += static_cast<int>(d.s.size());
        break;
      case Doc::Cons:
        stack.push_back({it.indent, it.mode, d.b.get(), false});
        stack.push_back({it.indent, it.mode, d.a.get(), false});
        break;
      case Doc::Nest: stack.push_back({it.indent + d.indent, it.mode, d.a.get(), false}); break;
      case Doc::Break:
        if (d.flex) {
          int k2 = k + static_cast<int>(d.s.size());
          if (it.mode == Mode::Flat || fits(w, k2, true, {}, &stack)) {
            out += d.s;
            k = k2;
          } else {
            newline(it.indent);
          }
        } else if (it.mode == Mode::Break) {
          newline(it.indent);
        } else {
          out += d.s;
          k += static_cast<int>(d.s.size());
        }
        break;
      case Doc::Group: {
        bool flat = fits(w, k, false, {{it.indent, Mode::Flat, d.a.get(), false}}, nullptr);
        stack.push_back({it.indent, flat ? Mode::Flat : Mode::Break, d.a.get(), false});
        break;
      }
    }
  }
  return out;
}

bool is_keyword_key(const Term& k) {
  return k.is_atom() && atom_name(k.as_atom()).substr(0, 7) != "Elixir.";
}

bool printable_charlist(const Term& list) {
  const Term* t = &list;
  for (; t->is_cons(); t = &t->tail()) {
    const Term& h = t->head();
    if (!h.is_integer()) return false;
    int64_t c = h.as_integer();
    if (!((c >= 7 && c <= 13) || c == 27 || (c >= 32 && c <= 126))) return false;
  }
  return t->is_empty_list();
}

/// The :limit of Inspect.Opts: how many more elements containers show (kNoLimit: all).
constexpr int kNoLimit = -1;
int decrement(int limit) { return limit == kNoLimit ? limit : limit - 1; }

D to_doc(const Term& t, int limit);

D keyword(const Term& key, const Term& value, int limit) {
  std::string k = inspect_key(key.as_atom());
  k.pop_back();  // "a: " -> "a:", then concat(" ", value) as Inspect.List.keyword/2
  return cons(str(std::move(k)), cons(str(" "), to_doc(value, limit)));
}

/// Inspect.Algebra's container_each/6: the docs of the elements, "..." once `limit` runs out.
template <typename Fn>
std::vector<D> each(size_t n, int limit, Fn&& doc_of) {
  std::vector<D> docs;
  for (size_t i = 0; i < n; ++i) {
    if (limit == 0) {
      docs.push_back(str("..."));
      break;
    }
    limit = decrement(limit);
    docs.push_back(doc_of(i, limit));
  }
  return docs;
}

D struct_doc(const Term& m, int limit) {
  const Term* st = m.map_get(Term(A("__struct__")));
  if (!st || !st->is_atom()) return nullptr;
  std::string_view name = atom_name(st->as_atom());
  if (name.substr(0, 7) != "Elixir.") return nullptr;
  name = name.substr(7);
  if (name == "Range") {
    const Term* f = m.map_get(Term(A("first")));
    const Term* l = m.map_get(Term(A("last")));
    const Term* s = m.map_get(Term(A("step")));
    if (!f || !l || !s || m.map_entries().size() != 4) return nullptr;
    D d = cons(to_doc(*f, limit), cons(str(".."), to_doc(*l, limit)));
    bool plain = s->is_integer() && s->as_integer() == 1 && f->is_integer() && l->is_integer() &&
                 l->as_integer() >= f->as_integer();
    if (!plain) d = cons(d, cons(str("//"), to_doc(*s, limit)));
    return d;
  }
  const std::vector<std::string>* fields = struct_fields(name);
  if (!fields) fields = user_struct_fields(name);
  if (!fields) return nullptr;
  // As Inspect.Any: only a struct with exactly its module's keys prints as a struct.
  size_t extra = m.map_get(Term(A("__exception__"))) ? 2 : 1;
  if (m.map_entries().size() != fields->size() + extra) return nullptr;
  for (const std::string& f : *fields)
    if (!m.map_get(Term(A(f)))) return nullptr;
  std::vector<D> docs = each(fields->size(), limit, [&](size_t i, int l) {
    return keyword(Term(A((*fields)[i])), *m.map_get(Term(A((*fields)[i]))), l);
  });
  std::string open = "%" + std::string(name) + "{";
  return container(open.c_str(), std::move(docs), "}", Brk::Strict);
}

D to_doc(const Term& t, int limit) {
  switch (t.type()) {
    case TermType::Tuple: {
      std::vector<D> docs = each(t.tuple_size(), limit, [&](size_t i, int l) { return to_doc(t[i], l); });
      return container("{", std::move(docs), "}", Brk::Flex);
    }
    case TermType::List: {
      if (t.is_empty_list() || printable_charlist(t)) return str(inspect(t));
      bool kw = true;
      std::vector<const Term*> elems;
      const Term* c = &t;
      for (; c->is_cons(); c = &c->tail()) {
        const Term& h = c->head();
        elems.push_back(&h);
        if (!(h.is_tuple() && h.tuple_size() == 2 && is_keyword_key(h[0]))) kw = false;
      }
      const bool proper = c->is_empty_list();
      if (!proper) kw = false;
      if (kw) {
        std::vector<D> docs = each(elems.size(), limit, [&](size_t i, int l) { return keyword((*elems[i])[0], (*elems[i])[1], l); });
        return container("[", std::move(docs), "]", Brk::Strict);
      }
      if (proper) {
        std::vector<D> docs = each(elems.size(), limit, [&](size_t i, int l) { return to_doc(*elems[i], l); });
        return container("[", std::move(docs), "]", Brk::Maybe);
      }
      // An improper list: the last cell's head and tail are shown with the same limit.
      const int n = static_cast<int>(elems.size() - 1);
      std::vector<D> docs = each(elems.size() - 1, limit, [&](size_t i, int l) { return to_doc(*elems[i], l); });
      if (limit != kNoLimit && limit < n) return container("[", std::move(docs), "]", Brk::Maybe);  // ends in "..."
      int l = limit == kNoLimit ? limit : limit - n;
      if (l == 0) {
        docs.push_back(str("..."));
        return container("[", std::move(docs), "]", Brk::Maybe);
      }
      l = decrement(l);
      docs.push_back(to_doc(*elems.back(), l));
      return container("[", std::move(docs), "]", Brk::Maybe, to_doc(*c, l));
    }
    case TermType::Map: {
      if (D s = struct_doc(t, limit)) return s;
      const auto& entries = t.map_entries();
      bool kw = true;
      for (const auto& [k, v] : entries)
        if (!is_keyword_key(k)) kw = false;
      std::vector<D> docs = each(entries.size(), limit, [&](size_t i, int l) {
        const auto& [k, v] = entries[i];
        return kw ? keyword(k, v, l) : cons(cons(to_doc(k, l), str(" => ")), to_doc(v, l));
      });
      return container("%{", std::move(docs), "}", Brk::Strict);
    }
    case TermType::Binary: {
      std::string plain = inspect(t);
      if (plain.rfind("<<", 0) != 0) return str(plain);  // a printable string
      // Bytes as Inspect.BitString lays them out: a container, cut after `limit` bytes.
      std::string_view bytes = t.as_binary();
      std::vector<D> docs = each(bytes.size(), limit, [&](size_t i, int) {
        return str(std::to_string(static_cast<unsigned char>(bytes[i])));
      });
      return container("<<", std::move(docs), ">>", Brk::Flex);
    }
    case TermType::Fun:
      // A remote capture prints as itself (&Mod.fun/arity), as Elixir's Inspect.Function does.
      if (auto* r = dynamic_cast<const FunRef*>(t.as_fun()); r && !r->local()) return str(r->describe());
      return str(inspect(t));
    default: return str(inspect(t));
  }
}

}  // namespace

namespace {
std::mutex g_structs_m;
// Never erased: a redefinition adds a new entry, so returned pointers stay valid.
std::map<std::string, std::vector<std::unique_ptr<const std::vector<std::string>>>, std::less<>> g_structs;
}  // namespace

void register_user_struct(Atom mod, std::vector<std::string> fields) {
  std::string_view name = atom_name(mod);
  if (name.substr(0, 7) == "Elixir.") name = name.substr(7);
  std::lock_guard g(g_structs_m);
  g_structs[std::string(name)].push_back(std::make_unique<const std::vector<std::string>>(std::move(fields)));
}

const std::vector<std::string>* user_struct_fields(std::string_view module) {
  std::lock_guard g(g_structs_m);
  auto it = g_structs.find(module);
  return it == g_structs.end() ? nullptr : it->second.back().get();
}

const std::vector<std::string>* struct_fields(std::string_view module) {
  // Field order of Elixir 1.14's structs (Mod.__info__(:struct)), without __exception__.
  static const std::vector<std::pair<std::string_view, std::vector<std::string>>> table = {
      {"RuntimeError", {"message"}},
      {"ArgumentError", {"message"}},
      {"ArithmeticError", {"message"}},
      {"SystemLimitError", {"message"}},
      {"Enum.EmptyError", {"message"}},
      {"Enum.OutOfBoundsError", {"message"}},
      {"MatchError", {"term"}},
      {"CaseClauseError", {"term"}},
      {"TryClauseError", {"term"}},
      {"WithClauseError", {"term"}},
      {"CondClauseError", {}},
      {"KeyError", {"key", "term", "message"}},
      {"BadMapError", {"term"}},
      {"BadFunctionError", {"term"}},
      {"BadArityError", {"function", "args"}},
      {"BadBooleanError", {"term", "operator"}},
      {"ErlangError", {"original", "reason"}},
      {"FunctionClauseError", {"module", "function", "arity", "kind", "args", "clauses"}},
      {"UndefinedFunctionError", {"module", "function", "arity", "reason", "message"}},
      {"Protocol.UndefinedError", {"protocol", "value", "description"}},
      {"Task", {"mfa", "owner", "pid", "ref"}},
  };
  for (const auto& [name, fields] : table)
    if (name == module) return &fields;
  return nullptr;
}

std::string inspect_pretty(const Term& t, int width, int limit) {
  D d = group(to_doc(t, limit < 0 ? kNoLimit : limit));
  return format(*d, width);
}

}  // namespace actorscope::console::detail

namespace actorscope::console {
std::string inspect_iex(const Term& t) { return detail::inspect_pretty(t); }
}  // namespace actorscope::console
