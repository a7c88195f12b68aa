#include "RuntimeStatusWidget.h"

#include <QLabel>
#include <QVBoxLayout>

namespace actorscope::views {

RuntimeStatusWidget::RuntimeStatusWidget(QWidget* parent)
    : QWidget(parent), label_(new QLabel(tr("Actorscope runtime: no processes yet"), this)) {
  setObjectName(QStringLiteral("runtimeStatus"));
  label_->setObjectName(QStringLiteral("runtimeStatusLabel"));
  label_->setAlignment(Qt::AlignCenter);
  label_->setWordWrap(true);
  QFont font = label_->font();
  if (font.pointSizeF() > 0) {
    font.setPointSizeF(font.pointSizeF() * 1.5);  // readable from across a classroom
    label_->setFont(font);
  }

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(label_);
}

QString RuntimeStatusWidget::statusText() const { return label_->text(); }

void RuntimeStatusWidget::setStatusText(const QString& text) { label_->setText(text); }

}  // namespace actorscope::views
