// The compile step of the console language, after parsing: variable resolution (a variable that
// is not bound is a zero-arity call, as in Elixir), imports, aliases, structs and purity; and
// parse_program, the front end's entry. Over 600 lines: the Resolver is one class, kept whole.

#include "builtins.hpp"
#include "parse_internal.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace actorscope::console {
namespace detail {
namespace {

// ---- compile: variables, calls, purity ------------------------------------------------------

class Resolver {
 public:
  explicit Resolver(Program& prog) : prog_(prog) {}

  using Scope = std::set<uint32_t>;

  [[noreturn]] void error(int line, std::string msg) { compile_error(line, std::move(msg)); }

  void pattern(Node* n, Scope& sc, Scope& bound_here) {
    switch (n->kind) {
      case NodeKind::Lit:
        expand_lit(n);
        n->pure = true;
        return;
      case NodeKind::Var: {
        n->pure = true;
        std::string_view nm = atom_name(n->name);
        if (nm == "_") return;
        bound_here.insert(n->name.id);
        sc.insert(n->name.id);
        return;
      }
      case NodeKind::Pin:
        if (!sc.count(n->name.id) || bound_here.count(n->name.id))
          error(n->line, "undefined variable ^" + std::string(atom_name(n->name)));
        n->pure = true;
        return;
      case NodeKind::Tuple:
      case NodeKind::List:
        for (Node* k : n->kids) pattern(k, sc, bound_here);
        if (n->tail) pattern(n->tail, sc, bound_here);
        return;
      case NodeKind::Map:
        check_struct(n);
        if (n->tail) error(n->line, "cannot use map update syntax in a pattern");
        for (size_t i = 0; i < n->kids.size(); i += 2) {
          expr(n->kids[i], sc);
          pattern(n->kids[i + 1], sc, bound_here);
        }
        return;
      case NodeKind::Match:
        pattern(n->kids[0], sc, bound_here);
        pattern(n->kids[1], sc, bound_here);
        return;
      case NodeKind::BinOp:
        if (n->op == Op::Concat && n->kids[0]->kind == NodeKind::Lit && n->kids[0]->lit.is_binary()) {
          pattern(n->kids[1], sc, bound_here);
          return;
        }
        if (n->op == Op::ListAdd && n->kids[0]->kind == NodeKind::List) {
          pattern(n->kids[0], sc, bound_here);
          pattern(n->kids[1], sc, bound_here);
          return;
        }
        break;
      case NodeKind::Module:
        return;
      case NodeKind::Attr:
        if (n->kids.empty()) return;
        break;
      default: break;
    }
    if (n->kind == NodeKind::Call && !n->parens && n->kids.empty()) {  // never: vars stay vars here
      n->kind = NodeKind::Var;
      pattern(n, sc, bound_here);
      return;
    }
    error(n->line, "cannot invoke this expression inside a match (only literals, variables, tuples, lists, maps "
                   "and ^pins are allowed in patterns)");
  }

  /// %Alias{}: Elixir expands structs at compile time; the console knows the built-in ones only.
  /// `%Mod{...}`: Mod must be a built-in struct, this module (with defstruct), a module defined
  /// before this one, or one of a shell's earlier inputs; the keys given must be its fields.
  void check_struct(Node* n) {
    if (!n->mod.id) return;
    n->mod = expand_alias(n->mod);
    if (n->mod == intern("Elixir.__MODULE__")) {
      if (!module_) error(n->line, "invalid struct name, __MODULE__ is not available outside a module");
      n->mod = module_->name;
    }
    std::string m(atom_name(n->mod));
    if (m.rfind("Elixir.", 0) == 0) m = m.substr(7);
    const std::vector<Atom>* fields = nullptr;
    if (module_ && n->mod == module_->name && own_struct_) {
      fields = &*own_struct_;
    } else if (auto it = structs_.find(n->mod.id); it != structs_.end()) {
      if (!module_)
        error(n->line, "cannot access struct " + m +
                           ", the struct was not yet defined or the struct is being accessed in the same context that defines it");
      fields = &it->second;
    } else if (auto l = loaded_structs_.find(n->mod.id); l != loaded_structs_.end()) {
      fields = &l->second;
    }
    if (fields) {
      for (size_t i = 0; i < n->kids.size(); i += 2) {
        const Node* k = n->kids[i];
        if (k->kind == NodeKind::Lit && k->lit.is_atom() &&
            std::find(fields->begin(), fields->end(), k->lit.as_atom()) == fields->end()) {
          ParseFailure f;  // elixir raises the KeyError of expanding the struct, without a location
          f.err.kind = "KeyError";
          f.err.line = 0;
          f.err.message = "key :" + std::string(atom_name(k->lit.as_atom())) + " not found";
          throw f;
        }
      }
      return;
    }
    if (m != "Task" && struct_fields(m)) return;
    error(n->line, m + ".__struct__/1 is undefined, cannot expand struct " + m +
                       ". Make sure the struct name is correct. If the struct name exists and is correct but it still "
                       "cannot be found, you likely have cyclic module usage in your code");
  }

