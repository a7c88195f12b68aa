// Desugaring of the console language: the rewrites the parser applies while it builds the tree
// (pipes, captures, stepped ranges, special forms such as case/if/unless/for/def with default
// arguments) and `match?` for the compile pass. Each works on one Program, on the calling thread.

#include "parse_internal.hpp"

#include <algorithm>

namespace actorscope::console::detail {

void compile_error(int line, std::string msg) {
  ParseFailure f;
  f.err.kind = "CompileError";
  f.err.line = line;
  f.err.column = 0;
  f.err.message = std::move(msg);
  throw f;
}

// ---- operators ---------------------------------------------------------------------------------

Node* desugar_pipe(Program& prog, const Token& optok, Node* lhs, Node* rhs) {
  switch (rhs->kind) {
    case NodeKind::Call:
    case NodeKind::Remote:
      if (!rhs->blocks.empty()) break;
      rhs->kids.insert(rhs->kids.begin(), lhs);
      rhs->parens = true;
      return rhs;
    case NodeKind::DynCall:
      rhs->kids.insert(rhs->kids.begin() + 1, lhs);
      return rhs;
    case NodeKind::Var: {
      Node* c = prog.make(NodeKind::Call, rhs->line);
      c->name = rhs->name;
      c->kids = {lhs};
      return c;
    }
    case NodeKind::Field: {
      Node* c = prog.make(NodeKind::Remote, rhs->line);
      c->name = rhs->name;
      if (rhs->kids[0]->kind == NodeKind::Lit && rhs->kids[0]->lit.is_atom()) {
        c->mod = rhs->kids[0]->lit.as_atom();
        c->kids = {lhs};
      } else {
        c->tail = rhs->kids[0];
        c->kids = {lhs};
      }
      return c;
    }
    default: break;
  }
  syntax_error_at(optok, "cannot pipe into this expression (the right side of |> must be a function call)");
}

Node* desugar_range_step(Program& prog, int line, Node* first, Node* last, Node* step) {
  Node* c = prog.make(NodeKind::Remote, line);
  c->mod = intern("Elixir.Kernel");
  c->name = intern("..//");
  c->parens = true;
  c->kids = {first, last, step};
  return c;
}

// ---- captures ----------------------------------------------------------------------------------

namespace {

void replace_capture_args(Node* n) {
  if (!n) return;
  if (n->kind == NodeKind::CaptureArg) {
    n->kind = NodeKind::Var;
    n->name = intern("&" + std::to_string(n->arity));
    return;
  }
  if (n->kind == NodeKind::Fn) return;
  for (Node* k : n->kids) replace_capture_args(k);
  replace_capture_args(n->tail);
  for (Clause& c : n->clauses) {
    for (Node* p : c.patterns) replace_capture_args(p);
    replace_capture_args(c.guard);
    replace_capture_args(c.body);
  }
}
void max_capture_arg(Node* n, int& arity) {
  if (!n) return;
  if (n->kind == NodeKind::CaptureArg) arity = std::max(arity, n->arity);
  if (n->kind == NodeKind::Fn) return;
  for (Node* k : n->kids) max_capture_arg(k, arity);
  max_capture_arg(n->tail, arity);
  for (Clause& c : n->clauses) {
    for (Node* p : c.patterns) max_capture_arg(p, arity);
    max_capture_arg(c.guard, arity);
    max_capture_arg(c.body, arity);
  }
}
}  // namespace

Node* desugar_operator_capture(Program& prog, int line, bool unary, Op op, int arity) {
  Node* body = prog.make(unary ? NodeKind::UnOp : NodeKind::BinOp, line);
  body->op = op;
  Node* fn = prog.make(NodeKind::Fn, line);
  Clause cl;
  cl.line = line;
  for (int i = 1; i <= arity; ++i) {
    Node* v = prog.make(NodeKind::Var, line);
    v->name = intern("&" + std::to_string(i));
    cl.patterns.push_back(v);
    body->kids.push_back(v);
  }
  cl.body = body;
  fn->clauses.push_back(cl);
  fn->arity = arity;
  return fn;
}

Node* desugar_capture(Program& prog, const Token& op, Node* e) {
  if (e->kind == NodeKind::BinOp && e->op == Op::Div && e->kids[1]->kind == NodeKind::Lit &&
      e->kids[1]->lit.is_integer()) {
    Node* f = e->kids[0];
    if ((f->kind == NodeKind::Var || (f->kind == NodeKind::Call && !f->parens && f->kids.empty()))) {
      Node* c = prog.make(NodeKind::Capture, op.line);
      c->name = f->name;
      c->arity = static_cast<int>(e->kids[1]->lit.as_integer());
      return c;
    }
    if (f->kind == NodeKind::Remote && !f->parens && f->kids.empty() && !f->tail) {
      Node* c = prog.make(NodeKind::Capture, op.line);
      c->mod = f->mod;
      c->name = f->name;
      c->arity = static_cast<int>(e->kids[1]->lit.as_integer());
      return c;
    }
  }
  int arity = 0;
  max_capture_arg(e, arity);
  if (arity == 0) syntax_error_at(op, "invalid args for &, expected one of:\n\n  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n  * &fun/arity to capture a local or imported function, such as &is_atom/1\n  * &some_code(&1, ...) containing at least one argument as &1, such as &List.flatten(&1)\n\nGot: " + std::string("expression"));
  // &(... &1 ...) is fn &1, ... -> ... end
  replace_capture_args(e);
  Node* fn = prog.make(NodeKind::Fn, op.line);
  Clause cl;
  cl.line = op.line;
  for (int i = 1; i <= arity; ++i) {
    Node* v = prog.make(NodeKind::Var, op.line);
    v->name = intern("&" + std::to_string(i));
    cl.patterns.push_back(v);
  }
  cl.body = e;
  fn->clauses.push_back(cl);
  fn->arity = arity;
  return fn;
}

// ---- special forms -----------------------------------------------------------------------------

namespace {

/// Default arguments `p \\ expr` of a def (the patterns lose them): one def per extra arity
/// that calls the full one, the first defaults taking the arguments given, as in Elixir.
std::vector<Node*> default_wrappers(Program& prog, Node* def, std::vector<Node*>& patterns) {
  std::vector<Node*> dflt(patterns.size(), nullptr);
  int ndef = 0;
  for (size_t i = 0; i < patterns.size(); ++i)
    if (patterns[i]->kind == NodeKind::BinOp && patterns[i]->op == Op::Default) {
      dflt[i] = patterns[i]->kids[1];
      patterns[i] = patterns[i]->kids[0];
      ++ndef;
    }
  std::vector<Node*> out;
  int n = static_cast<int>(patterns.size());
  for (int m = n - ndef; m < n; ++m) {
    int supplied = m - (n - ndef);  // defaults that receive an argument
    Node* w = prog.make(NodeKind::Def, def->line);
    w->op = def->op;
    w->name = def->name;
    w->arity = m;
    Clause wc;
    wc.line = def->line;
    Node* call = prog.make(NodeKind::Call, def->line);
    call->name = def->name;
    for (int i = 0; i < n; ++i) {
      if (dflt[static_cast<size_t>(i)] && supplied-- <= 0) {
        call->kids.push_back(dflt[static_cast<size_t>(i)]);
        continue;
      }
      Node* v = prog.make(NodeKind::Var, def->line);
      v->name = intern("dflt__arg" + std::to_string(i));
      wc.patterns.push_back(v);
      Node* use = prog.make(NodeKind::Var, def->line);
      use->name = v->name;
      call->kids.push_back(use);
    }
    wc.body = call;
    w->clauses.push_back(wc);
    out.push_back(w);
  }
  return out;
}

Node* section(Node* c, const char* name) {
  for (auto& [s, b] : c->blocks)
    if (s == name) return b;
  // keyword form: last argument [do: x, else: y]
  if (!c->kids.empty()) {
    Node* last = c->kids.back();
    if (last->kind == NodeKind::List && !last->tail) {
      for (Node* kv : last->kids)
        if (kv->kind == NodeKind::Tuple && kv->kids.size() == 2 && kv->kids[0]->kind == NodeKind::Lit &&
            kv->kids[0]->lit.is_atom(intern(name)))
          return kv->kids[1];
    }
  }
  return nullptr;
}
bool has_kw_block(Node* c) {
  if (c->kids.empty()) return false;
  Node* last = c->kids.back();
  if (last->kind != NodeKind::List || last->kids.empty()) return false;
  Node* kv = last->kids[0];
  return kv->kind == NodeKind::Tuple && kv->kids.size() == 2 && kv->kids[0]->kind == NodeKind::Lit &&
         kv->kids[0]->lit.is_atom(intern("do"));
}
std::vector<Node*> plain_args(Node* c) {
  std::vector<Node*> a = c->kids;
  if (c->blocks.empty() && has_kw_block(c)) a.pop_back();
  return a;
}
std::vector<Clause> clauses_of(Node* c, Node* block, const char* what, const char* sec = "do") {
  if (!block) return {};
  if (block->kind != NodeKind::Clauses)
    compile_error(c->line, std::string("expected -> clauses for :") + sec + " in \"" + what + "\"");
  return block->clauses;
}

/// A try node: `body` with the rescue, catch, else and after sections of `c` (a try, or a def
/// whose body has them: `def f do ... rescue ... end`).
Node* make_try(Program& prog, Node* c, Node* body) {
  Node* r = prog.make(NodeKind::Try, c->line);
  if (body && body->kind == NodeKind::Clauses) compile_error(c->line, "unexpected -> clauses in try");
  r->kids = {body, section(c, "after")};
  if (r->kids[1] && r->kids[1]->kind == NodeKind::Clauses) compile_error(c->line, "unexpected -> clauses in after");
  const std::pair<const char*, uint8_t> kinds[] = {{"rescue", 0}, {"catch", 1}, {"else", 2}};
  for (auto [name, kind] : kinds) {
    if (Node* sec = section(c, name)) {
      for (auto cl : clauses_of(c, sec, "try", name)) {
        cl.kind = kind;
        r->clauses.push_back(cl);
      }
    }
  }
  return r;
}

/// case expr do clauses end
Node* desugar_case(Program& prog, Node* c) {
  auto args = plain_args(c);
  if (args.size() != 1) compile_error(c->line, "invalid case: expected one expression");
  Node* r = prog.make(NodeKind::Case, c->line);
  r->kids = {args[0]};
  r->clauses = clauses_of(c, section(c, "do"), "case");
  return r;
}

/// cond do clauses end
Node* desugar_cond(Program& prog, Node* c) {
  Node* r = prog.make(NodeKind::Cond, c->line);
  r->clauses = clauses_of(c, section(c, "do"), "cond");
  for (auto& cl : r->clauses)
    if (cl.patterns.size() != 1 || cl.guard) compile_error(c->line, "invalid cond clause");
  return r;
}

/// if/unless cond do ... [else ...] end (unless swaps the branches)
Node* desugar_if(Program& prog, Node* c, std::string_view n) {
  auto args = plain_args(c);
  if (args.size() != 1) compile_error(c->line, std::string("invalid ") + std::string(n));
  Node* r = prog.make(NodeKind::If, c->line);
  Node* then = section(c, "do");
  Node* els = section(c, "else");
  if ((then && then->kind == NodeKind::Clauses) || (els && els->kind == NodeKind::Clauses))
    compile_error(c->line, "unexpected -> clauses in if");
  if (n == "unless") std::swap(then, els);
  r->kids = {args[0], then, els};
  return r;
}

/// receive do clauses [after timeout -> body] end
Node* desugar_receive(Program& prog, Node* c) {
  Node* r = prog.make(NodeKind::Receive, c->line);
  Node* d = section(c, "do");
  if (d && d->kind == NodeKind::Clauses) r->clauses = d->clauses;
  else if (d && !(d->kind == NodeKind::Lit && d->lit.is_atom(atoms::nil))) compile_error(c->line, "expected -> clauses for :do in \"receive\"");
  Node* a = section(c, "after");
  r->kids = {nullptr, nullptr};
  if (a) {
    if (a->kind != NodeKind::Clauses || a->clauses.size() != 1 || a->clauses[0].patterns.size() != 1)
      compile_error(c->line, "expected a single -> clause for :after in \"receive\"");
    r->kids = {a->clauses[0].patterns[0], a->clauses[0].body};
  }
  return r;
}

/// for generators and filters do body end
Node* desugar_for(Program& prog, Node* c) {
  Node* r = prog.make(NodeKind::For, c->line);
  for (Node* a : plain_args(c)) {
    if (a->kind == NodeKind::List) continue;  // options such as into: are not supported
    r->kids.push_back(a);
  }
  Node* body = section(c, "do");
  if (!body || body->kind == NodeKind::Clauses) compile_error(c->line, "invalid for");
  r->kids.push_back(body);
  return r;
}

/// defmodule Alias do body end (the groups of defs that default arguments make are flattened)
Node* desugar_defmodule(Program& prog, Node* c) {
  auto args = plain_args(c);
  Node* body = section(c, "do");
  if (args.size() != 1 || args[0]->kind != NodeKind::Lit || !args[0]->lit.is_atom() || !body)
    compile_error(c->line, "invalid defmodule");
  Node* r = prog.make(NodeKind::Defmodule, c->line);
  r->name = args[0]->lit.as_atom();
  if (body->kind == NodeKind::Block) {
    std::vector<Node*> flat;
    for (Node* k : body->kids) {
      if (k->kind == NodeKind::Block && k->op == Op::Default)
        flat.insert(flat.end(), k->kids.begin(), k->kids.end());
      else
        flat.push_back(k);
    }
    body->kids = std::move(flat);
    body->op = Op::None;
  }
  r->kids = {body};
  return r;
}

/// def/defp head [do body end]: a Def, or a group with the defs its default arguments add
Node* desugar_def(Program& prog, Node* c, std::string_view n) {
  auto args = plain_args(c);
  Node* body = section(c, "do");
  if (args.size() != 1) compile_error(c->line, "invalid " + std::string(n) + ": expected a function head and a do block");
  Node* head = args[0];
  Clause cl;
  cl.line = c->line;
  if (head->kind == NodeKind::BinOp && head->op == Op::When) {
    cl.guard = head->kids[1];
    head = head->kids[0];
  }
  Node* r = prog.make(NodeKind::Def, c->line);
  r->op = n == "defp" ? Op::Not : Op::None;
  if (head->kind == NodeKind::Var) {
    r->name = head->name;
  } else if (head->kind == NodeKind::Call && head->blocks.empty()) {
    r->name = head->name;
    cl.patterns = head->kids;
  } else {
    compile_error(c->line, "invalid function head in " + std::string(n));
  }
  r->arity = static_cast<int>(cl.patterns.size());
  std::vector<Node*> wrappers = default_wrappers(prog, r, cl.patterns);
  if (!body) {
    // A function head (`def f(a, b \\ 1)`): only the arities its defaults add.
    if (cl.guard) compile_error(c->line, "missing :do option in \"" + std::string(n) + "\"");
    Node* g = prog.make(NodeKind::Block, c->line);
    g->op = Op::Default;
    g->kids = wrappers;
    return g;
  }
  if (body->kind == NodeKind::Clauses) compile_error(c->line, "unexpected -> clauses in def");
  if (section(c, "rescue") || section(c, "catch") || section(c, "after")) body = make_try(prog, c, body);
  cl.body = body;
  r->clauses.push_back(cl);
  if (wrappers.empty()) return r;
  Node* g = prog.make(NodeKind::Block, c->line);
  g->op = Op::Default;  // a group of defs, flattened into the module body
  g->kids = wrappers;
  g->kids.push_back(r);
  return g;
}

/// import/alias/require/use Mod[, opts]
Node* desugar_directive(Program& prog, Node* c, std::string_view n) {
  Node* r = prog.make(NodeKind::Directive, c->line);
  r->name = c->name;
  if (c->kids[0]->kind == NodeKind::Lit && c->kids[0]->lit.is_atom()) r->mod = c->kids[0]->lit.as_atom();
  else r->tail = c->kids[0];  // for the error message
  if ((n == "use" || n == "import" || n == "alias") && c->kids.size() == 2) r->kids = {c->kids[1]};  // use GenServer, restart: :temporary
  return r;
}

/// Any other call: returned as it is, a do-block becoming its last argument (a keyword list).
Node* blocks_as_keyword(Program& prog, Node* c) {
  if (!c->blocks.empty()) {
    // Any other call with a do-block: pass the block as a keyword argument.
    Node* kw = prog.make(NodeKind::List, c->line);
    for (auto& [s, b] : c->blocks) {
      if (b->kind == NodeKind::Clauses) compile_error(c->line, "unexpected -> clauses");
      Node* key = prog.make(NodeKind::Lit, c->line);
      key->lit = Term::atom(s);
      Node* tup = prog.make(NodeKind::Tuple, c->line);
      tup->kids = {key, b};
      kw->kids.push_back(tup);
    }
    c->kids.push_back(kw);
    c->blocks.clear();
  }
  return c;
}

}  // namespace

// Turns calls of special forms into their nodes.
Node* desugar_call(Program& prog, Node* c) {
  std::string_view n = atom_name(c->name);
  bool has_do = !c->blocks.empty() || has_kw_block(c);
  if (n == "case" && has_do) return desugar_case(prog, c);
  if (n == "cond" && has_do) return desugar_cond(prog, c);
  if ((n == "if" || n == "unless") && has_do) return desugar_if(prog, c, n);
  if (n == "receive" && has_do) return desugar_receive(prog, c);
  if (n == "try" && has_do) return make_try(prog, c, section(c, "do"));
  if (n == "for" && has_do) return desugar_for(prog, c);
  if (n == "defmodule") return desugar_defmodule(prog, c);
  if (n == "def" || n == "defp") return desugar_def(prog, c, n);
  if ((n == "import" || n == "alias" || n == "require" || n == "use") && !c->kids.empty() &&
      c->blocks.empty())
    return desugar_directive(prog, c, n);
  return blocks_as_keyword(prog, c);
}

// match?(pattern [when guard], expr) is `case expr do pattern [when guard] -> true; _ -> false end`:
// the pattern's variables do not leak, as in Elixir.
void desugar_match_q(Program& prog, Node* n) {
  Node* pat = n->kids[0];
  Node* subject = n->kids[1];
  Clause hit, miss;
  hit.line = miss.line = n->line;
  if (pat->kind == NodeKind::BinOp && pat->op == Op::When) {
    hit.guard = pat->kids[1];
    pat = pat->kids[0];
  }
  hit.patterns = {pat};
  hit.body = prog.make(NodeKind::Lit, n->line);
  hit.body->lit = Term(atoms::true_);
  Node* any = prog.make(NodeKind::Var, n->line);
  any->name = intern("_");
  miss.patterns = {any};
  miss.body = prog.make(NodeKind::Lit, n->line);
  miss.body->lit = Term(atoms::false_);
  n->kind = NodeKind::Case;
  n->kids = {subject};
  n->clauses = {hit, miss};
}

}  // namespace actorscope::console::detail
