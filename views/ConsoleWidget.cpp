#include "ConsoleWidget.h"


#include "actorscope/console/ast.hpp"
#include "actorscope/console/session.hpp"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QToolButton>
#include <QVBoxLayout>

#include <chrono>
#include <future>
#include <utility>

namespace actorscope::views {

using console::OutputKind;
using console::Session;

namespace {
constexpr int kHistoryMax = 500;
const QString kHistoryKey = QStringLiteral("console/history");

QColor colourOf(OutputKind k, const QPalette& pal) {
  const bool dark = pal.color(QPalette::Base).lightness() < 128;
  switch (k) {
    case OutputKind::Stdout: return pal.color(QPalette::Text);
    case OutputKind::Stderr: return dark ? QColor(0xff, 0xa0, 0x50) : QColor(0xb0, 0x50, 0x00);
    case OutputKind::Log: return dark ? QColor(0xd8, 0xc0, 0x60) : QColor(0x80, 0x68, 0x00);
    case OutputKind::Result: return dark ? QColor(0x70, 0xc0, 0xff) : QColor(0x10, 0x50, 0xb0);
    case OutputKind::Error: return dark ? QColor(0xff, 0x70, 0x70) : QColor(0xc0, 0x10, 0x10);
  }
  return pal.color(QPalette::Text);
}

bool isWordChar(QChar c) {
  return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('?') ||
         c == QLatin1Char('!');
}
}  // namespace

ConsoleWidget::ConsoleWidget(QWidget* parent)
    : QWidget(parent), output_(new QPlainTextEdit), input_(new QPlainTextEdit), prompt_(new QLabel),
      target_(new QComboBox), pidButton_(new QToolButton), interruptButton_(new QToolButton) {
  setObjectName(QStringLiteral("consoleWidget"));
  const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  output_->setObjectName(QStringLiteral("consoleOutput"));
  output_->setReadOnly(true);
  output_->setFont(mono);
  output_->setMaximumBlockCount(5000);
  output_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  input_->setObjectName(QStringLiteral("consoleInput"));
  input_->setFont(mono);
  input_->setTabChangesFocus(false);
  input_->setPlaceholderText(tr("Elixir: spawn(fn -> receive do x -> x end end)   (Enter runs, Shift+Enter new line)"));
  const int line = QFontMetrics(mono).lineSpacing();
  input_->setFixedHeight(line * 3 + 10);
  input_->installEventFilter(this);
  prompt_->setObjectName(QStringLiteral("consolePrompt"));
  prompt_->setFont(mono);
  prompt_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  target_->setObjectName(QStringLiteral("consoleTarget"));
  target_->setToolTip(tr("The node the console evaluates on"));
  target_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  target_->hide();
  connect(target_, &QComboBox::activated, this, [this](int i) {
    if (!shell_) return;
    shell_->setTarget(i);
    updatePrompt();
    input_->setFocus();
  });

  pidButton_->setText(tr("Pid"));
  pidButton_->setToolTip(tr("Insert the pid of the selected process (Ctrl+P)"));
  pidButton_->setObjectName(QStringLiteral("consoleInsertPid"));
  connect(pidButton_, &QToolButton::clicked, this, &ConsoleWidget::insertSelectedPid);
  interruptButton_->setText(tr("Interrupt"));
  interruptButton_->setToolTip(tr("Stop the running evaluation (Ctrl+C)"));
  interruptButton_->setObjectName(QStringLiteral("consoleInterrupt"));
  interruptButton_->setEnabled(false);
  connect(interruptButton_, &QToolButton::clicked, this, &ConsoleWidget::interrupt);

  auto* row = new QHBoxLayout;
  row->setContentsMargins(0, 0, 0, 0);
  auto* left = new QVBoxLayout;
  left->setContentsMargins(0, 0, 0, 0);
  left->addWidget(prompt_);
  left->addWidget(target_);
  left->addStretch(1);
  row->addLayout(left);
  row->addWidget(input_, 1);
  auto* buttons = new QVBoxLayout;
  buttons->setContentsMargins(0, 0, 0, 0);
  buttons->addWidget(pidButton_);
  buttons->addWidget(interruptButton_);
  buttons->addStretch(1);
  row->addLayout(buttons);
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(2, 2, 2, 2);
  v->setSpacing(2);
  v->addWidget(output_, 1);
  v->addLayout(row);

  history_ = QSettings().value(kHistoryKey).toStringList();
  historyPos_ = int(history_.size());
  updatePrompt();
}

ConsoleWidget::~ConsoleWidget() { detach(); }

void ConsoleWidget::setFontScale(double scale) {
  QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  mono.setPointSizeF(mono.pointSizeF() * std::clamp(scale, 0.5, 4.0));
  for (QWidget* w : {static_cast<QWidget*>(output_), static_cast<QWidget*>(input_), static_cast<QWidget*>(prompt_)}) w->setFont(mono);
  input_->setFixedHeight(QFontMetrics(mono).lineSpacing() * 3 + 10);
}

double ConsoleWidget::fontPointSize() const { return output_->font().pointSizeF(); }

void ConsoleWidget::attach(ShellChannel* shell) {
  detach();
  output_->clear();  // a new runtime: the old one's transcript is gone with it
  input_->setReadOnly(false);
  shell_ = shell;
  if (!shell_ || !shell_->available()) return;
  connect(shell_, &ShellChannel::output, this, &ConsoleWidget::append);
  connect(shell_, &ShellChannel::shellChanged, this, &ConsoleWidget::shellChanged);
  connect(shell_, &ShellChannel::targetsChanged, this, [this] {
    updateTargets();
    updatePrompt();
  });
  updateTargets();
  connect(shell_, &ShellChannel::started, this, [this](const QString& error) {
    if (!error.isEmpty()) {
      append(OutputKind::Error, tr("** the shell could not start: %1").arg(error));
      input_->setReadOnly(true);  // nothing would evaluate it
      input_->setPlaceholderText(tr("No shell: %1").arg(error));
      return;
    }
    if (shellPid().valid()) {
      appendNote(tr("Interactive shell on the live runtime; the shell is process %1. "
                    "Tab completes, Up/Down history, Ctrl+C interrupts, Ctrl+P inserts the selected pid.")
                     .arg(QString::fromStdString(inspect_pid(shellPid()))));
      input_->setPlaceholderText(tr("Elixir: spawn(fn -> receive do x -> x end end)   (Enter runs, Shift+Enter new line)"));
    } else {  // a shell with no process of ours: an attached node evaluates (it says how itself)
      input_->setPlaceholderText(tr("Evaluated on the node   (Enter runs, Shift+Enter new line)"));
    }
    updatePrompt();
    if (!pendingScript_.isEmpty()) runScriptFile(std::exchange(pendingScript_, QString()));
  });
  connect(shell_, &ShellChannel::evaluated, this, [this] {
    busy_ = false;
    interruptButton_->setEnabled(false);
    updatePrompt();
    emit evaluated();
  });
  connect(shell_, &ShellChannel::refused, this, [this] {
    busy_ = false;
    interruptButton_->setEnabled(false);
    append(OutputKind::Error, tr("** busy: the shell is still evaluating"));
  });
  shell_->start();
}

void ConsoleWidget::detach() {
  busy_ = false;
  interruptButton_->setEnabled(false);
  const bool had = ready();
  if (shell_) {
    disconnect(shell_, nullptr, this, nullptr);
    shell_->stop();
  }
  shell_ = nullptr;
  if (had) emit shellChanged({}, {});
  updatePrompt();
  updateTargets();
}

void ConsoleWidget::updateTargets() {
  const QStringList t = shell_ ? shell_->targets() : QStringList();
  QSignalBlocker block(target_);
  target_->clear();
  target_->addItems(t);
  if (t.size() > 1) target_->setCurrentIndex(shell_->target());
  target_->setVisible(t.size() > 1);
}

Pid ConsoleWidget::shellPid() const { return shell_ ? shell_->shellPid() : Pid{}; }

Pid ConsoleWidget::serverPid() const { return shell_ ? shell_->serverPid() : Pid{}; }

QString ConsoleWidget::transcript() const { return output_->toPlainText(); }

QString ConsoleWidget::promptText() const { return prompt_->text(); }

void ConsoleWidget::updatePrompt() {
  const int n = shell_ ? shell_->counter() : 1;
  const bool more = !input_->toPlainText().isEmpty() &&
                    console::classify_input(input_->toPlainText().toStdString()) == console::InputStatus::Incomplete;
  prompt_->setText(shell_ ? shell_->prompt(n, more) : QStringLiteral("iex(%1)>").arg(n));
  input_->setEnabled(true);
}

void ConsoleWidget::append(OutputKind kind, const QString& text) {
  QTextCharFormat fmt;
  fmt.setForeground(colourOf(kind, palette()));
  if (kind == OutputKind::Error) fmt.setFontWeight(QFont::Bold);
  QTextCursor c(output_->document());
  c.movePosition(QTextCursor::End);
  QString t = text;
  if (!t.endsWith(QLatin1Char('\n'))) t += QLatin1Char('\n');
  t.chop(1);  // the block separator comes from insertBlock
  if (!output_->document()->isEmpty()) c.insertBlock();
  c.insertText(t, fmt);
  output_->verticalScrollBar()->setValue(output_->verticalScrollBar()->maximum());
}

void ConsoleWidget::appendNote(const QString& text) {
  QTextCharFormat fmt;
  fmt.setForeground(palette().color(QPalette::PlaceholderText));
  fmt.setFontItalic(true);
  QTextCursor c(output_->document());
  c.movePosition(QTextCursor::End);
  if (!output_->document()->isEmpty()) c.insertBlock();
  c.insertText(text, fmt);
}

void ConsoleWidget::appendEcho(const QString& input) {
  const int n = shell_ ? shell_->counter() : 1;
  const QStringList lines = input.split(QLatin1Char('\n'));
  QTextCharFormat fmt;
  fmt.setForeground(palette().color(QPalette::PlaceholderText));
  QTextCursor c(output_->document());
  c.movePosition(QTextCursor::End);
  for (int i = 0; i < lines.size(); ++i) {
    if (!output_->document()->isEmpty()) c.insertBlock();
    const QString p = shell_ ? shell_->prompt(n, i > 0) : (i == 0 ? QStringLiteral("iex(%1)>") : QStringLiteral("...(%1)>")).arg(n);
    c.insertText(p + QLatin1Char(' ') + lines[i], fmt);
  }
  output_->verticalScrollBar()->setValue(output_->verticalScrollBar()->maximum());
}

void ConsoleWidget::submit(const QString& text) {
  if (!ready()) {
    append(OutputKind::Error, tr("** the shell is not running"));
    return;
  }
  if (busy_) {
    append(OutputKind::Error, tr("** busy: the previous input is still running (Ctrl+C interrupts it)"));
    return;
  }
  const QString trimmed = text.trimmed();
  appendEcho(text);
  if (trimmed.isEmpty()) return;
  if (history_.isEmpty() || history_.last() != text) history_.append(text);
  while (history_.size() > kHistoryMax) history_.removeFirst();
  historyPos_ = int(history_.size());
  draft_.clear();
  saveHistory();
  evaluate(text.toStdString());
}

bool ConsoleWidget::runScript(const QString& source, const QString& file) {
  if (!ready()) {
    append(OutputKind::Error, tr("** the shell is not running"));
    return false;
  }
  if (busy_) {
    append(OutputKind::Error, tr("** busy: the previous input is still running (Ctrl+C interrupts it)"));
    return false;
  }
  // Echoed as a comment at the prompt: what iex would show had it been typed, and valid input.
  const int lines = int(source.count(QLatin1Char('\n'))) + (source.endsWith(QLatin1Char('\n')) ? 0 : 1);
  appendEcho(lines == 1 ? tr("# script %1 (1 line)").arg(file) : tr("# script %1 (%2 lines)").arg(file).arg(lines));
  // A syntax error is reported here, at once, and nothing runs. Compile errors (an undefined
  // function...) depend on the shell's imports and modules: the shell reports those, naming the
  // file too.
  std::vector<Atom> known;
  for (const std::string& v : shell_->variables()) known.push_back(intern(v));
  const std::string text = source.toStdString();
  const std::string name = file.toStdString();
  const console::ParseOutcome po = console::parse_program(text, name, known);
  if (!po.ok() && po.error.kind != "CompileError") {
    append(OutputKind::Error, QString::fromStdString(po.error.format(name)));
    return false;
  }
  evaluate(text, name);
  return true;
}

bool ConsoleWidget::runScriptFile(const QString& path) {
  if (!ready() && shell_ && shell_->available()) {
    pendingScript_ = path;  // the shell is starting (attach() is asynchronous)
    return true;
  }
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    const QFileInfo fi(path);
    const QString why = !fi.exists() ? tr("no such file or directory")
                        : fi.isDir() ? tr("illegal operation on a directory")
                        : !fi.isReadable() ? tr("permission denied")
                                           : f.errorString();
    append(OutputKind::Error, tr("** (File.Error) could not read file \"%1\": %2").arg(path, why));
    return false;
  }
  return runScript(QString::fromUtf8(f.readAll()), path);
}

