#include "MainWindow.h"
#include "RuntimeStatusWidget.h"

#include <QAction>
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
  window.setScenario(QStringLiteral("kv_registry"));
  QCOMPARE(window.scenario(), QStringLiteral("kv_registry"));
  QVERIFY(window.windowTitle().startsWith(QStringLiteral("Actorscope")));
  QVERIFY(window.windowTitle().endsWith(QStringLiteral("kv_registry")));
  window.setScenario(QString());
  QCOMPARE(window.windowTitle(), QStringLiteral("Actorscope"));
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
  auto* status = qobject_cast<actorscope::views::RuntimeStatusWidget*>(window.centralWidget());
  QVERIFY(status);
  QVERIFY(!status->statusText().isEmpty());
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

