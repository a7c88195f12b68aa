#include "ConsoleWidget.h"
#include "InspectorWidget.h"
#include "Language.h"
#include "MainWindow.h"
#include "Source.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "NodeItem.h"
#include "ObserverModel.h"
#include "ProcessTableModel.h"
#include "Scenarios.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFontMetrics>
#include <QTabWidget>
#include <QTableView>
#include <QComboBox>
#include <QInputDialog>
#include <QMessageBox>
#include <QTimer>
#include "TimelineWidget.h"
#include "Tour.h"
#include <QPointer>
#include <QSettings>
#include <QTextBrowser>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

#include <algorithm>

#include "../common/tsan_qt.hpp"

using actorscope::Pid;
using actorscope::app::MainWindow;
using actorscope::views::ConsoleRole;
using actorscope::views::NodeItem;

namespace {
// Generous: a loaded two-core machine starts a runtime, a shell and a frame tick slowly.
constexpr int kWait = 30000;

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  const QString path = dir.filePath(name);
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return {};
  f.write(text);
  return path;
}

/// A live node drawn as the console's shell.
bool drawnAsShell(const MainWindow& w, Pid p) {
  const NodeItem* n = w.graphScene()->node(p);
  return n && !n->dying() && n->isShell();
}
}  // namespace

class TestApp final : public QObject {
  Q_OBJECT

private slots:
  void initTestCase();
  void title();
  void scenarioInTitle();
  void menus_data();
  void menus();
  void centralWidget();
  void fitsSmallScreens_data();
  void fitsSmallScreens();
  void translationsLoad();
  void observerLabelClearOfNodes();
  void scenarioTextsAreTranslatable();
  void grabsNonEmptyImage();
  void everyScenarioShowsNodes_data();
  void everyScenarioShowsNodes();
  void killFromTheWindow();
  void selectionStaysOnAKilledProcess();
  void switchingModeAsksFirst();
  void tourWalksThroughFivePages();
  void presentationModeScalesText();
  void pausedSaysSoOnTheGraph();
  void stepInDeterministicMode();
  void commandsSayWhyTheyFail();
  void slowMotionSlider();
  void linkAndMonitorByDragging();
  void shellHasItsGlyph();
  void scenarioPanelShowsScript();
  void everyScenarioScriptNamesAScenario();
  void runScenarioScriptInConsole();
  void runScriptFile();
  void supervisorGiveUpLeavesAGhost();
  void runScriptFileSyntaxError();
  void runScriptFileRuntimeErrorNamesTheLine();
  void runScriptFileUnreadable();
  void runScriptFileInterrupted();
  void ergoModeFromTheWindow();
  void ergoRelateDialogsOfferWhatErgoAllows();
  void ergoAliasesFromTheWindow();
  void ergoDragOntoANameLinksByName();
};

void TestApp::initTestCase() {
  // The console keeps its history in QSettings: not in the user's.
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName(QStringLiteral("ActorscopeTest"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_app"));
}

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

void TestApp::fitsSmallScreens_data() {
  QTest::addColumn<QSize>("screen");
  QTest::addColumn<QString>("lang");
  QTest::newRow("1024x768") << QSize(1024, 768) << QStringLiteral("en");
  QTest::newRow("1280x720") << QSize(1280, 720) << QStringLiteral("en");
  // Translations are longer (Russian) or need other glyphs (Chinese): the layout still fits.
  QTest::newRow("1024x768 ru") << QSize(1024, 768) << QStringLiteral("ru");
  QTest::newRow("1280x720 ru") << QSize(1280, 720) << QStringLiteral("ru");
  QTest::newRow("1024x768 zh_CN") << QSize(1024, 768) << QStringLiteral("zh_CN");
}

namespace {
/// What of the window's docks lies outside it (or squeezed below its minimum), "" when nothing.
QString outside(const MainWindow& w) {
  const QRect win = w.rect();
  QStringList bad;
  for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
    if (!d->isVisible() || d->isFloating()) continue;
    const QRect r(d->mapTo(&w, QPoint(0, 0)), d->size());
    // A dock behind another one's tab is parked off the window by Qt: checked when raised.
    if (!w.tabifiedDockWidgets(d).isEmpty() && r.right() < 0 && r.bottom() < 0) continue;
    if (!win.contains(r)) bad << QStringLiteral("%1 at %2,%3 %4x%5").arg(d->objectName()).arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    for (QWidget* c : d->findChildren<QWidget*>()) {
      if (!c->isVisible() || c->isWindow()) continue;
      bool scrolled = false;  // content of a scroll area may lie beyond its viewport
      for (QWidget* p = c->parentWidget(); p && p != d; p = p->parentWidget())
        if (qobject_cast<QAbstractScrollArea*>(p)) scrolled = true;
      if (scrolled) continue;
      const QRect cr(c->mapTo(&w, QPoint(0, 0)), c->size());
      // A push button narrower than its text cuts the text (a translation longer than English).
      if (auto* b = qobject_cast<QPushButton*>(c); b && !b->text().isEmpty()) {
        const int needs = b->fontMetrics().horizontalAdvance(QString(b->text()).remove(QLatin1Char('&'))) +
                          2 * b->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, b);
        if (b->width() < needs)
          bad << QStringLiteral("%1/%2 '%3' is %4 px wide, its text needs %5")
                     .arg(d->objectName(), b->objectName(), b->text()).arg(b->width()).arg(needs);
      }
      if (!win.contains(cr))
        bad << QStringLiteral("%1/%2 (%3) at %4,%5 %6x%7")
                   .arg(d->objectName(), c->objectName(), QString::fromLatin1(c->metaObject()->className()))
                   .arg(cr.x()).arg(cr.y()).arg(cr.width()).arg(cr.height());
    }
  }
  return bad.join(QStringLiteral("; "));
}
}  // namespace

void TestApp::fitsSmallScreens() {
  // A classroom projector: every dock, and every widget in it, inside a 1024x768 or 1280x720
  // window, which never grows past it, whatever the user picks.
  QFETCH(QSize, screen);
  QFETCH(QString, lang);
  QVERIFY(actorscope::app::installLanguage(*QCoreApplication::instance(), lang));
  struct English {
    ~English() { actorscope::app::installLanguage(*QCoreApplication::instance(), QStringLiteral("en")); }
  } restore;
  MainWindow window;
  window.resize(screen);
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  auto check = [&](const char* when) {
    QCoreApplication::processEvents();
    const QSize min = window.minimumSizeHint();
    QVERIFY2(min.width() <= screen.width() && min.height() <= screen.height(),
             qPrintable(QStringLiteral("%1: the window needs %2x%3").arg(when).arg(min.width()).arg(min.height())));
    QCOMPARE(window.size(), screen);
    const QString bad = outside(window);
    QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(when, bad)));
  };
  check("at start");
  QVERIFY(window.setScenario(QStringLiteral("link-chain")));  // a scenario with a script
  check("with a scenario script");
  // Every tabbed dock, raised in turn.
  for (QDockWidget* d : window.findChildren<QDockWidget*>()) {
    d->show();
    d->raise();
    check(qPrintable(d->objectName()));
  }
}

