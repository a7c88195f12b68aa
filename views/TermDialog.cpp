#include "EventText.h"
#include "TermDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace actorscope::views {

TermDialog::TermDialog(Mode mode, const QString& target, QWidget* parent, bool ergo)
    : QDialog(parent), mode_(mode), ergo_(ergo), edit_(new QLineEdit(this)), explain_(new QLabel(this)), error_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setObjectName(mode == Mode::ExitReason ? QStringLiteral("exitDialog") : QStringLiteral("sendDialog"));
  auto* lay = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  lay->addLayout(form);
  if (mode == Mode::ExitReason) {
    setWindowTitle(tr("Exit %1").arg(target));
    preset_ = new QComboBox(this);
    preset_->addItem(QStringLiteral(":normal"));
    preset_->addItem(QStringLiteral(":shutdown"));
    preset_->addItem(QStringLiteral(":kill"));
    preset_->addItem(tr("custom term..."));
    form->addRow(tr("Reason:"), preset_);
    edit_->setPlaceholderText(QStringLiteral(":kaboom   or   {:shutdown, :tired}"));
    form->addRow(tr("Custom:"), edit_);
    edit_->setEnabled(false);  // the placeholder shows an example; what is typed is the whole term
    connect(preset_, &QComboBox::currentIndexChanged, this, [this](int i) {
      edit_->setEnabled(i == 3);
      if (i == 3) edit_->setFocus();
      reparse();
    });
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Send exit signal"));
  } else {
    setWindowTitle(tr("Send a message to %1").arg(target));
    edit_->setPlaceholderText(QStringLiteral("{:put, \"key\", 42}"));
    form->addRow(tr("Message:"), edit_);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Send"));
  }
  explain_->setWordWrap(true);
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #d0302a; font-weight: bold"));
  error_->setObjectName(QStringLiteral("termError"));
  explain_->setObjectName(QStringLiteral("termExplanation"));
  lay->addWidget(explain_);
  lay->addWidget(error_);
  lay->addWidget(buttons_);
  connect(edit_, &QLineEdit::textChanged, this, &TermDialog::reparse);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  setMinimumWidth(460);
  reparse();
}

QString TermDialog::errorText() const { return error_->text(); }
QString TermDialog::explanation() const { return explain_->text(); }

void TermDialog::setText(const QString& text) {
  if (preset_) {
    const int i = preset_->findText(text);
    if (i >= 0 && i < 3) {
      preset_->setCurrentIndex(i);
      return;
    }
    preset_->setCurrentIndex(3);
  }
  edit_->setText(text);
  reparse();
}

void TermDialog::reparse() {
  ReasonParse r;
  if (preset_ && preset_->currentIndex() < 3)
    r = parseReason(preset_->currentText());
  else if (edit_->text().trimmed().isEmpty())
    r.error.clear();  // nothing typed yet: no term, and no error either
  else
    r = mode_ == Mode::ExitReason ? parseReason(edit_->text()) : parseMessage(edit_->text());
  term_ = r.term;
  error_->setText(r.error);
  error_->setVisible(!r.error.isEmpty());
  const bool blank = !term_ && r.error.isEmpty();
  if (mode_ == Mode::ExitReason)
    explain_->setText(term_ ? explainExitReason(*term_, ergo_) : blank ? tr("Type a reason, for example :kaboom") : QString());
  else
    explain_->setText(term_ ? tr("Will send %1").arg(termText(*term_)) : blank ? tr("Type a message, for example {:hello, 1}") : QString());
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(term_.has_value());
  if (term_) emit termChanged(*term_);
}

}  // namespace actorscope::views
