#pragma once
// The console language's syntax tree: a subset of Elixir, as the parser produces it and the
// evaluator runs it. Nodes live in a Program's arena and are immutable after compile().

#include "actorscope/term.hpp"

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace actorscope::console {

enum class NodeKind : uint8_t {
  Lit,        // lit
  Str,        // kids: parts (Lit binaries and expressions), interpolated into a binary
  Var,        // name
  Pin,        // ^name (patterns)
  Tuple,      // kids
  List,       // kids, tail (improper tail or nullptr)
  Map,        // kids: key, value, key, value ...; tail: the map updated by `%{m | k: v}`
  Block,      // kids, evaluated in order
  Match,      // kids[0] = kids[1]
  BinOp,      // op, kids[0], kids[1]
  UnOp,       // op, kids[0]
  Call,       // name(kids...): a local function, an import or a Kernel built-in
  Remote,     // module.name(kids...); module is the atom in `mod`, or kids_extra[0] an expression
  DynCall,    // kids[0].(kids[1..])
  Field,      // kids[0].name (map field access)
  Access,     // kids[0][kids[1]]
  Fn,         // clauses
  Case,       // kids[0], clauses
  Cond,       // clauses with one pattern: the condition
  If,         // kids[0] condition, kids[1] then (or nullptr), kids[2] else (or nullptr)
  Receive,    // clauses; after: kids[0] timeout, kids[1] body (both nullptr without after)
  Try,        // kids[0] body, clauses: rescue/catch clauses (op says which), kids[1] after
  For,        // kids: generators (Match nodes with op = '<-') and filters; kids.back() = body
  Defmodule,  // name (module atom), kids[0] body
  Def,        // name, clauses (one), op: 1 = defp; arity in `arity`
  Attr,       // @name (read) or kids[0] (define, in a module body)
  Capture,    // &Mod.fun/arity or &fun/arity: mod, name, arity
  CaptureFn,  // &(expr with &1...): kids[0], arity
  CaptureArg, // &N: arity = N
  Directive,  // import/alias/require/use: name = directive, mod = module
  Clauses,    // a do-block holding clauses (only while parsing)
  Module,     // __MODULE__
};

enum class Op : uint8_t {
  None, Add, Sub, Mul, Div, Concat /* <> */, ListAdd /* ++ */, ListSub /* -- */, Range /* .. */,
  Eq, Ne, StrictEq, StrictNe, Lt, Gt, Le, Ge, And, Or, AndAnd, OrOr, Not, Bang, In, NotIn,
  Pipe, Neg, Plus, When, Arrow /* <- */, Pow, Bar /* | */, Assoc /* => */, Default /* default argument */,
  Match /* = (only while parsing) */, Capture /* & (only while parsing) */,
};

struct Node;

struct Clause {
  std::vector<Node*> patterns;
  Node* guard = nullptr;
  Node* body = nullptr;
  int line = 0;
  uint8_t kind = 0;  // try: 0 rescue, 1 catch
};

struct Node {
  NodeKind kind = NodeKind::Lit;
  Op op = Op::None;
  bool pure = false;  // evaluates without suspending (no calls into code that may receive)
  bool parens = true;  // a call written with parentheses (false: `foo` or `Mod.fun` alone)
  int line = 0;
  int arity = 0;
  uint32_t index = 0;  // its place in the program (distinct per node; names a fn literal in inspect)
  Atom name{};
  Atom mod{};
  Term lit;
  std::vector<Node*> kids;
  Node* tail = nullptr;
  std::vector<Clause> clauses;
  // A do-block attached while parsing: (section atom, contents)
  std::vector<std::pair<std::string, Node*>> blocks;
};

/// A parsed and compiled program: owns its nodes. Funs created from it keep it alive.
struct Program {
  std::string file;
  std::deque<Node> arena;
  std::vector<Node*> top;  // top-level expressions
  Node* make(NodeKind k, int line) {
    Node& n = arena.emplace_back();
    n.index = uint32_t(arena.size());
    n.kind = k;
    n.line = line;
    return &n;
  }
};

/// A syntax or compile error, with Elixir 1.14's wording.
struct SyntaxError {
  std::string kind = "SyntaxError";  // SyntaxError, TokenMissingError, CompileError
  int line = 1;                      // 0: no location (an error raised while expanding)
  int column = 0;                    // 0 when unknown (CompileError prints no column)
  std::string message;
  bool incomplete = false;           // the input ended inside an open construct
  /// "FILE:LINE:COL: message" (or "FILE:LINE: message" without a column).
  std::string where(const std::string& file) const;
  /// "** (SyntaxError) FILE:LINE:COL: message", as elixir prints it for a script.
  std::string format(const std::string& file) const;
};

struct ParseOutcome {
  std::shared_ptr<Program> program;  // null on error
  SyntaxError error;
  bool ok() const { return program != nullptr; }
};

/// What a shell's earlier inputs left for the compile step of the next one.
struct CompileContext {
  /// The top-level imports in effect: each module with the functions (name, arity) it brings in.
  std::vector<std::pair<Atom, std::vector<std::pair<Atom, int>>>> imports;
  /// The top-level aliases in effect: (short alias, module).
  std::vector<std::pair<Atom, Atom>> aliases;
  /// The public functions of the modules defined so far (what `import Mod` finds).
  std::map<uint32_t, std::vector<std::pair<Atom, int>>> modules;
  /// The fields of the structs of those modules (what `%Mod{}` may name).
  std::map<uint32_t, std::vector<Atom>> structs;
};

/// Parses `source`; `known_vars` are the variables already bound (a shell's bindings), so the
/// compile step tells variables from zero-arity calls as Elixir does. With `ctx`, the program
/// starts with ctx's imports and modules, and on success ctx->imports becomes its top-level imports.
ParseOutcome parse_program(std::string_view source, const std::string& file,
                           const std::vector<Atom>& known_vars = {}, CompileContext* ctx = nullptr);

}  // namespace actorscope::console