void TestApp::observerLabelClearOfNodes() {
  // The observer's label ("наблюдатель" is twice as wide as "observer") never covers the label of
  // the node beside it, in any language, and leaves a gap.
  struct English {
    ~English() { actorscope::app::installLanguage(*QCoreApplication::instance(), QStringLiteral("en")); }
  } restore;
  for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ru"), QStringLiteral("zh_CN")}) {
    QVERIFY(actorscope::app::installLanguage(*QCoreApplication::instance(), lang));
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(w.setScenario(QStringLiteral("empty")));
    auto* console = w.findChild<actorscope::views::ConsoleWidget*>();
    QVERIFY(console);
    actorscope::views::GraphScene* scene = w.graphScene();
    QTRY_VERIFY_WITH_TIMEOUT(console->ready() && scene->node(console->shellPid()) && scene->node(console->serverPid()), 10000);
    // Laid out: the nodes have grown to their size and stopped moving.
    QTRY_VERIFY_WITH_TIMEOUT(!scene->animating() && !scene->node(console->shellPid())->needsAnimate() &&
                                 !scene->node(console->serverPid())->needsAnimate(),
                             10000);
    QVERIFY(!scene->observerRect().isEmpty());
    // Its label, as ObserverGlyph draws it: 13 px bold, scaled 1.5, centred 45 below its middle.
    QFont f = scene->font();
    f.setPixelSize(13);
    f.setBold(true);
    const double half = QFontMetricsF(f).horizontalAdvance(QObject::tr("observer")) * 1.5 / 2;
    const QPointF at = scene->observerRect().center() + QPointF(0, 36 - 99 / 2.0);  // the glyph's origin
    const QRectF observer(at.x() - half, at.y() + 33, 2 * half, 24);
    for (Pid p : {console->shellPid(), console->serverPid()}) {
      const NodeItem* n = scene->node(p);
      const QRectF label = n->mapRectToScene(n->labelRect(1.0));
      QVERIFY2(!label.adjusted(-12, 0, 12, 0).intersects(observer),  // and a gap between them
               qPrintable(QStringLiteral("%1: the observer (%2, %3 wide) covers %4's label at %5")
                                                           .arg(lang).arg(observer.left()).arg(observer.width())
                                                           .arg(n->label()).arg(label.left())));
    }
  }
}

void TestApp::translationsLoad() {
  using namespace actorscope::app;
  // The system locale picks a shipped language, the nearest one.
  QCOMPARE(matchLanguage({QStringLiteral("ru-RU")}), QStringLiteral("ru"));
  QCOMPARE(matchLanguage({QStringLiteral("zh-Hans-CN")}), QStringLiteral("zh_CN"));
  QCOMPARE(matchLanguage({QStringLiteral("zh-CN")}), QStringLiteral("zh_CN"));
  QCOMPARE(matchLanguage({QStringLiteral("zh-TW")}), QStringLiteral("en"));  // traditional: not shipped
  QCOMPARE(matchLanguage({QStringLiteral("de-DE"), QStringLiteral("ru")}), QStringLiteral("ru"));
  QCOMPARE(matchLanguage({QStringLiteral("fr-FR")}), QStringLiteral("en"));
  QString error;
  QVERIFY(!installLanguage(*QCoreApplication::instance(), QStringLiteral("klingon"), &error));
  QVERIFY2(error.contains(QStringLiteral("klingon")) && error.contains(QStringLiteral("zh_CN")), qPrintable(error));
  QCOMPARE(currentLanguage(), QStringLiteral("en"));

  struct English {
    ~English() { installLanguage(*QCoreApplication::instance(), QStringLiteral("en")); }
  } restore;
  const QStringList english = [] {
    MainWindow w;
    QStringList titles;
    for (QAction* a : w.menuBar()->actions()) titles << a->text();
    return titles;
  }();
  QVERIFY(english.contains(QStringLiteral("&View")));
  for (const QString& lang : {QStringLiteral("ru"), QStringLiteral("zh_CN")}) {
    QVERIFY2(installLanguage(*QCoreApplication::instance(), lang, &error), qPrintable(error));
    QCOMPARE(currentLanguage(), lang);
    MainWindow w;
    QStringList titles;
    for (QAction* a : w.menuBar()->actions()) titles << a->text();
    QCOMPARE(titles.size(), english.size());
    for (int i = 0; i < titles.size(); ++i) {
      QVERIFY2(titles[i] != english[i], qPrintable(lang + QStringLiteral(": menu '%1' is not translated").arg(titles[i])));
      // Each script's own letters: Cyrillic for Russian, CJK ideographs for Chinese.
      const bool own = std::any_of(titles[i].begin(), titles[i].end(), [&](QChar c) {
        return lang == QStringLiteral("ru") ? c.script() == QChar::Script_Cyrillic : c.script() == QChar::Script_Han;
      });
      QVERIFY2(own, qPrintable(titles[i]));
    }
    // A text of the observer library (no QObject): the event log's words.
    QVERIFY(QCoreApplication::translate("EventText", "the observer") != QStringLiteral("the observer"));
  }
}

void TestApp::scenarioTextsAreTranslatable() {
  // Every runtime scenario's title and description is in the list lupdate reads
  // (app/ScenarioTexts.cpp), so the scenario picker and panel are translated too.
  QSet<QString> listed;
  for (size_t i = 0; i < actorscope::app::kScenarioTextCount; ++i)
    listed.insert(QString::fromUtf8(actorscope::app::kScenarioTexts[i]));
  for (const auto& s : actorscope::scenarios()) {
    QVERIFY2(listed.contains(QString::fromStdString(s.title)), s.title.c_str());
    QVERIFY2(listed.contains(QString::fromStdString(s.description)),
             qPrintable(QString::fromStdString(s.name) + QStringLiteral(": description changed; run scripts/update-translations.sh")));
  }
  QCOMPARE(actorscope::app::kScenarioTextCount, 2 * actorscope::scenarios().size());
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

void TestApp::everyScenarioShowsNodes_data() {
  QTest::addColumn<QString>("name");
  for (const auto& s : actorscope::app::scenarioList()) QTest::newRow(qPrintable(s.name)) << s.name;
}

void TestApp::everyScenarioShowsNodes() {
  QFETCH(QString, name);
  MainWindow window;
  window.resize(1200, 800);
  QVERIFY(window.setScenario(name));
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  if (name != QStringLiteral("empty")) {
    QTRY_VERIFY_WITH_TIMEOUT(window.graphScene()->nodeCount() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(window.tableModel()->rowCount() > 0, 10000);
  }
  // A screenshot of it: something drawn, and the graph itself not blank.
  const QImage image = window.grab().toImage();
  QVERIFY(!image.isNull());
  const QImage graph = window.graphView()->grab().toImage();
  QVERIFY(!graph.isNull());
  QTRY_VERIFY_WITH_TIMEOUT(window.frames() > 0, 5000);
}

void TestApp::killFromTheWindow() {
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("demo")));
  window.show();
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("bucket_2")).valid(), 10000);
  const actorscope::Pid old = window.findPid(QStringLiteral("bucket_2"));
  QVERIFY(window.killByName(QStringLiteral("bucket_2")));
  // The supervisor restarts it: a new pid under the same name, and the old one dead in the model.
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("bucket_2")).valid() &&
                               !(window.findPid(QStringLiteral("bucket_2")) == old),
                           10000);
  const auto* dead = window.observerModel()->findAny(old.serial());
  QVERIFY(dead && !dead->alive);
  QVERIFY2(dead->exit_reason.is_atom(actorscope::atoms::killed), inspect(dead->exit_reason).c_str());
  QVERIFY(window.observerModel()->find(window.findPid(QStringLiteral("bucket_2")))->restarts == 1);
  // The table says so too, in its Restarts column.
  const QAbstractItemModel* table = window.findChild<QTableView*>(QStringLiteral("processTable"))->model();
  const Pid now = window.findPid(QStringLiteral("bucket_2"));
  QString restarts;
  for (int row = 0; row < table->rowCount(); ++row)
    if (table->index(row, 0).data(actorscope::views::ProcessTableModel::PidRole).value<quint64>() == now.raw)
      restarts = table->index(row, actorscope::views::ProcessTableModel::RestartsCol).data().toString();
  QCOMPARE(restarts, QStringLiteral("1"));
  QCOMPARE(table->headerData(actorscope::views::ProcessTableModel::RestartsCol, Qt::Horizontal).toString(), QStringLiteral("Restarts"));
}

