// Message-handler processes (behaviour.hpp): handle() sees every message in mailbox order, the
// process API works from inside it, and stopping or throwing ends the process like coroutine code.

#include "helpers.hpp"

#include <actorscope/behaviour.hpp>

using namespace ts;

namespace {
/// Echoes {from, x} back as x; `:stop` stops with :normal, `{:stop, r}` with r, `:throw` raises.
class Echo final : public Behaviour {
 public:
  explicit Echo(Log* seen) : seen_(seen) {}
  void init(Process& self) override { self.trap_exit(true); }
  HandlerResult handle(Process& self, const Term& msg) override {
    seen_->push(msg);
    if (msg.is_atom(intern("stop"))) return HandlerResult::stop(Term(atoms::normal));
    if (msg.is_atom(intern("throw"))) self.raise(Term(atoms::badarg));
    if (msg.is_tagged(intern("stop"), 2)) return HandlerResult::stop(msg[1]);
    if (msg.is_tuple() && msg.tuple_size() == 2 && msg[0].is_pid()) self.send(msg[0].as_pid(), msg[1]);
    return HandlerResult::next();
  }

 private:
  Log* seen_;
};
}  // namespace

class TstBehaviour : public QObject {
  Q_OBJECT

 private slots:
  void handlesMessagesInOrderAndReplies() {
    Runtime rt(det());
    Log seen, replies;
    Pid e = spawn_behaviour(rt, std::make_unique<Echo>(&seen));
    Pid s = rt.spawn(sink, &replies);
    for (int i = 1; i <= 3; ++i) rt.send(e, Term::tuple({Term(s), Term(i)}));
    rt.run_until_idle();
    CHECK_STR(replies.str(), "[1, 2, 3]");
    CHECK_STR(info(rt, e, atoms::trap_exit), "{:trap_exit, true}");  // init() ran
    CHECK_STR(info(rt, e, atoms::status), "{:status, :waiting}");
  }

  // R1.1: stopping with a reason is exit(reason); :normal is a normal return; a raise is {r, []}.
  void r1_1_stopReasonsReachMonitors() {
    struct Case {
      const char* msg;
      std::string reason;
    };
    for (const Case& c : {Case{":stop", ":normal"}, Case{"{:stop, :boom}", ":boom"}, Case{":throw", "{:badarg, []}"}}) {
      Runtime rt(det());
      Log seen;
      Pid e = spawn_behaviour(rt, std::make_unique<Echo>(&seen));
      auto o = observe(rt, e, false);
      rt.run_until_idle();
      ParseResult m = parse_term(c.msg);
      QVERIFY2(m.ok(), c.msg);
      rt.send(e, m.term());
      rt.run_until_idle();
      QVERIFY2(!rt.alive(e), c.msg);
      QVERIFY2(o->downs.size() == 1, c.msg);
      CHECK_STR(inspect(o->downs.at(0)[4]), c.reason);
    }
  }

  void worksInThreadedMode() {
    Runtime rt(threaded());
    Log seen, replies;
    Pid e = spawn_behaviour(rt, std::make_unique<Echo>(&seen));
    Pid s = rt.spawn(sink, &replies);
    for (int i = 0; i < 1000; ++i) rt.send(e, Term::tuple({Term(s), Term(i)}));
    QTRY_COMPARE_WITH_TIMEOUT(replies.size(), size_t(1000), 10000);
    for (int i = 0; i < 1000; ++i) QCOMPARE(replies.at(size_t(i)).as_integer(), i);  // R4.1
  }
};

QTEST_GUILESS_MAIN(TstBehaviour)
#include "tst_behaviour.moc"
