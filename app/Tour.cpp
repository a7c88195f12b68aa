#include "Tour.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace actorscope::app {

Tour::Tour(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("tour"));
  setWindowTitle(tr("The first five minutes"));
  setModal(false);
  setAttribute(Qt::WA_DeleteOnClose);
  stack_ = new QStackedWidget(this);
  const QList<QPair<QString, QString>> texts = {
      {tr("Processes, links, monitors"),
       tr("<p>The graph shows the runtime live: every process is a node (circles are workers, rounded "
          "squares supervisors), a solid line is a <b>link</b>, a dashed arrow a <b>monitor</b> from watcher "
          "to target. The number on a node is its mailbox.</p><p>Pick a scenario in the toolbar; the panel "
          "<i>Scenario: what to try</i> says what it shows.</p>")},
      {tr("Kill a process, watch the signals"),
       tr("<p>Click a process, then press <b>K</b> (or right-click it: kill, exit with a reason you choose, "
          "send a message, trap exits).</p><p>Its EXIT signals travel along its links, its DOWN messages along "
          "the monitor arrows, hop by hop; nothing happens to a process before its signal arrives. A supervisor "
          "starts a new child where the old one was.</p>")},
      {tr("Type the book's examples"),
       tr("<p>The <b>Console</b> is an iex shell inside this runtime. Type, for example:</p>"
          "<pre>pid = spawn_link(fn -&gt; exit(:boom) end)</pre><p>and watch the new process appear, end, and its "
          "EXIT reach the shell. Up and Down recall history, Tab completes.</p>")},
      {tr("Slow down, step, go back"),
       tr("<p><b>Slow motion</b> stretches every hop; <b>Space</b> pauses; in <i>Deterministic</i> mode <b>.</b> "
          "steps one signal at a time.</p><p>The <b>timeline</b> at the bottom records everything: drag on it to "
          "go back in time, Shift+drag to select a stretch and export it (File &gt; Export: Mermaid, MP4, GIF).</p>")},
      {tr("In front of a class"),
       tr("<p><b>F11</b>: presentation mode, full screen with large text for the back of the room. <b>F1</b>: every "
          "shortcut. View &gt; Language: English, Русский, 简体中文.</p><p>This tour is in Help &gt; The first five "
          "minutes.</p>")},
  };
  for (const auto& [title, body] : texts) {
    auto* page = new QLabel(QStringLiteral("<h2>%1</h2>%2").arg(title.toHtmlEscaped(), body));
    page->setWordWrap(true);
    page->setTextFormat(Qt::RichText);
    page->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    page->setMinimumWidth(420);
    stack_->addWidget(page);
  }
  counter_ = new QLabel(this);
  back_ = new QPushButton(tr("Back"), this);
  next_ = new QPushButton(tr("Next"), this);
  next_->setDefault(true);
  auto* close = new QPushButton(tr("Close"), this);
  connect(back_, &QPushButton::clicked, this, [this] { setPage(page() - 1); });
  connect(next_, &QPushButton::clicked, this, [this] {
    if (page() + 1 < pages()) setPage(page() + 1);
    else accept();
  });
  connect(close, &QPushButton::clicked, this, &QDialog::reject);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(counter_);
  buttons->addStretch(1);
  buttons->addWidget(back_);
  buttons->addWidget(next_);
  buttons->addWidget(close);
  auto* lay = new QVBoxLayout(this);
  lay->addWidget(stack_, 1);
  lay->addLayout(buttons);
  setPage(0);
  markShown();
}

int Tour::page() const { return stack_->currentIndex(); }
int Tour::pages() const { return stack_->count(); }

void Tour::setPage(int i) {
  i = std::clamp(i, 0, pages() - 1);
  stack_->setCurrentIndex(i);
  counter_->setText(tr("%1 of %2").arg(i + 1).arg(pages()));
  back_->setEnabled(i > 0);
  next_->setText(i + 1 < pages() ? tr("Next") : tr("Done"));
}

bool Tour::firstRun() { return !QSettings().value(QStringLiteral("ui/tourShown")).toBool(); }
void Tour::markShown() { QSettings().setValue(QStringLiteral("ui/tourShown"), true); }

}  // namespace actorscope::app