void TestApp::selectionStaysOnAKilledProcess() {
  // Select a bucket in the table, kill it: the inspector keeps the dead bucket (Kill disabled),
  // not the next row's process, so a second K kills nothing else.
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("demo")));
  window.show();
  QVERIFY(window.showTab(QStringLiteral("processes")));
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("bucket_2")).valid(), kWait);
  const Pid old = window.findPid(QStringLiteral("bucket_2"));
  QVERIFY(window.selectByName(QStringLiteral("bucket_2")));
  QCOMPARE(window.inspector()->pid(), old);
  auto* table = window.findChild<QTableView*>(QStringLiteral("processTable"));
  QVERIFY(table && table->selectionModel()->currentIndex().isValid());
  QVERIFY(window.killByName(QStringLiteral("bucket_2")));
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("bucket_2")).valid() &&
                               !(window.findPid(QStringLiteral("bucket_2")) == old),
                           kWait);
  QTRY_VERIFY_WITH_TIMEOUT(window.inspector()->showsDead(), kWait);
  QCOMPARE(window.inspector()->pid(), old);
  auto* kill = window.inspector()->findChild<QPushButton*>(QStringLiteral("inspectorKill"));
  QVERIFY(kill);
  QVERIFY(!kill->isEnabled());
  // R7.2: its supervisor restarted it; the dead one offers the new pid, and a click goes there.
  const Pid fresh = window.findPid(QStringLiteral("bucket_2"));
  auto* body = window.inspector()->findChild<QTextBrowser*>(QStringLiteral("inspectorBody"));
  QVERIFY(body);
  const QString href = QStringLiteral("pid:%1").arg(fresh.raw);
  QTRY_VERIFY_WITH_TIMEOUT(body->toHtml().contains(href) && body->toPlainText().contains(QStringLiteral("restarted as")), kWait);
  emit body->anchorClicked(QUrl(href));
  QTRY_COMPARE_WITH_TIMEOUT(window.inspector()->pid(), fresh, kWait);
  QVERIFY(!window.inspector()->showsDead());
}

void TestApp::switchingModeAsksFirst() {
  // Changing Live/Deterministic (or the scenario) restarts the runtime and clears the timeline:
  // the window asks first; Cancel keeps everything, Restart goes on.
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("kv")));
  window.show();
  auto* timeline = window.findChild<actorscope::views::TimelineWidget*>();
  QVERIFY(timeline);
  // The timeline records from its first snapshot on: on a loaded machine kv may have finished
  // starting before that and gone quiet, so once the window shows the tree, an event is made.
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("KV.EventManager")).valid(), kWait);
  QTRY_VERIFY_WITH_TIMEOUT(timeline->recordingStarted(), kWait);  // a kill before it would not be kept
  if (timeline->recordedEvents() == 0) QVERIFY(window.killByName(QStringLiteral("KV.EventManager")));
  QTRY_VERIFY_WITH_TIMEOUT(timeline->recordedEvents() > 0, kWait);
  auto* combo = window.findChild<QComboBox*>(QStringLiteral("modeCombo"));
  QVERIFY(combo);
  QString asked;
  auto answer = [&asked](QMessageBox::ButtonRole role) {
    QTimer::singleShot(0, [&asked, role] {
      for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
          asked = box->text();
          for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == role) b->click();
        }
    });
  };
  answer(QMessageBox::RejectRole);
  combo->setCurrentIndex(1);
  emit combo->activated(1);
  QVERIFY2(asked.contains(QStringLiteral("recorded event")), qPrintable(asked));
  QCOMPARE(window.runMode(), actorscope::views::RunMode::Live);
  QCOMPARE(combo->currentIndex(), 0);
  asked.clear();
  answer(QMessageBox::AcceptRole);
  combo->setCurrentIndex(1);
  emit combo->activated(1);
  QVERIFY(asked.contains(QStringLiteral("Deterministic")));
  QCOMPARE(window.runMode(), actorscope::views::RunMode::Deterministic);
}

void TestApp::tourWalksThroughFivePages() {
  QSettings().remove(QStringLiteral("ui/tourShown"));
  QVERIFY(actorscope::app::Tour::firstRun());
  MainWindow window;
  window.show();
  auto* action = window.findChild<QAction*>(QStringLiteral("tourAction"));
  QVERIFY(action);
  action->trigger();
  auto* tour = window.findChild<actorscope::app::Tour*>(QStringLiteral("tour"));
  QVERIFY(tour && tour->isVisible());
  QVERIFY(!tour->isModal());
  QVERIFY(!actorscope::app::Tour::firstRun());  // shown once: not again at the next start
  QCOMPARE(tour->pages(), 5);
  QCOMPARE(tour->page(), 0);
  QPushButton* next = nullptr;
  for (auto* b : tour->findChildren<QPushButton*>())
    if (b->text() == QStringLiteral("Next")) next = b;
  QVERIFY(next);
  for (int i = 1; i < 5; ++i) {
    next->click();
    QCOMPARE(tour->page(), i);
  }
  QCOMPARE(next->text(), QStringLiteral("Done"));
  QPointer<actorscope::app::Tour> alive(tour);
  next->click();  // Done closes it
  QTRY_VERIFY(!alive);
}

void TestApp::presentationModeScalesText() {
  // F11: larger text everywhere, the console larger still, the charts and fault docks out of the
  // way; off again restores all of it. F1 lists the shortcuts, F11 and Ctrl+O among them.
  MainWindow window;
  window.show();
  const double console = window.console()->fontPointSize();
  const double app = QApplication::font().pointSizeF();
  auto* charts = window.findChild<QDockWidget*>(QStringLiteral("chartsDock"));
  QVERIFY(charts->toggleViewAction()->isChecked());  // open (behind the event log's tab)
  window.findChild<QAction*>(QStringLiteral("presentationAction"))->trigger();
  QVERIFY(window.presentationMode());
  QVERIFY2(window.console()->fontPointSize() >= 1.7 * console, qPrintable(QString::number(window.console()->fontPointSize())));
  QVERIFY(QApplication::font().pointSizeF() >= 1.4 * app);
  QVERIFY(!charts->toggleViewAction()->isChecked());
  window.setPresentationMode(false);
  QCOMPARE(window.console()->fontPointSize(), console);
  QCOMPARE(QApplication::font().pointSizeF(), app);
  QVERIFY(charts->toggleViewAction()->isChecked());
  const QString sheet = window.shortcutSheet();
  QVERIFY2(sheet.contains(QStringLiteral("F11")) && sheet.contains(QStringLiteral("Ctrl+O")) &&
               sheet.contains(QStringLiteral("Kill")),
           qPrintable(sheet));
}