  void clause(Clause& c, Scope outer) {
    ImportScope keep(*this);
    Scope bound;
    for (Node* p : c.patterns) pattern(p, outer, bound);
    if (c.guard) {
      expr(c.guard, outer);
      if (!c.guard->pure) error(c.guard->line, "cannot invoke a function that is not allowed in guards");
    }
    if (c.body) expr(c.body, outer);
  }

  void exprs(std::vector<Node*>& v, Scope& sc) {
    for (Node* k : v) expr(k, sc);
  }
  static bool all_pure(const std::vector<Node*>& v) {
    return std::all_of(v.begin(), v.end(), [](Node* k) { return k == nullptr || k->pure; });
  }

  void expr(Node* n, Scope& sc) {
    switch (n->kind) {
      case NodeKind::Lit:
        expand_lit(n);
        n->pure = true;
        return;
      case NodeKind::Module:
        if (module_) n->mod = module_->name;
        n->pure = true;
        return;
      case NodeKind::Var: {
        std::string_view nm = atom_name(n->name);
        if (sc.count(n->name.id)) {
          n->pure = true;
          return;
        }
        if (!nm.empty() && nm[0] == '_') error(n->line, "invalid use of _. \"_\" represents a value to be ignored in a pattern and cannot be used in expressions");
        // An unbound name is a call with no arguments.
        n->kind = NodeKind::Call;
        n->parens = false;
        expr(n, sc);
        return;
      }
      case NodeKind::Pin: error(n->line, "cannot use ^" + std::string(atom_name(n->name)) + " outside of match clauses");
      case NodeKind::Map:
        check_struct(n);
        [[fallthrough]];
      case NodeKind::Str:
      case NodeKind::Tuple:
      case NodeKind::List:
      case NodeKind::UnOp:
      case NodeKind::Field:
      case NodeKind::Access:
        exprs(n->kids, sc);
        if (n->tail) expr(n->tail, sc);
        n->pure = all_pure(n->kids) && (!n->tail || n->tail->pure);
        return;
      case NodeKind::BinOp:
        if (n->op == Op::When || n->op == Op::Bar || n->op == Op::Assoc || n->op == Op::Arrow ||
            n->op == Op::Default)
          error(n->line, "syntax error: unexpected operator in this position");
        exprs(n->kids, sc);
        n->pure = all_pure(n->kids);
        return;
      case NodeKind::Block: {
        ImportScope keep(*this);
        exprs(n->kids, sc);
        n->pure = false;
        return;
      }
      case NodeKind::Match: {
        expr(n->kids[1], sc);
        Scope bound;
        pattern(n->kids[0], sc, bound);
        return;
      }
      case NodeKind::Call: {
        if (atom_name(n->name) == "match?" && n->kids.size() != 2 &&
            !(module_ && module_defs_.count({n->name.id, static_cast<int>(n->kids.size())})))
          error(n->line, "undefined function match?/" + std::to_string(n->kids.size()) + " (there is no such import)");
        if (atom_name(n->name) == "match?" && n->kids.size() == 2 &&
            !(module_ && module_defs_.count({n->name.id, 2}))) {
          desugar_match_q(prog_, n);
          expr(n, sc);
          return;
        }
        int ar = static_cast<int>(n->kids.size());
        auto undefined = [&] {
          error(n->line, "undefined function " + std::string(atom_name(n->name)) + "/" + std::to_string(ar) +
                             (module_ ? " (expected " + module_text(module_->name) +
                                            " to define such a function or for it to be imported, but none are available)"
                                      : " (there is no such import)"));
        };
        // Outside a module Elixir finds an undefined call before its arguments (`mix new kv`
        // blames mix/1, not kv/0); inside one, its arguments come first.
        if (!module_ && !imported(n, ar).id && !find_builtin(kernel_atom(), n->name, ar)) undefined();
        exprs(n->kids, sc);
        if (module_) n->mod = module_->name;
        bool local = module_ && module_defs_.count({n->name.id, ar});
        if (!local) {
          if (Atom from = imported(n, ar); from.id) {
            n->kind = NodeKind::Remote;
            n->mod = from;
            n->pure = builtin_is_sync(from, n->name, ar) && all_pure(n->kids);
            return;
          }
          if (!find_builtin(kernel_atom(), n->name, ar)) undefined();
        }
        n->pure = !local && builtin_is_sync(kernel_atom(), n->name, ar) && all_pure(n->kids);
        return;
      }
      case NodeKind::Remote: {
        if (!n->tail) n->mod = expand_alias(n->mod);
        exprs(n->kids, sc);
        if (n->tail) expr(n->tail, sc);
        n->pure = !n->tail && builtin_is_sync(n->mod, n->name, static_cast<int>(n->kids.size())) && all_pure(n->kids);
        return;
      }
      case NodeKind::DynCall: exprs(n->kids, sc); return;
      case NodeKind::Fn:
        for (Clause& c : n->clauses) clause(c, sc);
        n->pure = true;
        return;
      case NodeKind::Case:
        expr(n->kids[0], sc);
        for (Clause& c : n->clauses) clause(c, sc);
        return;
      case NodeKind::Cond:
        for (Clause& c : n->clauses) {
          Scope inner = sc;
          expr(c.patterns[0], inner);
          expr(c.body, inner);
        }
        return;
      case NodeKind::If: {
        expr(n->kids[0], sc);
        for (int i = 1; i < 3; ++i)
          if (n->kids[i]) {
            Scope inner = sc;
            expr(n->kids[i], inner);
          }
        return;
      }
      case NodeKind::Receive:
        for (Clause& c : n->clauses) clause(c, sc);
        if (n->kids[0]) {
          expr(n->kids[0], sc);
          Scope inner = sc;
          expr(n->kids[1], inner);
        }
        return;
      case NodeKind::Try: {
        {
          Scope inner = sc;
          if (n->kids[0]) expr(n->kids[0], inner);
        }
        for (Clause& c : n->clauses) {
          Scope inner = sc;
          Scope bound;
          for (Node*& p : c.patterns) {
            // rescue e in [A, B] / rescue A / rescue e
            if (c.kind == 0 && p->kind == NodeKind::BinOp && p->op == Op::In) {
              pattern(p->kids[0], inner, bound);
              continue;
            }
            if (c.kind == 0 && p->kind == NodeKind::Lit) continue;
            pattern(p, inner, bound);
          }
          if (c.guard) expr(c.guard, inner);
          expr(c.body, inner);
        }
        if (n->kids[1]) {
          Scope inner = sc;
          expr(n->kids[1], inner);
        }
        return;
      }
      case NodeKind::For: {
        Scope inner = sc;
        for (size_t i = 0; i + 1 < n->kids.size(); ++i) {
          Node* k = n->kids[i];
          if (k->kind == NodeKind::BinOp && k->op == Op::Arrow) {
            expr(k->kids[1], inner);
            Scope bound;
            pattern(k->kids[0], inner, bound);
          } else {
            expr(k, inner);
          }
        }
        expr(n->kids.back(), inner);
        return;
      }
      case NodeKind::Defmodule: {
        if (module_) error(n->line, "nested modules are not supported by the console");
        module_ = n;
        module_defs_.clear();
        own_struct_.reset();
        collect_defs(n->kids[0]);
        Scope inner;
        {
          ImportScope keep(*this);
          expr(n->kids[0], inner);
        }
        auto& pub = modules_[n->name.id];
        pub.clear();
        collect_public(n->kids[0], pub);
        if (own_struct_) structs_[n->name.id] = *own_struct_;
        own_struct_.reset();
        module_ = nullptr;
        module_defs_.clear();
        return;
      }
      case NodeKind::Def: {
        if (!module_) error(n->line, "cannot invoke def/2 outside module");
        for (Clause& c : n->clauses) clause(c, Scope{});  // fresh scope
        return;
      }
      case NodeKind::Attr:
        if (module_) n->mod = module_->name;
        if (!n->kids.empty()) expr(n->kids[0], sc);
        n->pure = n->kids.empty();
        return;
      case NodeKind::Capture:
        if (n->mod.id) n->mod = expand_alias(n->mod);
        if (!n->mod.id) {
          if (module_ && module_defs_.count({n->name.id, n->arity})) {
            n->mod = module_->name;
            n->op = Op::Not;  // local
          } else if (Atom from = imported(n, n->arity); from.id) {
            n->mod = from;
          }
        }
        n->pure = true;
        return;
      case NodeKind::CaptureFn: {
        Scope inner = sc;
        expr(n->kids[0], inner);
        n->pure = true;
        return;
      }
      case NodeKind::CaptureArg:
        n->pure = true;
        return;
      case NodeKind::Directive:
        if (atom_name(n->name) == "import" || atom_name(n->name) == "use" || atom_name(n->name) == "require")
          n->mod = expand_alias(n->mod);
        if (atom_name(n->name) == "import") {
          import(n);
          n->kids.clear();
        } else if (atom_name(n->name) == "use" && n->mod == intern("Elixir.Supervisor")) {
          // Elixir 1.14's `use Supervisor` still imports the deprecated Supervisor.Spec.
          std::set<std::pair<uint32_t, int>> spec;
          for (auto& [f, a] : builtin_exports(intern("Elixir.Supervisor.Spec"))) spec.insert({f.id, a});
          imports_.push_back(Import{intern("Elixir.Supervisor.Spec"), spec});
        } else if (atom_name(n->name) == "alias") {
          alias(n);
          n->kids.clear();
        }
        exprs(n->kids, sc);
        n->pure = true;
        return;
      case NodeKind::Clauses: error(n->line, "unexpected -> clauses");
    }
  }

