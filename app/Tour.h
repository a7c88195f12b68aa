#pragma once
// The first five minutes: a short tour of the window, shown once on the first start (and from
// Help > First five minutes). Not modal: the window stays usable behind it. GUI thread.

#include <QDialog>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace actorscope::app {

class Tour final : public QDialog {
  Q_OBJECT

public:
  explicit Tour(QWidget* parent = nullptr);
  int page() const;
  int pages() const;
  void setPage(int i);

  /// True the first time on this machine (per user); markShown() makes it false.
  static bool firstRun();
  static void markShown();

private:
  QStackedWidget* stack_;
  QLabel* counter_;
  QPushButton* back_;
  QPushButton* next_;
};

}  // namespace actorscope::app