void TestApp::pausedSaysSoOnTheGraph() {
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("kv")));
  QVERIFY(window.graphView()->banner().isEmpty());
  window.setPaused(true);
  QVERIFY2(window.graphView()->banner().contains(QStringLiteral("Paused")), qPrintable(window.graphView()->banner()));
  window.setPaused(false);
  QVERIFY(window.graphView()->banner().isEmpty());
}

void TestApp::commandsSayWhyTheyFail() {
  // Typed commands through the window's Source: a dead pid and a taken name are refused with
  // words that name them, on the GUI thread.
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("demo")));
  window.show();
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("bucket_2")).valid(), 10000);
  const actorscope::Pid victim = window.findPid(QStringLiteral("bucket_2"));
  std::optional<actorscope::views::CommandResult> killed, again, taken, sent;
  window.source()->exit(victim, actorscope::Term(actorscope::atoms::kill), [&](const auto& r) { killed = r; });
  QTRY_VERIFY_WITH_TIMEOUT(killed.has_value(), 10000);
  QVERIFY2(killed->ok, qPrintable(killed->error));
  // A kill is a signal: the victim is dead once the window has seen it go (not when it was sent).
  QTRY_VERIFY_WITH_TIMEOUT(!(window.findPid(QStringLiteral("bucket_2")) == victim), 10000);
  window.source()->exit(victim, actorscope::Term(actorscope::atoms::kill), [&](const auto& r) { again = r; });
  QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), 10000);
  QVERIFY(!again->ok);
  QCOMPARE(again->error, QString::fromStdString(actorscope::inspect_pid(victim)) + QStringLiteral(" is not alive"));
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("bucket_1")).valid(), 10000);
  const actorscope::Pid other = window.findPid(QStringLiteral("bucket_1"));
  window.source()->registerName(other, actorscope::intern("bucket_1"), [&](const auto& r) { taken = r; });
  QTRY_VERIFY_WITH_TIMEOUT(taken.has_value(), 10000);
  QVERIFY(!taken->ok);
  QCOMPARE(taken->error, QString::fromStdString(actorscope::inspect_pid(other)) + QStringLiteral(" is already registered as :bucket_1"));
  window.source()->send(other, actorscope::Term(actorscope::intern("hello")), [&](const auto& r) { sent = r; });
  QTRY_VERIFY_WITH_TIMEOUT(sent.has_value(), 10000);
  QVERIFY2(sent->ok, qPrintable(sent->error));
}

void TestApp::stepInDeterministicMode() {
  MainWindow window;
  window.setRunMode(actorscope::views::RunMode::Deterministic);
  window.setPaused(true);
  QVERIFY(window.setScenario(QStringLiteral("demo")));
  window.show();
  QTRY_VERIFY_WITH_TIMEOUT(window.observerModel()->processCount() >= 5, 10000);
  const quint64 applied = window.observerModel()->eventsApplied();
  window.step();
  window.step();
  QTRY_VERIFY_WITH_TIMEOUT(window.observerModel()->eventsApplied() > applied, 10000);
  QVERIFY(window.paused());
}

void TestApp::slowMotionSlider() {
  MainWindow window;
  window.setSlowMotion(300);
  QCOMPARE(window.slowMotion(), 300);
  window.setSlowMotion(5000);
  QCOMPARE(window.slowMotion(), 2000);
}

void TestApp::linkAndMonitorByDragging() {
  // link-chain's processes run plain scenario code (no control protocol): the drag must still work.
  MainWindow window;
  window.resize(1200, 800);
  QVERIFY(window.setScenario(QStringLiteral("link-chain")));
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("chain_0")).valid() && window.findPid(QStringLiteral("chain_3")).valid(), 10000);
  const actorscope::Pid a = window.findPid(QStringLiteral("chain_0"));
  const actorscope::Pid b = window.findPid(QStringLiteral("chain_3"));
  auto linked = [&] {
    const auto* r = window.observerModel()->find(a);
    return r && std::find(r->links.begin(), r->links.end(), b) != r->links.end();
  };
  auto monitors = [&] {
    const auto* r = window.observerModel()->find(b);
    return r && std::any_of(r->monitors.begin(), r->monitors.end(), [&](const auto& m) { return m.second == a; });
  };
  QVERIFY(!linked());
  // Let the layout settle so the nodes stay under the mouse, then Shift+drag from a to b.
  window.graphView()->setAutoFit(false);
  QTest::qWait(1500);
  auto at = [&](actorscope::Pid p) {
    return window.graphView()->mapFromScene(window.graphScene()->node(p)->pos());
  };
  QWidget* vp = window.graphView()->viewport();
  QTest::mousePress(vp, Qt::LeftButton, Qt::ShiftModifier, at(a));
  QTest::mouseRelease(vp, Qt::LeftButton, Qt::ShiftModifier, at(b));
  QTRY_VERIFY_WITH_TIMEOUT(linked(), 10000);
  // Ctrl+Shift+drag from b (watcher) to a (target): a monitor.
  QTest::mousePress(vp, Qt::LeftButton, Qt::ShiftModifier | Qt::ControlModifier, at(b));
  QTest::mouseRelease(vp, Qt::LeftButton, Qt::ShiftModifier | Qt::ControlModifier, at(a));
  QTRY_VERIFY_WITH_TIMEOUT(monitors(), 10000);
  auto monitorEdge = [&] {
    const std::vector<actorscope::views::GraphEdge> edges = window.graphScene()->edges();
    return std::any_of(edges.begin(), edges.end(), [&](const actorscope::views::GraphEdge& e) {
      return e.kind == actorscope::views::GraphEdge::Monitor && e.from == b.serial() && e.to == a.serial();
    });
  };
  QTRY_VERIFY_WITH_TIMEOUT(monitorEdge(), 5000);
}

void TestApp::shellHasItsGlyph() {
  MainWindow window;
  window.resize(1200, 800);
  QVERIFY(window.setScenario(QStringLiteral("empty")));
  window.show();
  actorscope::views::ConsoleWidget* c = window.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), kWait);
  const Pid shell = c->shellPid();
  const Pid server = c->serverPid();
  QVERIFY(shell.valid() && server.valid());
  QTRY_VERIFY_WITH_TIMEOUT(drawnAsShell(window, shell), kWait);
  QCOMPARE(window.graphScene()->node(shell)->label(), QStringLiteral("iex shell"));
  QCOMPARE(window.graphScene()->findNode(QStringLiteral("iex shell")), window.graphScene()->node(shell));
  // The server that restarts the shell is drawn as part of the console, not as a plain worker.
  QTRY_VERIFY_WITH_TIMEOUT(window.graphScene()->node(server) &&
                               window.graphScene()->node(server)->consoleRole() == ConsoleRole::ShellServer,
                           kWait);
  QVERIFY(!window.graphScene()->node(server)->isShell());
  // The table names them too.
  const int row = window.tableModel()->rowOf(shell);
  QVERIFY(row >= 0);
  QVERIFY(window.tableModel()
              ->index(row, actorscope::views::ProcessTableModel::NameCol)
              .data()
              .toString()
              .contains(QStringLiteral("iex shell")));

  // The shell dies with a linked process; the server starts a new shell, which gets the glyph.
  c->submit(QStringLiteral("spawn_link(fn -> exit(:boom) end)"));
  QTRY_VERIFY_WITH_TIMEOUT(c->shellPid().valid() && !(c->shellPid() == shell), kWait);
  const Pid fresh = c->shellPid();
  QCOMPARE(c->serverPid(), server);
  QTRY_VERIFY_WITH_TIMEOUT(drawnAsShell(window, fresh), kWait);
  QTRY_VERIFY_WITH_TIMEOUT(!drawnAsShell(window, shell), kWait);
  QVERIFY(window.observerModel()->consoleShell() == fresh);
  const auto* old = window.observerModel()->findAny(shell.serial());
  QVERIFY(old && !old->alive && old->console == ConsoleRole::None);
  QVERIFY2(c->transcript().contains(QStringLiteral("shell process exited with reason: :boom")), qPrintable(c->transcript()));
  // Rebuilt from a snapshot (what the timeline does), the shell is still the shell.
  window.observerModel()->clear();
  window.graphScene()->reset();
  window.host()->requestSnapshot();
  QTRY_VERIFY_WITH_TIMEOUT(drawnAsShell(window, fresh), kWait);
  // The new shell works.
  QTRY_VERIFY_WITH_TIMEOUT(!c->busy(), kWait);
  c->submit(QStringLiteral("self() |> is_pid()"));
  QTRY_VERIFY_WITH_TIMEOUT(c->transcript().endsWith(QStringLiteral("\ntrue")), kWait);
}