  /// The imports in effect: later entries shadow earlier ones of the same module.
  struct Import {
    Atom mod;
    std::set<std::pair<uint32_t, int>> funs;
  };
  /// Restores the imports and aliases when a lexical scope ends.
  struct ImportScope {
    explicit ImportScope(Resolver& r) : r_(r), imports_(r.imports_), aliases_(r.aliases_) {}
    ~ImportScope() {
      r_.imports_ = std::move(imports_);
      r_.aliases_ = std::move(aliases_);
    }
    Resolver& r_;
    std::vector<Import> imports_;
    std::vector<std::pair<Atom, Atom>> aliases_;
  };

  /// An alias (`Elixir.List.Sub`) with its first segment replaced by what `alias` made it name.
  Atom expand_alias(Atom a) const {
    if (aliases_.empty()) return a;
    std::string_view n = atom_name(a);
    if (n.substr(0, 7) != "Elixir.") return a;
    size_t dot = n.find('.', 7);
    std::string_view first = n.substr(0, dot);
    for (auto it = aliases_.rbegin(); it != aliases_.rend(); ++it)
      if (atom_name(it->first) == first)
        return dot == std::string_view::npos ? it->second
                                             : intern(std::string(atom_name(it->second)) + std::string(n.substr(dot)));
    return a;
  }
  void expand_lit(Node* n) {
    if (n->lit.is_atom()) n->lit = Term(expand_alias(n->lit.as_atom()));
  }

