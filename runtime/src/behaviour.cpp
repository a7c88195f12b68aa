// The coroutine that drives a message-handler Behaviour.

#include "actorscope/behaviour.hpp"

namespace actorscope {

Task<> run_behaviour(Process& self, std::unique_ptr<Behaviour> b) {
  b->init(self);
  for (;;) {
    Term msg = co_await self.receive();
    HandlerResult r = b->handle(self, msg);
    if (r.stopping()) {
      if (!r.reason().is_atom(atoms::normal)) co_await self.exit(r.reason());
      co_return;
    }
  }
}

}  // namespace actorscope
