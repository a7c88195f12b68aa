#include "MainWindow.h"
#include "GraphView.h"

#include <QAction>
#include <QDockWidget>
#include <QTabWidget>
#include <QTableView>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QtTest>

using actorscope::app::MainWindow;

class TestApp final : public QObject {
  Q_OBJECT

private slots:
  void title();
  void scenarioInTitle();
  void menus_data();
  void menus();
  void centralWidget();
  void grabsNonEmptyImage();
};

void TestApp::title() {
  MainWindow window;
  QCOMPARE(window.windowTitle(), QStringLiteral("Actorscope"));
  QVERIFY(window.scenario().isEmpty());
}

void TestApp::scenarioInTitle() {
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("kv")));
  QCOMPARE(window.scenario(), QStringLiteral("kv"));
  QVERIFY(window.windowTitle().startsWith(QStringLiteral("Actorscope")));
  QVERIFY(window.windowTitle().endsWith(QStringLiteral("kv")));
  // An unknown scenario changes nothing.
  QVERIFY(!window.setScenario(QStringLiteral("no-such-scenario")));
  QCOMPARE(window.scenario(), QStringLiteral("kv"));
}

void TestApp::menus_data() {
  QTest::addColumn<QString>("menu");
  QTest::addColumn<QString>("action");
  QTest::newRow("File/Quit") << QStringLiteral("fileMenu") << QStringLiteral("quitAction");
  QTest::newRow("Help/About") << QStringLiteral("helpMenu") << QStringLiteral("aboutAction");
}

void TestApp::menus() {
  QFETCH(QString, menu);
  QFETCH(QString, action);
  MainWindow window;
  auto* m = window.menuBar()->findChild<QMenu*>(menu);
  QVERIFY2(m, qPrintable(menu));
  QVERIFY(window.menuBar()->actions().contains(m->menuAction()));
  auto* a = m->findChild<QAction*>(action);
  QVERIFY2(a, qPrintable(action));
  QVERIFY(m->actions().contains(a));
}

void TestApp::centralWidget() {
  MainWindow window;
  auto* tabs = qobject_cast<QTabWidget*>(window.centralWidget());
  QVERIFY(tabs);
  QCOMPARE(tabs->widget(0), static_cast<QWidget*>(window.graphView()));
  QVERIFY(window.findChild<QTableView*>(QStringLiteral("processTable")));
  QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("inspectorDock")));
  QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("eventLogDock")));
  QVERIFY(window.statusBar());
}

void TestApp::grabsNonEmptyImage() {
  MainWindow window;
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  const QImage image = window.grab().toImage();
  QVERIFY(!image.isNull());
  QVERIFY(image.width() > 0);
  QVERIFY(image.height() > 0);
  // Something was painted: not every pixel has the same colour.
  const QRgb first = image.pixel(0, 0);
  bool varied = false;
  for (int y = 0; y < image.height() && !varied; y += 4) {
    for (int x = 0; x < image.width() && !varied; x += 4) {
      varied = image.pixel(x, y) != first;
    }
  }
  QVERIFY2(varied, "the grabbed window is a single flat colour");
}

QTEST_MAIN(TestApp)
#include "tst_app.moc"