  /// `alias Mod.Sub[, as: Name]`: Sub (or Name) stands for Mod.Sub in the rest of the scope.
  void alias(Node* n) {
    if (!n->mod.id) error(n->line, "invalid argument for alias, expected a compile time atom or alias");
    Atom full = expand_alias(n->mod);
    n->mod = full;
    std::string_view fn = atom_name(full);
    Atom as{};
    if (!n->kids.empty()) {
      Node* opts = n->kids[0];
      for (Node* e : opts->kind == NodeKind::List ? opts->kids : std::vector<Node*>{})
        if (e->kind == NodeKind::Tuple && e->kids.size() == 2 && e->kids[0]->kind == NodeKind::Lit &&
            e->kids[0]->lit.is_atom(intern("as"))) {
          Node* v = e->kids[1];
          if (v->kind != NodeKind::Lit || !v->lit.is_atom() || atom_name(v->lit.as_atom()).substr(0, 7) != "Elixir." ||
              atom_name(v->lit.as_atom()).find('.', 7) != std::string_view::npos)
            error(n->line, "invalid value for option :as, expected a simple alias, got nested alias: " +
                               module_text(v->lit.is_atom() ? v->lit.as_atom() : Atom{}));
          as = v->lit.as_atom();
        }
    }
    if (!as.id) {
      if (fn.substr(0, 7) != "Elixir.") return;  // alias :timer: nothing to shorten
      as = intern("Elixir." + std::string(fn.substr(fn.rfind('.') + 1)));
    }
    aliases_.emplace_back(as, full);
  }

