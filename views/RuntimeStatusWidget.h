#pragma once

#include <QWidget>

class QLabel;

namespace actorscope::views {

/// A one-line status text about the observed runtime ("Actorscope runtime: no processes yet").
/// A placeholder central widget until the observer views exist. GUI thread only.
class RuntimeStatusWidget final : public QWidget {
  Q_OBJECT

public:
  explicit RuntimeStatusWidget(QWidget* parent = nullptr);

  /// The text currently shown.
  QString statusText() const;
  /// Replaces the text shown.
  void setStatusText(const QString& text);

private:
  QLabel* label_ = nullptr;
};

}  // namespace actorscope::views