void TestApp::scenarioPanelShowsScript() {
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("monitors")));
  window.show();
  auto* view = window.findChild<QPlainTextEdit*>(QStringLiteral("scenarioScript"));
  QVERIFY(view);
  QVERIFY(view->isVisible());
  QVERIFY(view->isReadOnly());
  QVERIFY(view->textInteractionFlags() & Qt::TextSelectableByMouse);
  {
    // Monospaced as drawn (QFontInfo::fixedPitch() is false for some monospace families, e.g.
    // Noto Sans Mono, that fontconfig picks where they are installed).
    const QFontMetrics fm(view->font());
    QCOMPARE(fm.horizontalAdvance(QStringLiteral("iiii")), fm.horizontalAdvance(QStringLiteral("MMMM")));
  }
  QVERIFY2(view->toPlainText().startsWith(QStringLiteral("# Scenario: monitors")), qPrintable(view->toPlainText()));
  QVERIFY(view->toPlainText().contains(QStringLiteral("Process.monitor(w)")));
  QCOMPARE(window.scenarioScriptText(), view->toPlainText());
  QVERIFY(window.findChild<QPushButton*>(QStringLiteral("scenarioScriptCopy")));
  QVERIFY(window.findChild<QPushButton*>(QStringLiteral("scenarioScriptRun")));
  // A scenario without a script hides the box.
  QVERIFY(window.setScenario(QStringLiteral("kv")));
  QVERIFY(!view->isVisible());
  QVERIFY(window.scenarioScriptText().isEmpty());
  QVERIFY(window.setScenario(QStringLiteral("link-chain")));
  QVERIFY(view->isVisible());
  QVERIFY(window.scenarioScriptText().contains(QStringLiteral("defmodule Chain")));
}

void TestApp::everyScenarioScriptNamesAScenario() {
  actorscope::app::initResources();
  const QStringList files = QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.exs")});
  QVERIFY(files.size() >= 5);
  for (const QString& f : files) {
    const QString name = QFileInfo(f).completeBaseName().replace(QLatin1Char('_'), QLatin1Char('-'));
    QVERIFY2(actorscope::app::hasScenario(name), qPrintable(f));
    QVERIFY2(!actorscope::app::scenarioScript(name).isEmpty(), qPrintable(f));
  }
}

void TestApp::runScenarioScriptInConsole() {
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("trap-exit")));
  window.show();
  QTRY_VERIFY_WITH_TIMEOUT(window.console()->ready(), kWait);
  auto* run = window.findChild<QPushButton*>(QStringLiteral("scenarioScriptRun"));
  QVERIFY(run);
  run->click();
  // Printed whatever the timing (the script's checks use Process.sleep, a loaded machine may lag).
  QTRY_VERIFY_WITH_TIMEOUT(window.console()->transcript().contains(QStringLiteral("parent alive: ")), kWait);
  QVERIFY(window.console()->transcript().contains(QStringLiteral("# script scenarios/trap_exit.exs")));
  QTRY_VERIFY_WITH_TIMEOUT(!window.console()->busy(), kWait);
}

void TestApp::runScriptFile() {
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("register.exs"),
                                 "pid = spawn(fn -> receive do :stop -> :ok end end)\n"
                                 "Process.register(pid, :from_script)\n"
                                 "IO.puts(\"registered\")\n"
                                 "Process.whereis(:from_script) == pid\n");
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("empty")));
  window.show();
  // Asked before the shell has started: it runs once it has.
  QVERIFY(window.runScriptFile(path));
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("from_script")).valid(), kWait);
  actorscope::views::ConsoleWidget* c = window.console();
  QTRY_VERIFY_WITH_TIMEOUT(!c->busy() && c->transcript().endsWith(QStringLiteral("registered\ntrue")), kWait);
  QVERIFY2(c->transcript().contains(QStringLiteral("# script %1 (4 lines)").arg(path)), qPrintable(c->transcript()));
  // The script's variables stay in the shell, as after iex's import_file.
  c->submit(QStringLiteral("send(pid, :stop)"));
  QTRY_VERIFY_WITH_TIMEOUT(!window.findPid(QStringLiteral("from_script")).valid(), kWait);
}

void TestApp::supervisorGiveUpLeavesAGhost() {
  // R7.4 on screen: a supervisor whose child dies a 4th time within 5 s gives up; the graph keeps
  // it as a ghost saying why, the log says it, and a click lets the ghost go.
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("giveup.exs"),
                                 "children = [%{id: :counter, start: {Agent, :start_link, [fn -> 0 end, [name: :counter]]}}]\n"
                                 "{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, name: :my_sup)\n"
                                 "Process.unlink(sup)\n"
                                 "for _ <- 1..4 do\n"
                                 "  Process.exit(Process.whereis(:counter), :kill)\n"
                                 "  Process.sleep(50)\n"
                                 "end\n");
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("empty")));
  window.show();
  QVERIFY(window.runScriptFile(path));
  Pid sup;
  QTRY_VERIFY_WITH_TIMEOUT((sup = window.findPid(QStringLiteral("my_sup"))).valid(), kWait);
  auto ghost = [&]() -> NodeItem* {
    NodeItem* n = window.graphScene()->node(sup);
    return n && n->ghost() && n->dying() && !(n->flags() & QGraphicsItem::ItemIsSelectable) ? n : nullptr;
  };
  QTRY_VERIFY_WITH_TIMEOUT(ghost() && ghost()->toolTip().contains(QStringLiteral("Click to dismiss")), kWait);
  QCOMPARE(ghost()->ghostNote(), QStringLiteral("gave up: more than 3 restarts in 5 s"));
  // It stays: well after its fade would have ended (scene clock), it is still drawn.
  const double diedAt = ghost()->deathAt();
  QTRY_VERIFY_WITH_TIMEOUT(window.graphScene()->now() > diedAt + 2500, kWait);
  QCoreApplication::processEvents();
  QVERIFY(ghost());
  QVERIFY(ghost()->opacity() > 0.3);
  QCOMPARE(window.graphScene()->dismissGhosts(), 1);
  QTRY_VERIFY_WITH_TIMEOUT(!window.graphScene()->node(sup), kWait);
}