  static std::string module_text(Atom m) {
    std::string_view s = atom_name(m);
    if (s.substr(0, 7) == "Elixir.") return std::string(s.substr(7));
    return ":" + std::string(s);
  }

  /// `import Mod[, only: [f: n, ...] | :functions][, except: [f: n, ...]]`, with Elixir's errors.
  void import(Node* n) {
    if (!n->mod.id)
      error(n->line, "invalid argument for import, expected a compile time atom or alias" +
                         std::string(n->tail && n->tail->kind == NodeKind::Lit ? ", got: " + inspect(n->tail->lit) : ""));
    Atom mod = n->mod;
    // The IEx helpers are Kernel built-ins here (flush/0, pid/3, ...).
    if (mod == kernel_atom() || mod == intern("Elixir.IEx.Helpers")) return;
    std::vector<std::pair<Atom, int>> exports;
    if (auto it = modules_.find(mod.id); it != modules_.end() && !module_)
      error(n->line, "module " + module_text(mod) +
                         " is not loaded but was defined. This happens when you depend on a module in the same "
                         "context in which it is defined. For example:\n\n    defmodule MyApp do\n      defmodule Mod do\n"
                         "      end\n\n      use Mod\n    end\n\nTry defining the module outside the context that uses "
                         "it:\n\n    defmodule MyApp.Mod do\n    end\n\n    defmodule MyApp do\n      use MyApp.Mod\n    end\n\n"
                         "If the module is defined at the top-level and you are trying to use it at the top-level, this "
                         "is not supported by Elixir");
    else if (it != modules_.end())
      exports = it->second;
    else if (auto l = loaded_.find(mod.id); l != loaded_.end())
      exports = l->second;
    else if (builtin_module(mod))
      exports = builtin_exports(mod);
    else
      error(n->line, "module " + module_text(mod) + " is not loaded and could not be found");
    std::set<std::pair<uint32_t, int>> all;
    for (auto& [f, a] : exports) all.insert({f.id, a});
    Import imp{mod, all};
    auto kw_list = [&](Node* v, const char* opt) {
      std::vector<std::pair<Atom, int>> out;
      bool ok = v->kind == NodeKind::List && !v->tail;
      if (ok)
        for (Node* e : v->kids) {
          if (e->kind != NodeKind::Tuple || e->kids.size() != 2 || e->kids[0]->kind != NodeKind::Lit ||
              !e->kids[0]->lit.is_atom() || e->kids[1]->kind != NodeKind::Lit || !e->kids[1]->lit.is_integer()) {
            ok = false;
            break;
          }
          out.emplace_back(e->kids[0]->lit.as_atom(), static_cast<int>(e->kids[1]->lit.as_integer()));
        }
      if (!ok)
        error(n->line, std::string("invalid :") + opt + " option for import, expected a keyword list with integer values");
      return out;
    };
    if (!n->kids.empty()) {
      Node* opts = n->kids[0];
      if (opts->kind != NodeKind::List || opts->tail)
        error(n->line, "invalid options for import, expected a keyword list");
      bool only_list = false, except = false;
      for (Node* e : opts->kids)
        if (e->kind == NodeKind::Tuple && e->kids.size() == 2 && e->kids[0]->kind == NodeKind::Lit) {
          if (e->kids[0]->lit.is_atom(intern("except"))) except = true;
          if (e->kids[0]->lit.is_atom(intern("only")) && e->kids[1]->kind != NodeKind::Lit) only_list = true;
        }
      if (only_list && except)
        error(n->line, ":only and :except can only be given together to import when :only is :functions, :macros, or :sigils");
      for (Node* e : opts->kids) {
        if (e->kind != NodeKind::Tuple || e->kids.size() != 2 || e->kids[0]->kind != NodeKind::Lit ||
            !e->kids[0]->lit.is_atom())
          error(n->line, "invalid options for import, expected a keyword list");
        std::string_view key = atom_name(e->kids[0]->lit.as_atom());
        Node* v = e->kids[1];
        if (key == "only") {
          if (v->kind == NodeKind::Lit && v->lit.is_atom() &&
              (atom_name(v->lit.as_atom()) == "functions" || atom_name(v->lit.as_atom()) == "macros")) {
            if (atom_name(v->lit.as_atom()) == "macros") imp.funs.clear();
            continue;
          }
          imp.funs.clear();
          for (auto& [f, a] : kw_list(v, "only")) {
            if (!all.count({f.id, a}))
              error(n->line, "cannot import " + module_text(mod) + "." + std::string(atom_name(f)) + "/" +
                                 std::to_string(a) + " because it is undefined or private");
            imp.funs.insert({f.id, a});
          }
        } else if (key == "except") {
          for (auto& [f, a] : kw_list(v, "except")) imp.funs.erase({f.id, a});
        } else if (key != "warn") {
          error(n->line, "unsupported option " + std::string(key) + " given to import");
        }
      }
    }
    imports_.push_back(std::move(imp));
  }

