#pragma once
// ConsoleWidget: the "Console (iex)" dock. An iex-like shell reached through a ShellChannel (the
// source's: EmbeddedShell for the embedded runtime): prompt iex(N)>, coloured output, multi-line
// input, history kept across runs (QSettings), Tab completion, Ctrl+C interrupt, Ctrl+P inserts
// the selected process's pid. detach() must be called before the source stops (a reset, the
// window closing). Every member function and signal: GUI thread.

#include "ShellChannel.h"

#include "actorscope/runtime.hpp"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace actorscope::views {

class ConsoleWidget final : public QWidget {
  Q_OBJECT

public:
  explicit ConsoleWidget(QWidget* parent = nullptr);
  ~ConsoleWidget() override;

  /// Starts a shell through `shell` (after its source started).
  void attach(ShellChannel* shell);
  /// Ends the shell and waits for it (before the source stops).
  void detach();
  /// The console's text size: `scale` times the system's fixed font (presentation mode: 1.8).
  void setFontScale(double scale);
  double fontPointSize() const;
  /// Where "insert pid" takes the selected process from.
  void setPidProvider(std::function<Pid()> provider) { pidProvider_ = std::move(provider); }

  /// The shell process (invalid before the session started). Changes when the shell dies and the
  /// session starts a new one (shellChanged).
  Pid shellPid() const;
  /// The session's server process, which starts a new shell when the shell dies (invalid before
  /// the session started).
  Pid serverPid() const;
  bool ready() const { return shell_ && shell_->ready(); }
  bool busy() const { return busy_; }
  /// Everything printed so far, as plain text.
  QString transcript() const;
  QPlainTextEdit* input() const { return input_; }
  QString promptText() const;

  /// Submits `text` as if typed and Enter pressed (Complete or Invalid input only).
  void submit(const QString& text);
  /// Runs a whole script in the live session, as iex runs a file it is given: one evaluation
  /// (its output, then its value or error; Ctrl+C interrupts it), not put in the history. A
  /// syntax error is reported as "** (SyntaxError) FILE:LINE:COL: ..." naming `file`, and
  /// nothing runs. False (and an error printed) when nothing was started.
  bool runScript(const QString& source, const QString& file);
  /// runScript() on the file at `path` (named as given in messages). An unreadable file prints
  /// "** (File.Error) could not read file ..." and returns false. Before the shell has started
  /// (attach() is asynchronous) the script waits and runs once it has.
  bool runScriptFile(const QString& path);
  void interrupt();
  void insertSelectedPid();
  /// Tab: completes the word before the cursor.
  void complete();

signals:
  /// An evaluation ended (its outcome was printed).
  void evaluated();
  /// The shell process changed: a session started (or stopped: both invalid), or the shell died
  /// and the session's server started a new one.
  void shellChanged(actorscope::Pid shell, actorscope::Pid server);

protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  void append(console::OutputKind kind, const QString& text);
  void appendEcho(const QString& input);
  void appendNote(const QString& text);
  /// Evaluates `input` in the shell; the caller checked that the session is there and idle.
  /// Submits `input` to the shell; `file`: the script it was read from ("" = typed).
  void evaluate(const std::string& input, const std::string& file = {});
  void updatePrompt();
  void updateTargets();
  void historyMove(int delta);
  void saveHistory();

  QPointer<ShellChannel> shell_;  // owned by the source
  std::function<Pid()> pidProvider_;
  QPlainTextEdit* output_;
  QPlainTextEdit* input_;
  QLabel* prompt_;
  QComboBox* target_;  // where inputs are evaluated, shown when the shell offers a choice
  QToolButton* pidButton_;
  QToolButton* interruptButton_;
  QStringList history_;
  int historyPos_ = 0;  // == history_.size(): editing a new line
  QString draft_;
  bool busy_ = false;
  QString pendingScript_;  // runScriptFile() before the shell started
};

}  // namespace actorscope::views
