// The window attached to real nodes, as a user drives it: the first picture with the system
// applications folded, the console evaluating on the node (its prompt, what the code prints, the
// value), a second node of the cluster joining the picture in a region of its own, and detach.

#include "ConsoleWidget.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "MainWindow.h"
#include "NodeItem.h"
#include "erl_node.hpp"

#include <actorscope/attach.hpp>

#include <QAbstractItemModel>
#include <QGraphicsItem>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QMessageBox>
#include <QTimer>
#include <QTableView>
#include <QStandardPaths>
#include <QtTest>

#include "../common/tsan_qt.hpp"

using namespace actorscope;

namespace {
const QString kCookie = QStringLiteral("actorscope_test_cookie");
constexpr int kWait = 60'000;  // a loaded two-core machine starts nodes and draws slowly

QStringList labels(views::GraphScene* scene) {
  QStringList out;
  for (QGraphicsItem* i : scene->items())
    if (auto* n = dynamic_cast<views::NodeItem*>(i)) out << n->label();
  return out;
}
}  // namespace

class TstAttachWindow : public QObject {
  Q_OBJECT
  PrivateEpmd epmd_;

  attach::Options options(const QString& node) {
    attach::Options o;
    o.node = node.toStdString();
    o.cookie = kCookie.toStdString();
    return o;
  }

private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // recent nodes go to a test config
    QVERIFY2(epmd_.start(45'000), "epmd did not start (is erlang-base installed?)");
  }
  void cleanupTestCase() { epmd_.stop(); }

  void attachEvaluateAndJoinACluster() {
    const QString base = QStringLiteral("win%1").arg(QCoreApplication::applicationPid());
    ErlNode node;
    QString err;
    QVERIFY2(node.start(base + QStringLiteral("_a"), kCookie, err, true), qPrintable(err));
    const QStringList peer = node.ask(QStringLiteral("peer ") + base + QStringLiteral("_b"));
    QVERIFY2(peer.value(0).startsWith(QStringLiteral("ok ")), qPrintable(peer.join(QLatin1Char('\n'))));

    app::MainWindow window;
    window.resize(1280, 720);
    window.show();
    QVERIFY2(window.attachTo(options(node.name()), &err, false), qPrintable(err));
    views::GraphScene* scene = window.graphScene();
    // Erlang/OTP's and Elixir's applications start folded into their masters; the demo's tree is open.
    QTRY_VERIFY_WITH_TIMEOUT(labels(scene).filter(QRegularExpression(QStringLiteral("^kernel \\(app\\)  \\+\\d+$"))).size() == 1, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(labels(scene).contains(QStringLiteral(":demo_sup")), kWait);
    // init folds ERTS's own processes (purger, collectors, signal handlers...), not what was started from it.
    QVERIFY2(labels(scene).filter(QRegularExpression(QStringLiteral("^:init  \\+[5-9]$"))).size() == 1,
             qPrintable(labels(scene).join(QLatin1Char('|'))));
    QVERIFY2(!labels(scene).contains(QStringLiteral(":erts_code_purger")), qPrintable(labels(scene).join(QLatin1Char('|'))));
    QVERIFY2(labels(scene).filter(QRegularExpression(QStringLiteral("^elixir \\(app\\)  \\+\\d+$"))).size() == 1,
             qPrintable(labels(scene).join(QLatin1Char('|'))));

    // The console: iex --remsh's prompt, what the code prints, then its value.
    views::ConsoleWidget* c = window.console();
    QVERIFY(c);
    QTRY_COMPARE_WITH_TIMEOUT(c->promptText(), QStringLiteral("iex(%1)1>").arg(node.name()), kWait);
    c->submit(QStringLiteral("IO.puts(\"printed on the node\"); 6 * 7"));
    QTRY_VERIFY_WITH_TIMEOUT(c->transcript().contains(QStringLiteral("\n42")), kWait);
    const QString t = c->transcript();
    QVERIFY2(t.indexOf(QStringLiteral("printed on the node")) >= 0 &&
                 t.indexOf(QStringLiteral("printed on the node")) < t.lastIndexOf(QStringLiteral("42")),
             qPrintable(t));
    QTRY_COMPARE_WITH_TIMEOUT(c->promptText(), QStringLiteral("iex(%1)2>").arg(node.name()), kWait);

    // The peer joins: two regions, named after the nodes.
    const QString peerNode = base + QStringLiteral("_b@localhost");
    QVERIFY2(window.attachTo(options(peerNode), &err, false, true), qPrintable(err));
    QTRY_COMPARE_WITH_TIMEOUT(scene->regions().size(), size_t(2), kWait);
    QStringList names;
    for (const auto& r : scene->regions()) names << r.name;
    names.sort();
    QStringList want{node.name(), peerNode};
    want.sort();
    QCOMPARE(names, want);
    // The Processes tab says which node runs each process (a Node column, shown for a cluster).
    auto* table = window.findChild<QTableView*>(QStringLiteral("processTable"));
    QVERIFY(table && table->model());
    const int nodeCol = table->model()->columnCount() - 1;
    QCOMPARE(table->model()->headerData(nodeCol, Qt::Horizontal).toString(), QStringLiteral("Node"));
    QTRY_VERIFY_WITH_TIMEOUT(!table->isColumnHidden(nodeCol), kWait);
    QStringList shown;
    for (int row = 0; row < table->model()->rowCount(); ++row) shown << table->model()->index(row, nodeCol).data().toString();
    QVERIFY2(shown.contains(peerNode) && shown.contains(node.name()), qPrintable(shown.mid(0, 5).join(QLatin1Char('|'))));
    // The console offers the nodes; on the peer it evaluates there, with the peer's prompt.
    auto* target = c->findChild<QComboBox*>(QStringLiteral("consoleTarget"));
    QVERIFY(target);
    QTRY_VERIFY_WITH_TIMEOUT(target->isVisible() && target->count() == 2, kWait);
    QCOMPARE(target->itemText(0), node.name());
    QCOMPARE(target->itemText(1), peerNode);
    emit target->activated(1);
    QTRY_VERIFY_WITH_TIMEOUT(c->promptText().contains(peerNode + QStringLiteral(")1>")), kWait);
    const bool peerElixir = c->promptText().startsWith(QStringLiteral("iex("));
    c->submit(peerElixir ? QStringLiteral("{:on, node()}") : QStringLiteral("{on, node()}."));
    QTRY_VERIFY_WITH_TIMEOUT(c->transcript().contains(QStringLiteral("on, ")) && c->transcript().count(peerNode) >= 2, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(c->promptText().contains(peerNode + QStringLiteral(")2>")), kWait);
    emit target->activated(0);  // back on the first node, its own prompt number
    QTRY_COMPARE_WITH_TIMEOUT(c->promptText(), QStringLiteral("iex(%1)2>").arg(node.name()), kWait);
    // The same node again is refused, naming it.
    QVERIFY(!window.attachTo(options(peerNode), &err, false, true));
    QVERIFY2(err.contains(peerNode), qPrintable(err));

    // A node that goes away: its region ends, File > Reconnect is offered; back, Reconnect brings
    // it into its place. The first node too (its connection cut, as by a partition): the peer's
    // picture and the console go on meanwhile.
    QTimer closeModals;  // a failed reconnect says why in a message box: closed, the test fails below
    connect(&closeModals, &QTimer::timeout, [] {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) box->reject();
    });
    closeModals.start(500);
    auto* reconnect = window.findChild<QAction*>(QStringLiteral("reconnectAction"));
    QVERIFY(reconnect && !reconnect->isEnabled());
    auto aliveRegions = [&] {
      QStringList out;
      for (const auto& r : scene->regions())
        if (r.alive) out << r.name;
      out.sort();
      return out;
    };
    QCOMPARE(node.ask(QStringLiteral("halt ") + peerNode).value(0), QStringLiteral("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(reconnect->isEnabled(), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(aliveRegions(), QStringList{node.name()}, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(target->count(), 1, kWait);
    const QStringList again = node.ask(QStringLiteral("peer ") + base + QStringLiteral("_b"));
    QVERIFY2(again.value(0).startsWith(QStringLiteral("ok ")), qPrintable(again.join(QLatin1Char('\n'))));
    reconnect->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(aliveRegions(), want, kWait);
    QVERIFY(!reconnect->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(target->count(), 2, kWait);

    QCOMPARE(node.ask(QStringLiteral("cut_hidden")).value(0), QStringLiteral("ok 1"));
    QTRY_COMPARE_WITH_TIMEOUT(aliveRegions(), QStringList{peerNode}, kWait);
    QVERIFY(reconnect->isEnabled());
    QCOMPARE(window.findChild<views::GraphView*>()->banner(), QString());  // not the last picture: the peer's goes on
    QTRY_VERIFY_WITH_TIMEOUT(c->promptText().contains(peerNode), kWait);  // the console falls back to the peer
    QTRY_VERIFY_WITH_TIMEOUT(!labels(scene).contains(QStringLiteral(":demo_sup")), kWait);  // ended, faded
    QDeadlineTimer patience(kWait);  // the node's agent leaves when it notices the cut; until then Reconnect is refused
    while (reconnect->isEnabled() && !patience.hasExpired()) {
      reconnect->trigger();
      if (reconnect->isEnabled()) QTest::qWait(500);
    }
    QTRY_COMPARE_WITH_TIMEOUT(aliveRegions(), want, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(labels(scene).contains(QStringLiteral(":demo_sup")), kWait);
    QCOMPARE(target->count(), 2);
    QCOMPARE(target->itemText(0), node.name());

    window.detachNode();
    QVERIFY(!window.attached());
    const QStringList clean = node.ask(QStringLiteral("clean"));
    QVERIFY2(clean.value(0).startsWith(QStringLiteral("agent_loaded=false traced=0")), qPrintable(clean.join(QLatin1Char('|'))));
  }
};

QTEST_MAIN(TstAttachWindow)
#include "tst_attach_window.moc"