  /// The module a call is imported from (none when it is not imported).
  Atom imported(Node* n, int arity) {
    std::set<uint32_t> seen;
    Atom found{};
    for (auto it = imports_.rbegin(); it != imports_.rend(); ++it) {
      if (!seen.insert(it->mod.id).second) continue;
      if (!it->funs.count({n->name.id, arity})) continue;
      if (found.id)
        error(n->line, "function " + std::string(atom_name(n->name)) + "/" + std::to_string(arity) +
                           " imported from both " + module_text(it->mod) + " and " + module_text(found) +
                           ", call is ambiguous");
      found = it->mod;
    }
    return found;
  }

  void collect_public(Node* body, std::vector<std::pair<Atom, int>>& out) {
    if (!body) return;
    if (body->kind == NodeKind::Def) {
      if (body->op != Op::Not) out.emplace_back(body->name, body->arity);
      return;
    }
    if (body->kind == NodeKind::Block)
      for (Node* k : body->kids) collect_public(k, out);
  }

  /// `defstruct fields` in a module body becomes a Directive (kids[0]: the fields); the field
  /// names must be literal (atoms, or keyword keys with default values).
  void collect_struct(Node* n) {
    if (n->kids.size() != 1) error(n->line, "undefined function defstruct/" + std::to_string(n->kids.size()));
    if (own_struct_) {
      ParseFailure f;
      f.err.kind = "ArgumentError";
      f.err.line = 0;
      f.err.message = "defstruct has already been called for " + module_text(module_->name) +
                      ", defstruct can only be called once per module";
      throw f;
    }
    Node* l = n->kids[0];
    std::vector<Atom> fields;
    if (l->kind == NodeKind::Lit && !l->lit.is_list()) {
      ParseFailure f;  // raised while expanding, without a location
      f.err.kind = "ArgumentError";
      f.err.line = 0;
      f.err.message = "struct fields definition must be list, got: " + inspect(l->lit);
      throw f;
    }
    if (l->kind != NodeKind::List || l->tail) error(n->line, "defstruct fields must be a list of atoms or a keyword list");
    for (Node* e : l->kids) {
      if (e->kind == NodeKind::Lit && e->lit.is_atom())
        fields.push_back(e->lit.as_atom());
      else if (e->kind == NodeKind::Tuple && e->kids.size() == 2 && e->kids[0]->kind == NodeKind::Lit &&
               e->kids[0]->lit.is_atom())
        fields.push_back(e->kids[0]->lit.as_atom());
      else
        error(n->line, "defstruct fields must be a list of atoms or a keyword list");
    }
    n->kind = NodeKind::Directive;
    n->name = intern("defstruct");
    own_struct_ = std::move(fields);
  }

