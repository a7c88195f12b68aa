#pragma once
// What the evaluator's files share among themselves (private to eval.cpp, match.cpp,
// operators.cpp, calls.cpp): as interp.hpp, everything runs on the thread of the process whose
// Ctx it is given.

#include "interp.hpp"

#include <memory>
#include <vector>

namespace actorscope::console::detail {

// ---- eval.cpp ----------------------------------------------------------------------------------
/// Evaluates a subexpression (not in tail position), with eval_pure when it is pure.
Task<Term> ev(Ctx& c, const Node* n, Env& env);
/// co_await ev(...) inside a coroutine of the evaluator (whose context is `c`).
#define EVAL(node, env) (co_await ev(c, (node), (env)))
/// Evaluates the arguments of a call (kids[from..]).
Task<std::vector<Term>> eval_args(Ctx& c, const std::vector<Node*>& kids, Env& env, size_t from = 0);
/// map.field (BadMapError, KeyError; UndefinedFunctionError for an atom, as Mod.fun).
Term field(const Term& m, Atom name);

// ---- match.cpp ---------------------------------------------------------------------------------
/// Tries a clause's patterns against args; fills `out` (a copy of `base`) on success.
bool clause_matches(Ctx& c, const Clause& cl, const std::vector<Term>& args, const Env& base, Env& out);
/// The rescue/catch clause of try `n` that handles an error (kind 0), exit (1) or throw (2), or
/// nullptr; fills `inner` with its bindings.
const Clause* try_handler(Ctx& c, const Node* n, int kind, const Term& err_reason, const Term& err_stack, const Env& env,
                          Env& inner);

// ---- operators.cpp -----------------------------------------------------------------------------
/// `a op b` for the operators that evaluate both sides.
Term binop_values(Op op, const Term& a, const Term& b);
/// Raises BadBooleanError for `op` (and, or) given the non-boolean `v`.
Term bool_op_error(const char* op, const Term& v);
/// The base of `%Mod{s | k: v}`: s must be a Mod struct (BadStructError).
Term struct_base(Atom mod, Term base);

// ---- calls.cpp ---------------------------------------------------------------------------------
/// The program whose code is running, for closures created by pure evaluation.
std::shared_ptr<Program> current_program(Ctx& c);
/// The closure of fn node `n` over `env`.
Term make_fn(Ctx& c, const Node* n, const Env& env, const std::shared_ptr<Program>& prog);
/// Runs a callable to completion, looping over tail calls.
Task<Term> call_clauses(Ctx& c, Callable f, std::vector<Term> args);
/// A Call or Remote node; in tail position a call of clauses is left pending in `c` (Ctx::tail).
Task<Term> eval_call(Ctx& c, const Node* n, Env& env, bool tail);
/// fun.(args)
Task<Term> eval_dyncall(Ctx& c, const Node* n, Env& env, bool tail);

}  // namespace actorscope::console::detail
