#include "MainWindow.h"

#include "RuntimeStatusWidget.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace actorscope::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), status_(new views::RuntimeStatusWidget(this)) {
  setObjectName(QStringLiteral("mainWindow"));
  setCentralWidget(status_);
  createMenus();
  statusBar()->showMessage(tr("Ready"));
  updateTitle();
  resize(1024, 700);
}

void MainWindow::setScenario(const QString& name) {
  scenario_ = name;
  updateTitle();
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->setObjectName(QStringLiteral("fileMenu"));
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setObjectName(QStringLiteral("quitAction"));
  quit->setShortcut(QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->setObjectName(QStringLiteral("helpMenu"));
  QAction* about = help->addAction(tr("&About Actorscope"), this, &MainWindow::showAbout);
  about->setObjectName(QStringLiteral("aboutAction"));
  about->setMenuRole(QAction::AboutRole);
  QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
  aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::updateTitle() {
  if (scenario_.isEmpty()) {
    setWindowTitle(QStringLiteral("Actorscope"));
  } else {
    setWindowTitle(QStringLiteral("Actorscope %1 %2").arg(QChar(0x2014), scenario_));
  }
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Actorscope"),
                     tr("<h3>Actorscope %1</h3>"
                        "<p>An Erlang-style actor runtime, shown live: processes, links, monitors, "
                        "mailboxes and the signals that travel between them.</p>")
                         .arg(QStringLiteral(ACTORSCOPE_VERSION)));
}

}  // namespace actorscope::app