  void collect_defs(Node* body) {
    if (!body) return;
    if (body->kind == NodeKind::Call && atom_name(body->name) == "defstruct") {
      collect_struct(body);
      return;
    }
    if (body->kind == NodeKind::Def) {
      module_defs_.insert({body->name.id, body->arity});
      return;
    }
    if (body->kind == NodeKind::Block)
      for (Node* k : body->kids) collect_defs(k);
  }

 private:
  Program& prog_;
  Node* module_ = nullptr;
  std::set<std::pair<uint32_t, int>> module_defs_;
  std::deque<Scope> scopes_;
  std::vector<Import> imports_;
  std::vector<std::pair<Atom, Atom>> aliases_;  // (short alias, module), later ones shadowing
  std::map<uint32_t, std::vector<std::pair<Atom, int>>> modules_;  // public functions of the modules defined so far
  std::map<uint32_t, std::vector<std::pair<Atom, int>>> loaded_;   // ... and of those defined before this program
  std::optional<std::vector<Atom>> own_struct_;                      // the fields of the module being compiled
  std::map<uint32_t, std::vector<Atom>> structs_;                    // struct fields of the modules defined so far
  std::map<uint32_t, std::vector<Atom>> loaded_structs_;             // ... and of those defined before this program

 public:
  void load(const CompileContext& ctx) {
    loaded_ = ctx.modules;
    loaded_structs_ = ctx.structs;
    aliases_ = ctx.aliases;
    for (auto& [m, fs] : ctx.imports) {
      Import imp{m, {}};
      for (auto& [f, a] : fs) imp.funs.insert({f.id, a});
      imports_.push_back(std::move(imp));
    }
  }
  void save(CompileContext& ctx) const {
    ctx.aliases = aliases_;
    ctx.imports.clear();
    for (const Import& imp : imports_) {
      std::vector<std::pair<Atom, int>> fs;
      for (auto& [f, a] : imp.funs) fs.emplace_back(Atom{f}, a);
      ctx.imports.emplace_back(imp.mod, std::move(fs));
    }
  }
};

}  // namespace
}  // namespace detail

ParseOutcome parse_program(std::string_view source, const std::string& file, const std::vector<Atom>& known_vars,
                           CompileContext* ctx) {
  ParseOutcome out;
  auto prog = std::make_shared<Program>();
  prog->file = file;
  try {
    std::vector<detail::Token> toks = detail::tokenize(source);
    prog->top = detail::parse_top_level(std::move(toks), *prog);
    detail::Resolver r(*prog);
    if (ctx) r.load(*ctx);
    detail::Resolver::Scope sc;
    for (Atom a : known_vars) sc.insert(a.id);
    for (Node* n : prog->top) r.expr(n, sc);
    if (ctx) r.save(*ctx);
  } catch (const detail::ParseFailure& f) {
    out.error = f.err;
    return out;
  }
  out.program = std::move(prog);
  return out;
}

}  // namespace actorscope::console
