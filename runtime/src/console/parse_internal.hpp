#pragma once
// The console language's front end (private to runtime/src/console): parser.cpp's grammar,
// desugar.cpp's rewrites it calls, and resolve.cpp's compile pass with parse_program. Each works
// on one Program at a time, on the calling thread; errors are thrown as ParseFailure.

#include "actorscope/console/ast.hpp"
#include "lexer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace actorscope::console::detail {

// ---- parser.cpp --------------------------------------------------------------------------------
/// The top-level expressions of `toks`, built in `prog`'s arena.
std::vector<Node*> parse_top_level(std::vector<Token> toks, Program& prog);
/// A SyntaxError at token `at`.
[[noreturn]] void syntax_error_at(const Token& at, std::string msg);

// ---- desugar.cpp -------------------------------------------------------------------------------
/// A CompileError at `line` (no column), as elixir reports a malformed special form.
[[noreturn]] void compile_error(int line, std::string msg);
/// `lhs |> rhs`: lhs becomes the first argument of the call rhs.
Node* desugar_pipe(Program& prog, const Token& optok, Node* lhs, Node* rhs);
/// first..last//step is Kernel."..//"(first, last, step).
Node* desugar_range_step(Program& prog, int line, Node* first, Node* last, Node* step);
/// &op/arity: fn &1[, &2] -> op applied to them end (`op` the UnOp or BinOp operator).
Node* desugar_operator_capture(Program& prog, int line, bool unary, Op op, int arity);
/// &expr after `&` (token `op`): &Mod.fun/arity and &fun/arity become a Capture, anything else
/// with &1... an fn.
Node* desugar_capture(Program& prog, const Token& op, Node* e);
/// A call whose arguments (and do-block) are parsed: a special form (case, cond, if, unless,
/// receive, try, for, defmodule, def, defp, import, alias, require, use) becomes its node; any
/// other call is returned with its do-block as a keyword argument.
Node* desugar_call(Program& prog, Node* call);
/// match?(pattern, expr), rewritten in place into a case.
void desugar_match_q(Program& prog, Node* n);

}  // namespace actorscope::console::detail