void TestApp::runScriptFileSyntaxError() {
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("broken.exs"), "IO.puts(\"ran\")\nx = 1\ny = )\n");
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("empty")));
  actorscope::views::ConsoleWidget* c = window.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), kWait);
  QVERIFY(!window.runScriptFile(path));
  const QString want = QStringLiteral("** (SyntaxError) %1:3:5: unexpected token: )").arg(path);
  QVERIFY2(c->transcript().contains(want), qPrintable(c->transcript()));
  QVERIFY(!c->busy());
  QVERIFY(!c->transcript().contains(QStringLiteral("\nran")));  // nothing ran
  QCOMPARE(c->promptText(), QStringLiteral("iex(1)>"));
}

void TestApp::runScriptFileRuntimeErrorNamesTheLine() {
  // The error of a script run in the console names the file and line, as `elixir FILE` does; a
  // script may call what the shell imported before it (compile errors are the shell's to judge).
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("oops.exs"), "IO.puts(\"ran\")\nx = :a\ny = sleep(1) && 1 + x\n");
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("empty")));
  actorscope::views::ConsoleWidget* c = window.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), kWait);
  c->submit(QStringLiteral("import :timer, only: [sleep: 1]"));
  QTRY_VERIFY_WITH_TIMEOUT(!c->busy() && c->transcript().contains(QStringLiteral(":timer")), kWait);
  QVERIFY(window.runScriptFile(path));
  const QString want = QStringLiteral("** (ArithmeticError) bad argument in arithmetic expression: 1 + :a\n    %1:3: (file)").arg(path);
  QTRY_VERIFY2_WITH_TIMEOUT(!c->busy() && c->transcript().contains(want), qPrintable(c->transcript()), kWait);
  QVERIFY(c->transcript().contains(QStringLiteral("\nran")));
}

void TestApp::runScriptFileUnreadable() {
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("empty")));
  actorscope::views::ConsoleWidget* c = window.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), kWait);
  QVERIFY(!window.runScriptFile(QStringLiteral("/nonexistent/nope.exs")));
  QVERIFY2(c->transcript().contains(
               QStringLiteral("** (File.Error) could not read file \"/nonexistent/nope.exs\": no such file or directory")),
           qPrintable(c->transcript()));
  QTemporaryDir dir;
  QVERIFY(!window.runScriptFile(dir.path()));
  QVERIFY2(c->transcript().contains(QStringLiteral("illegal operation on a directory")), qPrintable(c->transcript()));
}

void TestApp::runScriptFileInterrupted() {
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("spin.exs"),
                                 "defmodule Spin do\n  def loop(n), do: loop(n + 1)\nend\n\nIO.puts(\"spinning\")\nSpin.loop(0)\n");
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("empty")));
  actorscope::views::ConsoleWidget* c = window.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), kWait);
  QVERIFY(window.runScriptFile(path));
  QVERIFY(c->busy());
  // Interrupt once the loop runs (an interrupt that reaches the shell before the input is void).
  QTRY_VERIFY_WITH_TIMEOUT(c->transcript().endsWith(QStringLiteral("\nspinning")), kWait);
  QVERIFY(c->busy());
  c->interrupt();
  QTRY_VERIFY_WITH_TIMEOUT(!c->busy(), kWait);
  QVERIFY2(c->transcript().contains(QStringLiteral("** (Interrupted) evaluation interrupted")), qPrintable(c->transcript()));
  c->submit(QStringLiteral("1 + 1"));
  QTRY_VERIFY_WITH_TIMEOUT(c->transcript().endsWith(QStringLiteral("\n2")), kWait);
}

namespace {
/// `window` on a paused deterministic Ergo runtime running `scenario` (nothing happens but what the
/// test does), shown; false when the scenario is unknown.
bool openErgo(MainWindow& window, const QString& scenario) {
  window.setRunMode(actorscope::views::RunMode::Deterministic);
  window.setPaused(true);
  window.setSemantics(actorscope::Semantics::Ergo);
  if (!window.setScenario(scenario)) return false;
  window.show();
  return true;
}
}  // namespace

void TestApp::ergoModeFromTheWindow() {
  // Ergo semantics restart the scenario on an Ergo runtime: the window says so, draws the one-way
  // links as arrows, kills with the node's Kill and refuses with Ergo's errors in words. A
  // deterministic, paused runtime: nothing happens but what the test does.
  using namespace actorscope;
  MainWindow window;
  QVERIFY(openErgo(window, QStringLiteral("ergo-service")));
  QCOMPARE(window.source()->semantics(), Semantics::Ergo);
  QVERIFY(window.observerModel()->ergo());
  QVERIFY2(window.windowTitle().endsWith(QStringLiteral("ergo-service (Ergo mode)")), qPrintable(window.windowTitle()));
  QVERIFY(!window.findChild<QLabel*>(QStringLiteral("statSemantics"))->isHidden());
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("worker_3")).valid() && window.findPid(QStringLiteral("service")).valid(), kWait);
  const Pid service = window.findPid(QStringLiteral("service")), worker = window.findPid(QStringLiteral("worker_3"));
  auto arrow = [&](Pid from, Pid to) {
    for (const views::GraphEdge& e : window.graphScene()->edges())
      if (e.kind == views::GraphEdge::OneWayLink && e.from == from.serial() && e.to == to.serial()) return true;
    return false;
  };
  QTRY_VERIFY_WITH_TIMEOUT(arrow(worker, service), kWait);
  QVERIFY(!arrow(service, worker));

  std::optional<views::CommandResult> again, unknown, killed;
  window.source()->relate(worker, ergo::Target::process(service), views::Relation::Link, [&](const auto& r) { again = r; });
  window.source()->relate(worker, ergo::Target::registered(intern("nosuch")), views::Relation::Monitor,
                          [&](const auto& r) { unknown = r; });
  QTRY_VERIFY_WITH_TIMEOUT(again && unknown, kWait);
  QVERIFY(!again->ok && !unknown->ok);
  QCOMPARE(again->error, QStringLiteral("ErrTargetExist: %1 already links to %2")
                             .arg(QString::fromStdString(inspect_pid(worker)), QString::fromStdString(inspect_pid(service))));
  QCOMPARE(unknown->error, QStringLiteral("ErrProcessUnknown: no process is registered as :nosuch"));

  // The window's Kill is the node's (E1.6): the reason is :kill, not the BEAM's :killed.
  window.source()->kill(worker, [&](const auto& r) { killed = r; });
  QTRY_VERIFY_WITH_TIMEOUT(killed.has_value(), kWait);
  QVERIFY2(killed->ok, qPrintable(killed->error));
  QTRY_VERIFY_WITH_TIMEOUT((window.step(), window.observerModel()->find(worker) == nullptr), kWait);
  const auto* dead = window.observerModel()->findAny(worker.serial());
  QVERIFY(dead && dead->exit_reason.is_atom(atoms::kill));
  QVERIFY(window.observerModel()->find(service));  // a one-way link: the service stays

  window.setSemantics(Semantics::Beam);
  QCOMPARE(window.source()->semantics(), Semantics::Beam);
  QVERIFY(!window.observerModel()->ergo());
  QVERIFY(!window.windowTitle().contains(QStringLiteral("Ergo")));
  QVERIFY(window.findChild<QLabel*>(QStringLiteral("statSemantics"))->isHidden());
}

