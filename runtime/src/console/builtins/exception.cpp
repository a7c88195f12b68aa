// The Exception module's built-ins (the exception structs and texts themselves are in
// ../exceptions.cpp).

#include "args.hpp"

namespace actorscope::console::detail {

void register_exception_builtins(BuiltinTable& t) {
  t.reg("Exception", "message", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map() || !a[0].map_get(Term(intern("__exception__")))) fce("Exception", "message", 1);
    return Term::binary(exception_message(a[0]));
  };
  t.reg("Exception", "exception?", 1).sync = [](Ctx&, Args& a) -> Term {
    return Term::boolean(a[0].is_map() && a[0].map_get(Term(intern("__exception__"))));
  };
  t.reg("Exception", "normalize", 2).sync = [](Ctx&, Args& a) -> Term {
    return a[0].is_atom(intern("error")) ? normalize_exception(a[1]) : a[1];
  };
  t.reg("Exception", "normalize", 3).sync = [](Ctx&, Args& a) -> Term {
    return a[0].is_atom(intern("error")) ? normalize_exception(a[1]) : a[1];
  };
  // Exception.format/2,3 without the stacktrace lines (the console keeps no stacktraces).
  auto format_kind = [](Args& a) -> Term {
    if (a[0].is_atom(intern("error"))) return Term::binary(format_error(a[1]));
    if (a[0].is_atom(intern("exit"))) return Term::binary("** (exit) " + format_exit(a[1]));
    if (a[0].is_atom(intern("throw"))) return Term::binary("** (throw) " + inspect_pretty(a[1]));
    return Term::binary("** (" + inspect_pretty(a[0]) + ") " + inspect_pretty(a[1]));
  };
  static auto fk = format_kind;
  t.reg("Exception", "format", 2).sync = [](Ctx&, Args& a) -> Term { return fk(a); };
  t.reg("Exception", "format", 3).sync = [](Ctx&, Args& a) -> Term { return fk(a); };
  t.reg("Exception", "format_exit", 1).sync = [](Ctx&, Args& a) -> Term { return Term::binary(format_exit(a[0])); };
}

}  // namespace actorscope::console::detail