void ConsoleWidget::evaluate(const std::string& input, const std::string& file) {
  if (!shell_ || !shell_->submit(input, file)) {
    append(OutputKind::Error, tr("** the shell is not running"));
    return;
  }
  busy_ = true;
  interruptButton_->setEnabled(true);
}

void ConsoleWidget::interrupt() {
  if (ready()) shell_->interrupt();
}

void ConsoleWidget::insertSelectedPid() {
  const Pid p = pidProvider_ ? pidProvider_() : Pid{};
  if (!p.valid()) return;
  // pid/3 evaluates to the pid itself; #PID<...> is only how it prints.
  const std::string text = inspect_pid(p);  // "#PID<0.12.0>"
  QString t = QString::fromStdString(text);
  const int a = t.indexOf(QLatin1Char('<')), b = t.indexOf(QLatin1Char('>'));
  if (a >= 0 && b > a) {
    const QStringList parts = t.mid(a + 1, b - a - 1).split(QLatin1Char('.'));
    if (parts.size() == 3) t = QStringLiteral("pid(%1, %2, %3)").arg(parts[0], parts[1], parts[2]);
  }
  input_->textCursor().insertText(t);
  input_->setFocus();
}

void ConsoleWidget::complete() {
  if (!ready()) return;
  QTextCursor c = input_->textCursor();
  const QString before = input_->toPlainText().left(c.position());
  int start = int(before.size());
  while (start > 0 && isWordChar(before[start - 1])) --start;
  const QString prefix = before.mid(start);
  std::vector<std::string> all = shell_->completions(prefix.toStdString());
  if (all.empty()) return;
  auto replaceWith = [this, start, prefix](const QString& word) {
    QTextCursor cur = input_->textCursor();
    cur.setPosition(start);
    cur.setPosition(start + int(prefix.size()), QTextCursor::KeepAnchor);
    cur.insertText(word);
    input_->setTextCursor(cur);
  };
  if (all.size() == 1) {
    replaceWith(QString::fromStdString(all.front()));
    return;
  }
  // The common prefix first, then a popup with the candidates.
  QString common = QString::fromStdString(all.front());
  for (const auto& w : all) {
    const QString q = QString::fromStdString(w);
    int i = 0;
    while (i < common.size() && i < q.size() && common[i] == q[i]) ++i;
    common.truncate(i);
  }
  if (common.size() > prefix.size()) replaceWith(common);
  auto* menu = new QMenu(this);
  menu->setObjectName(QStringLiteral("consoleCompletions"));
  menu->setAttribute(Qt::WA_DeleteOnClose);
  const int newStart = start;
  for (size_t i = 0; i < all.size() && i < 40; ++i) {
    const QString w = QString::fromStdString(all[i]);
    menu->addAction(w, this, [this, w, newStart] {
      QTextCursor cur = input_->textCursor();
      const int end = cur.position();
      cur.setPosition(newStart);
      cur.setPosition(end, QTextCursor::KeepAnchor);
      cur.insertText(w);
      input_->setTextCursor(cur);
    });
  }
  if (all.size() > 40) menu->addAction(tr("... %1 more").arg(all.size() - 40))->setEnabled(false);
  menu->popup(input_->viewport()->mapToGlobal(input_->cursorRect().bottomLeft()));
}