void TestApp::ergoRelateDialogsOfferWhatErgoAllows() {
  // Process > Ergo links and monitors: each prompt is a sentence of its own; a node prompt offers
  // another node first (its own is ErrNotAllowed), and none opens when there is no other node;
  // errors read as the runtime's (ErrProcessUnknown: ...). A paused deterministic runtime.
  using namespace actorscope;
  MainWindow window;
  QVERIFY(openErgo(window, QStringLiteral("ergo-node-link")));
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("director")).valid() && window.findPid(QStringLiteral("remote")).valid(), kWait);
  QVERIFY(window.selectByName(QStringLiteral("director")));
  const QString director = window.observerModel()->pidText(window.findPid(QStringLiteral("director"))) + QStringLiteral(" :director");
  // Opens the menu entry `what`/`kind`, shows what the prompt offers, then types `text` (if any) and
  // answers OK, or Cancel; `asked` stays empty when no prompt opened.
  struct Asked {
    QString title, label, current;
    QStringList items;
  };
  auto open = [&window](views::Relation what, ergo::Target::Kind kind, const QString& text = {}, bool ok = true) {
    Asked asked;
    QTimer::singleShot(0, &window, [&] {
      auto* dlg = window.findChild<QInputDialog*>();
      if (!dlg) return;
      asked = {dlg->windowTitle(), dlg->labelText(), dlg->textValue(), dlg->comboBoxItems()};
      if (!text.isEmpty()) dlg->setTextValue(text);
      ok ? dlg->accept() : dlg->reject();
    });
    auto* action = window.findChild<QAction*>(QStringLiteral("ergo_%1_%2").arg(int(what)).arg(int(kind)));
    if (action) action->trigger();
    return asked;
  };
  auto status = [&window] { return window.statusBar()->currentMessage(); };

  // Monitor > a node...: b@host (the director runs on a@host), and OK monitors it.
  Asked node = open(views::Relation::Monitor, ergo::Target::Kind::Node);
  QCOMPARE(node.title, QStringLiteral("Monitor"));
  QCOMPARE(node.label, QStringLiteral("Which node should %1 monitor?").arg(director));
  QCOMPARE(node.current, QStringLiteral("b@host"));
  QCOMPARE(node.items, QStringList{QStringLiteral("b@host")});
  QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("%1 now monitors node b@host").arg(director), kWait);
  // Its own node, asked for all the same (a drag, a script): Ergo's refusal in words.
  std::optional<views::CommandResult> own;
  window.source()->relate(window.findPid(QStringLiteral("director")), ergo::Target::node_of(0), views::Relation::Link,
                          [&](const auto& r) { own = r; });
  QTRY_VERIFY_WITH_TIMEOUT(own.has_value(), kWait);
  QCOMPARE(own->error, QStringLiteral("ErrNotAllowed: a process cannot link to or monitor its own node"));

  // Link to > a registered name...: the prompt says it must be registered, as the runtime does.
  Asked name = open(views::Relation::Link, ergo::Target::Kind::Name, QStringLiteral(":nosuch"));
  QVERIFY2(name.label.startsWith(QStringLiteral("Which registered name should %1 link to? It must be registered now").arg(director)),
           qPrintable(name.label));
  QVERIFY(!name.label.contains(QStringLiteral("need not")));
  QCOMPARE(name.title, QStringLiteral("Link to"));
  QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("ErrProcessUnknown: no process is registered as :nosuch")), kWait);

  // A pid that is not (or no longer) a process: Ergo's error, as for the others.
  Asked pid = open(views::Relation::Link, ergo::Target::Kind::Pid, QStringLiteral("#PID<0.99.0>"));
  QCOMPARE(pid.label, QStringLiteral("Which process should %1 link to?").arg(director));
  QCOMPARE(status(), QStringLiteral("ErrProcessUnknown: no process is #PID<0.99.0>"));
  QVERIFY(open(views::Relation::Demonitor, ergo::Target::Kind::Node, {}, false).label.startsWith(QStringLiteral("Which node should")));

  // The blast radius of a Kill, in Ergo's words.
  QVERIFY(window.selectByName(QStringLiteral("remote"), true));
  QVERIFY2(status().contains(QStringLiteral("get MessageExitPID")) && status().contains(QStringLiteral("terminate")), qPrintable(status()));

  // One node only: no prompt, the status bar says why.
  QVERIFY(window.setScenario(QStringLiteral("ergo-service")));
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("service")).valid(), kWait);
  QVERIFY(window.selectByName(QStringLiteral("service")));
  QVERIFY(open(views::Relation::Link, ergo::Target::Kind::Node).title.isEmpty());
  QVERIFY2(status().startsWith(QStringLiteral("No other node: ")), qPrintable(status()));
}

