#pragma once
// TermDialog: asks for an exit reason (presets :normal, :shutdown, :kill, or a custom term, each
// with a one-line explanation) or for a message (a term typed as text). Parse errors are shown
// under the field as the user types; OK is enabled only for a valid term. GUI thread only.

#include "EventText.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace actorscope::views {

class TermDialog final : public QDialog {
  Q_OBJECT

public:
  enum class Mode { ExitReason, Message };
  /// With `ergo` (an Ergo-mode runtime) the reasons are explained by Ergo's rules (E1.5, E1.6).
  TermDialog(Mode mode, const QString& target, QWidget* parent = nullptr, bool ergo = false);

  /// The term, when the text is valid.
  std::optional<Term> term() const { return term_; }
  QString errorText() const;
  QString explanation() const;
  /// Picks a preset (":normal", ":shutdown", ":kill") or sets the custom text.
  void setText(const QString& text);

signals:
  /// The reason changed and is valid (for the blast-radius preview).
  void termChanged(const actorscope::Term& term);

private:
  void reparse();

  Mode mode_;
  bool ergo_ = false;
  QComboBox* preset_ = nullptr;
  QLineEdit* edit_;
  QLabel* explain_;
  QLabel* error_;
  QDialogButtonBox* buttons_;
  std::optional<Term> term_;
};

}  // namespace actorscope::views