void ConsoleWidget::historyMove(int delta) {
  if (history_.isEmpty()) return;
  if (historyPos_ == history_.size()) draft_ = input_->toPlainText();
  historyPos_ = std::clamp(historyPos_ + delta, 0, int(history_.size()));
  input_->setPlainText(historyPos_ == history_.size() ? draft_ : history_[historyPos_]);
  input_->moveCursor(QTextCursor::End);
}

void ConsoleWidget::saveHistory() { QSettings().setValue(kHistoryKey, history_); }

bool ConsoleWidget::eventFilter(QObject* watched, QEvent* event) {
  if (watched != input_ || event->type() != QEvent::KeyPress) return QWidget::eventFilter(watched, event);
  auto* k = static_cast<QKeyEvent*>(event);
  const bool ctrl = k->modifiers() & Qt::ControlModifier;
  if ((k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) && !(k->modifiers() & Qt::ShiftModifier)) {
    const QString text = input_->toPlainText();
    if (console::classify_input(text.toStdString()) == console::InputStatus::Incomplete) {
      input_->textCursor().insertText(QStringLiteral("\n"));
      updatePrompt();
      return true;
    }
    if (busy_) {
      append(OutputKind::Error, tr("** busy: the previous input is still running (Ctrl+C interrupts it)"));
      return true;
    }
    input_->clear();
    submit(text);
    updatePrompt();
    return true;
  }
  if (k->key() == Qt::Key_Tab && k->modifiers() == Qt::NoModifier) {
    complete();
    return true;
  }
  if (ctrl && k->key() == Qt::Key_C && !input_->textCursor().hasSelection()) {
    interrupt();
    return true;
  }
  if (ctrl && k->key() == Qt::Key_P) {
    insertSelectedPid();
    return true;
  }
  const QTextCursor c = input_->textCursor();
  if (k->key() == Qt::Key_Up && !c.block().previous().isValid()) {
    historyMove(-1);
    return true;
  }
  if (k->key() == Qt::Key_Down && !c.block().next().isValid()) {
    historyMove(+1);
    return true;
  }
  const bool handled = QWidget::eventFilter(watched, event);
  QMetaObject::invokeMethod(this, [this] { updatePrompt(); }, Qt::QueuedConnection);
  return handled;
}

}  // namespace actorscope::views