void TestApp::ergoAliasesFromTheWindow() {
  // Process > Ergo links and monitors > Create alias / Delete alias, and "an alias..." as a target
  // (E1.2): the alias is named in the status bar and listed in the inspector; a link on it fires
  // ErrUnregistered when it is deleted while its process lives on (E1.3); refusals in words.
  using namespace actorscope;
  MainWindow window;
  QVERIFY(openErgo(window, QStringLiteral("ergo-name-monitor")));
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("db")).valid() && window.findPid(QStringLiteral("director")).valid(), kWait);
  const Pid db = window.findPid(QStringLiteral("db")), director = window.findPid(QStringLiteral("director"));
  auto status = [&window] { return window.statusBar()->currentMessage(); };
  auto action = [&window](const QString& name) { return window.findChild<QAction*>(name); };
  // Answers the next prompt with `text` (its first item when empty) and keeps what it offered. The
  // prompt opens once the source has listed the aliases, so this looks for it until it is there.
  auto answer = [&window](QStringList* items, const QString& text = {}) {
    auto* poll = new QTimer(&window);
    poll->setInterval(5);
    QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, items, text] {
      auto* dlg = window.findChild<QInputDialog*>();
      if (!dlg || !dlg->isVisible()) return;
      poll->stop();
      poll->deleteLater();
      *items = dlg->comboBoxItems();
      if (!text.isEmpty()) dlg->setTextValue(text);
      dlg->accept();
    });
    poll->start();
  };
  QVERIFY(action(QStringLiteral("ergo_create_alias")) && action(QStringLiteral("ergo_delete_alias")));

  // No alias yet: deleting one says so, linking to one says how to make one.
  QVERIFY(window.selectByName(QStringLiteral("db")));
  action(QStringLiteral("ergo_delete_alias"))->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(status().endsWith(QStringLiteral("has no alias to delete")), kWait);

  // Create alias: the status bar names it, the inspector lists it.
  action(QStringLiteral("ergo_create_alias"))->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("has a new alias #Reference<")), kWait);
  QTRY_COMPARE_WITH_TIMEOUT(window.inspector()->aliases().size(), size_t(1), kWait);
  const Ref alias = window.inspector()->aliases().front();
  const QString aliasText = QString::fromStdString(inspect(Term(alias)));
  QVERIFY(status().contains(aliasText));

  // :director links to it (Link to > an alias...): the prompt offers it with its owner.
  QVERIFY(window.selectByName(QStringLiteral("director")));
  QStringList offered;
  answer(&offered);
  action(QStringLiteral("ergo_%1_%2").arg(int(views::Relation::Link)).arg(int(ergo::Target::Kind::Alias)))->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("now links to the alias %1").arg(aliasText)), kWait);
  QCOMPARE(offered.size(), 1);
  QVERIFY2(offered.front().startsWith(aliasText + QStringLiteral(" (of ")), qPrintable(offered.front()));
  // Again: ErrTargetExist, in words.
  answer(&offered);
  action(QStringLiteral("ergo_%1_%2").arg(int(views::Relation::Link)).arg(int(ergo::Target::Kind::Alias)))->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("ErrTargetExist: ")), kWait);
  // A typed reference that is no alias: ErrProcessUnknown, no crash.
  const QString noAlias = QString::fromStdString(inspect(Term(Ref{alias.id + 1000})));
  answer(&offered, noAlias);
  action(QStringLiteral("ergo_%1_%2").arg(int(views::Relation::Monitor)).arg(int(ergo::Target::Kind::Alias)))->trigger();
  QTRY_VERIFY2_WITH_TIMEOUT(status().contains(QStringLiteral("ErrProcessUnknown: no process has the alias %1").arg(noAlias)), qPrintable(status()), kWait);
  answer(&offered, QStringLiteral("nonsense"));
  action(QStringLiteral("ergo_%1_%2").arg(int(views::Relation::Monitor)).arg(int(ergo::Target::Kind::Alias)))->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("ErrProcessUnknown: nonsense is not an alias")), kWait);
  QTRY_VERIFY_WITH_TIMEOUT(([&] {
                             const auto* r = window.observerModel()->find(director);
                             return r && std::count(r->one_way_links.begin(), r->one_way_links.end(), db) == 1;
                           }()),
                           kWait);

  // Delete alias (on :db): the link fires ErrUnregistered; :db lives on, :director (not trapping)
  // terminates (E1.5); the inspector lists no alias.
  QVERIFY(window.selectByName(QStringLiteral("db")));
  answer(&offered);
  action(QStringLiteral("ergo_delete_alias"))->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("Deleted the alias %1").arg(aliasText)), kWait);
  QCOMPARE(offered, QStringList{aliasText});
  QTRY_VERIFY_WITH_TIMEOUT((window.step(), window.observerModel()->find(director) == nullptr), kWait);
  const auto* ended = window.observerModel()->findAny(director.serial());
  QVERIFY(ended && ended->exit_reason.is_atom(intern("unregistered")));
  QVERIFY(window.observerModel()->find(db));
  QTRY_VERIFY_WITH_TIMEOUT(window.inspector()->aliases().empty() && window.inspector()->pid() == db, kWait);

  // An ended process gets no alias: refused in words.
  std::optional<views::AliasResult> made;
  window.source()->createAlias(director, [&](const views::AliasResult& r) { made = r; });
  QTRY_VERIFY_WITH_TIMEOUT(made.has_value(), kWait);
  QVERIFY(!made->alias.id);
  QCOMPARE(made->error, QStringLiteral("%1 is not alive").arg(QString::fromStdString(inspect_pid(director))));
  std::optional<views::CommandResult> gone;
  window.source()->deleteAlias(db, alias, [&](const views::CommandResult& r) { gone = r; });
  QTRY_VERIFY_WITH_TIMEOUT(gone.has_value(), kWait);
  QCOMPARE(gone->error, QStringLiteral("ErrTargetUnknown: %1 is not an alias of %2").arg(aliasText, QString::fromStdString(inspect_pid(db))));
}

void TestApp::ergoDragOntoANameLinksByName() {
  // Ergo mode (E1.2): Shift+drag dropped onto a name badge links by that name (LinkProcessID), and
  // Ctrl+Shift+drag onto the name under a registered process monitors the name; onto the body it
  // stays a link by pid. A paused deterministic runtime that is never stepped: the scenario's
  // unregister (which would fire these links) never comes.
  using namespace actorscope;
  MainWindow window;
  window.resize(1280, 800);
  QVERIFY(openErgo(window, QStringLiteral("ergo-name-monitor")));
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  const Atom db = intern("db");
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("director")).valid() && window.findPid(QStringLiteral("client")).valid(), kWait);
  const Pid director = window.findPid(QStringLiteral("director")), dbPid = window.findPid(QStringLiteral("db"));
  const Pid linker = window.findPid(QStringLiteral("name_linker"));
  views::GraphScene* scene = window.graphScene();
  QTRY_VERIFY_WITH_TIMEOUT(scene->nameBadge(dbPid.serial(), db), kWait);  // :client's and :name_linker's
  window.graphView()->setAutoFit(false);
  QTest::qWait(1500);  // the layout settles, so what is under the mouse stays there
  QWidget* vp = window.graphView()->viewport();
  const double lod = window.graphView()->transform().m11();
  auto named = [&](Pid holder, bool link, Atom name) {
    const auto* r = window.observerModel()->find(holder);
    return r && std::any_of(r->name_targets.begin(), r->name_targets.end(),
                            [&](const NameTarget& t) { return t.link == link && t.name == name; });
  };
  auto status = [&window] { return window.statusBar()->currentMessage(); };

  const QPoint badge = window.graphView()->mapFromScene(scene->nameBadgeRect(dbPid.serial(), db, lod).center());
  QCOMPARE(scene->nameDropAt(window.graphView()->mapToScene(badge), lod)->second, db);
  QTest::mousePress(vp, Qt::LeftButton, Qt::ShiftModifier, window.graphView()->mapFromScene(scene->node(director)->pos()));
  QTest::mouseRelease(vp, Qt::LeftButton, Qt::ShiftModifier, badge);
  QTRY_VERIFY2_WITH_TIMEOUT(named(director, true, db), qPrintable(status()), kWait);
  QTRY_VERIFY2_WITH_TIMEOUT(status().contains(QStringLiteral("now links to the name :db")), qPrintable(status()), kWait);

  // Ctrl+Shift onto :name_linker's label (its registered name): a monitor by name.
  const views::NodeItem* ln = scene->node(linker);
  const QPoint label = window.graphView()->mapFromScene(ln->pos() + ln->labelRect(lod).center());
  QTest::mousePress(vp, Qt::LeftButton, Qt::ShiftModifier | Qt::ControlModifier, window.graphView()->mapFromScene(scene->node(director)->pos()));
  QTest::mouseRelease(vp, Qt::LeftButton, Qt::ShiftModifier | Qt::ControlModifier, label);
  QTRY_VERIFY2_WITH_TIMEOUT(named(director, false, intern("name_linker")), qPrintable(status()), kWait);
  QTRY_VERIFY_WITH_TIMEOUT(scene->nameBadge(linker.serial(), intern("name_linker")), kWait);  // a badge of its own now

  // Onto the body: by pid, as in BEAM mode.
  QTest::mousePress(vp, Qt::LeftButton, Qt::ShiftModifier, window.graphView()->mapFromScene(scene->node(director)->pos()));
  QTest::mouseRelease(vp, Qt::LeftButton, Qt::ShiftModifier, window.graphView()->mapFromScene(scene->node(linker)->pos()));
  QTRY_VERIFY_WITH_TIMEOUT(([&] {
                             const auto* r = window.observerModel()->find(director);
                             return r && std::count(r->one_way_links.begin(), r->one_way_links.end(), linker) == 1 &&
                                    !named(director, true, intern("name_linker"));
                           }()),
                           kWait);
}

QTEST_MAIN(TestApp)
#include "tst_app.moc"
