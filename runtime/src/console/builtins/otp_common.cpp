// The OTP built-ins' shared helpers (declared in otp_common.hpp).

#include "otp_common.hpp"

namespace actorscope::console::detail {

Atom opt_name(const Term& opts) {
  if (!opts.is_list()) return atoms::nil;
  for (const Term& kv : opts.list_elements())
    if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(A("name")) && kv[1].is_atom()) return kv[1].as_atom();
  return atoms::nil;
}
int64_t timeout_arg(const Term& t) {
  if (t.is_atom(atoms::infinity)) return kInfinity;
  if (t.is_integer() && t.as_integer() >= 0) return t.as_integer();
  raise_error(Term(atoms::badarg));
}

Task<Term> as_exit(Task<Term> task) {
  try {
    co_return co_await std::move(task);
  } catch (const LangExit&) {
    throw;
  } catch (const ProcessExit& e) {
    throw LangExit(e.reason());
  }
}

}  // namespace actorscope::console::detail
