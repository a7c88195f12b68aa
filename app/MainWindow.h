#pragma once

#include <QMainWindow>
#include <QString>

namespace actorscope::views {
class RuntimeStatusWidget;
}

namespace actorscope::app {

/// The top-level window: menus, a central view of the runtime, a status bar. GUI thread only.
/// For now the central widget is a plain status text; the observer views come later.
class MainWindow final : public QMainWindow {
  Q_OBJECT

public:
  explicit MainWindow(QWidget* parent = nullptr);

  /// The scenario name shown in the title ("" = none). Scenarios themselves come later.
  QString scenario() const { return scenario_; }
  void setScenario(const QString& name);

private:
  void createMenus();
  void updateTitle();
  void showAbout();

  views::RuntimeStatusWidget* status_ = nullptr;
  QString scenario_;
};

}  // namespace actorscope::app
