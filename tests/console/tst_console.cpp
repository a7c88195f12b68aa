// Tests of the console language: the textbook scripts against outputs recorded from real elixir
// (scripts/*.exs with .out/.err/.status, see record_expected.py), parser errors, matching, guards,
// pipes, interpolation, the shell Session (restart, interrupt, completion), incomplete input, the
// headless time limit, and a random-input run of the parser.

#include "actorscope/console/ast.hpp"
#include "actorscope/console/script.hpp"
#include "actorscope/console/session.hpp"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QRegularExpression>
#include <QTest>

#include <atomic>
#include <mutex>
#include <chrono>
#include <random>
#include <sstream>
#include <string>
#include <thread>

using namespace actorscope;
using namespace actorscope::console;

#include "../common/tsan_qt.hpp"

namespace {

/// `text` with each match of `re` replaced by label(match, k), k numbering the distinct matches
/// from 1 in order of first appearance.
template <class Label>
QString number_matches(const QString& text, const QRegularExpression& re, Label label) {
  QStringList seen;
  QString out;
  qsizetype last = 0;
  auto it = re.globalMatch(text);
  while (it.hasNext()) {
    auto m = it.next();
    qsizetype idx = seen.indexOf(m.captured(0));
    if (idx < 0) {
      seen << m.captured(0);
      idx = seen.size() - 1;
    }
    out += text.mid(last, m.capturedStart(0) - last);
    out += label(m, idx + 1);
    last = m.capturedEnd(0);
  }
  return out + text.mid(last);
}

/// record_expected.py's normalise_ids: #PID<0.N.M> -> #PID<k>, another node's #PID<X.N.M> (X != 0)
/// -> #PID<j.k> (j numbers the distinct X, k the counter all pids share), references and funs
/// -> #Reference<k>, #Function<k>, each k in order of first appearance.
QString normalise_ids(QString text) {
  static const QRegularExpression pid("#PID<([0-9.]+)>");
  QStringList nodes;
  text = number_matches(text, pid, [&](const QRegularExpressionMatch& m, qsizetype k) {
    const QStringList parts = m.captured(1).split('.');
    if (parts.size() != 3 || parts[0] == "0") return QStringLiteral("#PID<%1>").arg(k);
    if (!nodes.contains(parts[0])) nodes << parts[0];
    return QStringLiteral("#PID<%1.%2>").arg(nodes.indexOf(parts[0]) + 1).arg(k);
  });
  const std::pair<const char*, const char*> kinds[] = {{"#Reference<[0-9.]+>", "Reference"},
                                                       {"#Function<[^>]*>", "Function"}};
  for (const auto& kind : kinds) {
    const char* label = kind.second;
    text = number_matches(text, QRegularExpression(kind.first), [&](const QRegularExpressionMatch&, qsizetype k) {
      return QStringLiteral("#%1<%2>").arg(label).arg(k);
    });
  }
  return text;
}

/// Logger reports in stdout: no timestamps, no stacktrace lines under a "** (" line, and no blank
/// or stacktrace lines under a GenServer report's "Client #PID<...> is alive" line.
QString normalise_out(const QString& text) {
  static const QRegularExpression stamp("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d ");
  static const QRegularExpression client("^Client #PID<[0-9.]+> is (alive|dead)$");
  QStringList out;
  bool in_stack = false, in_client = false;
  for (QString line : text.split('\n')) {
    if (in_stack && line.startsWith("    ")) continue;
    if (in_client && (line.isEmpty() || line.startsWith("    "))) continue;
    in_stack = line.startsWith("** (");
    in_client = client.match(line).hasMatch();
    out << line.remove(stamp);
  }
  return normalise_ids(out.join('\n'));
}

/// The same rules as record_expected.py: no stack lines, blank lines, warnings or timestamps.
QString normalise_err(const QString& text) {
  QStringList out;
  bool skip_warning = false;
  static const QRegularExpression stamp("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d ");
  for (QString line : text.split('\n')) {
    if (line.startsWith("warning:")) {
      skip_warning = true;
      continue;
    }
    if (line.trimmed().isEmpty()) {
      skip_warning = false;
      continue;
    }
    if (line[0] == ' ' || line[0] == '\t' || skip_warning) continue;
    out << line.remove(stamp);
  }
  return normalise_ids(out.isEmpty() ? QString() : out.join('\n') + '\n');
}

/// record_expected.py's normalise_session: no banner lines, no final empty prompt, module bytecode
/// cut to its "FOR1" header, and normalise_out's rules applied to the text after each line's prompts.
QString normalise_session(QString text) {
  static const QRegularExpression banner("^Interactive Elixir \\(.*\\) - press Ctrl\\+C to (exit|interrupt).*\n",
                                         QRegularExpression::MultilineOption);
  static const QRegularExpression last_prompt("(iex|\\.\\.\\.)\\(\\d+\\)> $");
  static const QRegularExpression bytecode("<<70, 79, 82, 49,[0-9,\\s]*\\.\\.\\.>>");
  static const QRegularExpression prompts("^(?:(?:iex|\\.\\.\\.)\\(\\d+\\)> )*");
  static const QRegularExpression stamp("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d ");
  static const QRegularExpression client("^Client #PID<[0-9.]+> is (alive|dead)$");
  text.remove(banner);
  text.remove(last_prompt);
  text.replace(bytecode, "<<70, 79, 82, 49, ...>>");
  QStringList out;
  bool in_stack = false, in_client = false;
  for (const QString& line : text.split('\n')) {
    QString prompt = prompts.match(line).captured(0);
    QString bare = line.mid(prompt.size());
    if (prompt.isEmpty() && in_stack && bare.startsWith("    ")) continue;
    if (prompt.isEmpty() && in_client && (bare.isEmpty() || bare.startsWith("    "))) continue;
    in_stack = bare.startsWith("** (");
    in_client = client.match(bare).hasMatch();
    out << prompt + bare.remove(stamp);
  }
  return normalise_ids(out.join('\n'));
}

QString read(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(f.readAll());
}

struct Run {
  int status;
  std::string out, err;
};

Run run(const std::string& src, ScriptOptions opts = {}) {
  std::ostringstream out, err;
  int st = run_script_source(src, "t.exs", out, err, opts);
  return {st, out.str(), err.str()};
}

/// The first line of what a syntax error prints.
std::string syntax_error(const std::string& src) {
  ParseOutcome po = parse_program(src, "e.exs");
  if (po.ok()) return "ok";
  return po.error.format("e.exs");
}

}  // namespace

class ConsoleTest : public QObject {
  Q_OBJECT

 private:
  void script_rows() {
    QTest::addColumn<QString>("path");
    QDir dir(ACTORSCOPE_CONSOLE_SCRIPTS);
    const QStringList files = dir.entryList({"*.exs"}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 40, "at least 40 textbook scripts");
    for (const QString& f : files) QTest::newRow(f.toUtf8().constData()) << dir.filePath(f);
  }
  /// Runs the script at `path` and compares what it prints with the recorded PATH.out/.err/.status.
  void check_script(const QString& path, bool deterministic, unsigned threads = 0) {
    QString base = path.left(path.size() - 4);
    std::ostringstream out, err;
    ScriptOptions opts;
    opts.time_limit_ms = 30'000;
    opts.deterministic = deterministic;
    opts.threads = threads;
    // Run from the scripts directory so FILE in messages matches what elixir printed.
    QString dir = QFileInfo(path).absolutePath();
    QString cwd = QDir::currentPath();
    QDir::setCurrent(dir);
    int status = run_script_file(QFileInfo(path).fileName().toStdString(), out, err, opts);
    QDir::setCurrent(cwd);
    QString want_out = read(base + ".out");
    QString want_err = read(base + ".err");
    QString want_status = read(base + ".status").trimmed();
    const QString got_out = normalise_out(QString::fromStdString(out.str()));
    const QString got_err = normalise_err(QString::fromStdString(err.str()));
    // QCOMPARE cuts long texts: the whole of a mismatch goes to the log.
    if (got_out != want_out) qWarning("stdout of %s:\n%s", qPrintable(path), qPrintable(got_out));
    if (got_err != want_err) qWarning("stderr of %s:\n%s", qPrintable(path), qPrintable(got_err));
    QCOMPARE(got_out, want_out);
    QCOMPARE(got_err, want_err);
    QCOMPARE(status, want_status.isEmpty() ? 0 : want_status.toInt());
  }

 private slots:
  // ---- the textbook scripts, checked against real elixir ----------------------------------------
  void scripts_data() { script_rows(); }
  void scripts() {
    QFETCH(QString, path);
    check_script(path, false);
  }
  void scripts_deterministic_data() { script_rows(); }
  void scripts_deterministic() {
    QFETCH(QString, path);
    check_script(path, true);
  }

  // ---- run order: processes woken by one event run first in, first out, as the BEAM's run queues --
  /// The distributed scripts of tests/console/nodes (recorded with real nodes on loopback, see
  /// record_expected.py --nodes), each in its own runtime: threaded and deterministic.
  void node_scripts_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("deterministic");
    QDir dir(ACTORSCOPE_CONSOLE_NODE_SCRIPTS);
    const QStringList files = dir.entryList({"*.exs"}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 20, "at least 20 node scripts");
    for (const QString& f : files) {
      QTest::newRow(qPrintable(f)) << dir.filePath(f) << false;
      QTest::newRow(qPrintable(f + " deterministic")) << dir.filePath(f) << true;
    }
  }
  void node_scripts() {
    QFETCH(QString, path);
    QFETCH(bool, deterministic);
    check_script(path, deterministic);
  }
  void run_order_is_fifo_data() {
    QTest::addColumn<bool>("deterministic");
    QTest::newRow("deterministic") << true;
    // One worker: the order is the scheduler's policy alone. (With two, a second worker may steal
    // and run in parallel, as the BEAM's second scheduler may.)
    QTest::newRow("threaded, one worker") << false;
  }
  void run_order_is_fifo() {
    QFETCH(bool, deterministic);
    const QString path = QString(ACTORSCOPE_CONSOLE_ORDER) + "/run_order_fifo.exs";
    for (int run = 0; run < (deterministic ? 1 : 20) && !QTest::currentTestFailed(); ++run)
      check_script(path, deterministic, 1);
  }

  // ---- scenario scripts in resources/scenarios run to their end ------------------------------------
  void scenarios_data() {
    QTest::addColumn<QString>("path");
    QDir dir(ACTORSCOPE_SCENARIOS);
    const QStringList files = dir.entryList({"*.exs"}, QDir::Files, QDir::Name);
    for (const QString& f : files) QTest::newRow(f.toUtf8().constData()) << dir.filePath(f);
    if (files.isEmpty()) QTest::newRow("none") << QString();
  }
  void scenarios() {
    QFETCH(QString, path);
    if (path.isEmpty()) QSKIP("no scenario scripts");
    std::ostringstream out, err;
    ScriptOptions opts;
    opts.time_limit_ms = 30'000;
    // Deterministic: a scenario's sleeps measure virtual time, so what it reports (mailbox_flood's
    // "producer still running") does not depend on how fast a loaded or sanitized build runs.
    opts.deterministic = true;
    int status = run_script_file(path.toStdString(), out, err, opts);
    QCOMPARE(status, 0);
    QVERIFY(!out.str().empty());
    QString want = read(QString(ACTORSCOPE_CONSOLE_SCRIPTS) + "/../scenarios/" + QFileInfo(path).completeBaseName() + ".out");
    QVERIFY2(!want.isEmpty(), "expected output recorded by record_expected.py --scenarios");
    QCOMPARE(normalise_out(QString::fromStdString(out.str())), want);
  }

  // ---- parser errors, with Elixir 1.14's wording and positions -------------------------------------
  void parse_errors_data() {
    QTest::addColumn<QString>("src");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unexpected )") << "x = )\n" << "** (SyntaxError) e.exs:1:5: unexpected token: )";
    QTest::newRow("open [") << "x = [1, 2\n" << "** (TokenMissingError) e.exs:2:1: missing terminator: ] (for \"[\" starting at line 1)";
    QTest::newRow("open do")
        << "defmodule A do\n def f do\n 1\n end\n"
        << "** (TokenMissingError) e.exs:5:1: missing terminator: end (for \"do\" starting at line 1)";
    QTest::newRow("open fn") << "x = fn -> 1\n" << "** (TokenMissingError) e.exs:2:1: missing terminator: end (for \"fn\" starting at line 1)";
    QTest::newRow("incomplete +") << "x = 1 +\n" << "** (TokenMissingError) e.exs:1:8: syntax error: expression is incomplete";
    QTest::newRow("wrong closer") << "x = {1, 2]\n"
                                  << "** (SyntaxError) e.exs:1:10: unexpected token: ]. The \"{\" at line 1 is missing terminator \"}\"";
    QTest::newRow("stray end") << "a = 1\nend\n" << "** (SyntaxError) e.exs:2:1: unexpected reserved word: end";
    QTest::newRow("bad char") << "a = 1 $ 2\n" << "** (SyntaxError) e.exs:1:7: unexpected token: \"$\" (column 7, code point U+0024)";
    QTest::newRow("open string") << "x = \"abc\n" << "** (TokenMissingError) e.exs:2:1: missing terminator: \" (for string starting at line 1)";
    QTest::newRow("args") << "foo(1 2)\n" << "** (SyntaxError) e.exs:1:7: syntax error before: \"2\"";
    QTest::newRow("list") << "[1 2]\n" << "** (SyntaxError) e.exs:1:4: syntax error before: \"2\"";
    QTest::newRow("line 2") << "x = 1\ny = (2 3)\n" << "** (SyntaxError) e.exs:2:8: syntax error before: \"3\"";
    QTest::newRow("case") << "case x do\n  1 -> :a\n\n" << "** (TokenMissingError) e.exs:4:1: missing terminator: end (for \"do\" starting at line 1)";
    QTest::newRow("paren") << "IO.puts(\"a\"\n\n" << "** (TokenMissingError) e.exs:3:1: missing terminator: ) (for \"(\" starting at line 1)";
    QTest::newRow("arrow") << "x = 1 ->\n" << "** (SyntaxError) e.exs:1:7: syntax error before: '->'";
  }
  void parse_errors() {
    QFETCH(QString, src);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(syntax_error(src.toStdString())), expected);
  }

  void syntax_error_runs_nothing() {
    Run r = run("IO.puts(\"printed?\")\nx = )\n");
    QCOMPARE(r.status, 1);
    QCOMPARE(r.out, std::string());
    QCOMPARE(r.err, std::string("** (SyntaxError) t.exs:2:5: unexpected token: )\n"));
  }

  // ---- language ------------------------------------------------------------------------------------
  void language_data() {
    QTest::addColumn<QString>("src");
    QTest::addColumn<QString>("expected");
    // pattern matching
    QTest::newRow("tuple match") << "{a, {b, _}} = {1, {2, 3}}\nIO.inspect {a, b}" << "{1, 2}\n";
    QTest::newRow("list head tail") << "[h | t] = [1, 2, 3]\nIO.inspect {h, t}" << "{1, [2, 3]}\n";
    QTest::newRow("map match") << "%{k: v} = %{k: 1, j: 2}\nIO.inspect v" << "1\n";
    QTest::newRow("same var twice") << "r = case {1, 1} do\n {x, x} -> :same\n _ -> :diff\nend\nIO.inspect r" << ":same\n";
    QTest::newRow("pin") << "x = 2\nr = case 2 do\n ^x -> :pinned\n _ -> :other\nend\nIO.inspect r" << ":pinned\n";
    QTest::newRow("rebind") << "x = 1\nx = x + 1\nIO.inspect x" << "2\n";
    QTest::newRow("string prefix") << "\"hello \" <> name = \"hello world\"\nIO.puts name" << "world\n";
    // MatchError has no :message field (e.message is a KeyError in Elixir); Exception.message/1 builds it.
    QTest::newRow("match error")
        << "try do\n {:ok, x} = {:error, 1}\n x\nrescue\n e in MatchError -> IO.puts Exception.message(e)\nend"
        << "no match of right hand side value: {:error, 1}\n";
    QTest::newRow("1 vs 1.0") << "r = case 1.0 do\n 1 -> :int\n _ -> :float\nend\nIO.inspect r" << ":float\n";
    // guards
    QTest::newRow("guards") << "f = fn\n x when is_atom(x) -> :atom\n x when is_integer(x) and x > 10 -> :big\n x when x in [1, 2] -> :small\n _ -> :other\nend\nIO.inspect Enum.map([:a, 11, 2, 5], f)"
                            << "[:atom, :big, :small, :other]\n";
    QTest::newRow("guard error is false") << "f = fn\n x when hd(x) == 1 -> :one\n _ -> :no\nend\nIO.inspect f.(5)" << ":no\n";
    QTest::newRow("def guards") << "defmodule G do\n def sign(n) when n < 0, do: -1\n def sign(0), do: 0\n def sign(_), do: 1\nend\nIO.inspect Enum.map([-4, 0, 9], &G.sign/1)"
                                << "[-1, 0, 1]\n";
    // pipe
    QTest::newRow("pipe") << "[3, 1, 2] |> Enum.sort() |> Enum.map(fn x -> x * 10 end) |> IO.inspect()" << "[10, 20, 30]\n";
    QTest::newRow("pipe lines") << "1..4\n|> Enum.map(&(&1 + 1))\n|> Enum.sum()\n|> IO.puts" << "14\n";
    // interpolation
    QTest::newRow("interpolation") << "n = 3\nIO.puts \"n=#{n} sq=#{n * n} atom=#{:ok} list=#{[?a, ?b]}\"" << "n=3 sq=9 atom=ok list=ab\n";
    QTest::newRow("nested interpolation") << "IO.puts \"a#{\"b#{1 + 1}c\"}d\"" << "ab2cd\n";
    QTest::newRow("escapes") << "IO.puts \"tab\\there \\\"q\\\" \\\\\"" << "tab\there \"q\" \\\n";
    QTest::newRow("heredoc") << "IO.puts \"\"\"\n  one\n  two\n  \"\"\"" << "one\ntwo\n\n";
    // arithmetic and errors
    QTest::newRow("arith") << "IO.inspect {1 + 2 * 3, 7 / 2, div(7, 2), rem(-7, 2), 2 - -1}" << "{7, 3.5, 3, -1, 3}\n";
    QTest::newRow("comparison") << "IO.inspect {1 == 1.0, 1 === 1.0, :a < \"b\", [1] != [2], 1 < :a}" << "{true, false, true, true, true}\n";
    QTest::newRow("booleans") << "IO.inspect {true and false, nil || 3, !nil, not true, false or true}" << "{false, 3, true, false, true}\n";
    QTest::newRow("lists") << "IO.inspect {[1, 2] ++ [3], [1, 2, 3, 2] -- [2], length([1, 2])}" << "{[1, 2, 3], [1, 3, 2], 2}\n";
    QTest::newRow("keyword") << "kw = [a: 1, b: 2]\nIO.inspect {kw[:b], Keyword.get(kw, :a)}" << "{2, 1}\n";
    QTest::newRow("map update") << "m = %{a: 1}\nm = %{m | a: 2}\nIO.inspect {m, m.a, Map.put(m, :b, 3)}" << "{%{a: 2}, 2, %{a: 2, b: 3}}\n";
    QTest::newRow("for") << "IO.inspect(for x <- 1..5, rem(x, 2) == 1, do: x * x)" << "[1, 9, 25]\n";
    QTest::newRow("capture") << "f = &Enum.reverse/1\nIO.inspect f.([1, 2])" << "[2, 1]\n";
    QTest::newRow("closure captures") << "x = 10\nf = fn y -> x + y end\nx = 0\nIO.inspect {f.(1), x}" << "{11, 0}\n";
    QTest::newRow("recursion in fn") << "defmodule R do\n def len([]), do: 0\n def len([_ | t]), do: 1 + len(t)\nend\nIO.inspect R.len([1, 2, 3])" << "3\n";
    QTest::newRow("try rescue") << "r = try do\n 1 / 0\nrescue\n ArithmeticError -> :caught\nend\nIO.inspect r" << ":caught\n";
    QTest::newRow("catch exit") << "r = try do\n exit(:x)\ncatch\n :exit, reason -> {:exit, reason}\nend\nIO.inspect r" << "{:exit, :x}\n";
    QTest::newRow("module attr") << "defmodule A do\n @limit 3\n def limit, do: @limit\nend\nIO.inspect A.limit()" << "3\n";
    QTest::newRow("defp") << "defmodule P do\n def pub, do: priv() + 1\n defp priv, do: 41\nend\nIO.inspect P.pub()" << "42\n";
    // Actorscope's own partitions (R9.3, R9.7): a linked trapper across the cut gets the EXIT;
    // after the heal the nodes connect again on use; net_ticktime sets the detection delay.
    QTest::newRow("Actorscope.partition and heal")
        << "Node.start(:a, :shortnames)\n{:ok, _peer, b} = :peer.start(%{name: :b, connection: :standard_io})\nProcess.flag(:trap_exit, true)\n"
           "pid = Node.spawn_link(b, fn -> receive do _ -> :ok end end)\n"
           "IO.inspect Actorscope.partition([b])\nreceive do {:EXIT, ^pid, r} -> IO.inspect r after 5000 -> IO.puts \"no EXIT\" end\n"
           "IO.inspect {Node.ping(b), Node.list()}\nIO.inspect Actorscope.heal()\nIO.inspect {Node.ping(b), length(Node.list())}\n"
           "IO.inspect {:net_kernel.set_net_ticktime(5), :net_kernel.get_net_ticktime(), :net_kernel.set_net_ticktime(5)}"
        << ":ok\n:noconnection\n{:pang, []}\n:ok\n{:pong, 1}\n{:change_initiated, 5, :unchanged}\n";
  }
  void language() {
    QFETCH(QString, src);
    QFETCH(QString, expected);
    Run r = run(src.toStdString());
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(QString::fromStdString(r.out), expected);
    QCOMPARE(r.status, 0);
  }

  void runtime_errors_data() {
    QTest::addColumn<QString>("src");
    QTest::addColumn<QString>("first_line");
    QTest::newRow("arith") << "x = 0\n1 / x" << "** (ArithmeticError) bad argument in arithmetic expression: 1 / 0";
    QTest::newRow("match") << "{:ok, _} = {:error, :enoent}" << "** (MatchError) no match of right hand side value: {:error, :enoent}";
    QTest::newRow("case") << "case 3 do\n 1 -> :a\nend" << "** (CaseClauseError) no case clause matching: 3";
    QTest::newRow("cond") << "cond do\n false -> 1\nend" << "** (CondClauseError) no cond clause evaluated to a truthy value";
    QTest::newRow("raise") << "raise \"oops\"" << "** (RuntimeError) oops";
    QTest::newRow("raise module") << "raise ArgumentError, \"bad\"" << "** (ArgumentError) bad";
    QTest::newRow("badfun") << "x = 1\nx.(2)" << "** (BadFunctionError) expected a function, got: 1";
    QTest::newRow("undefined remote") << "Enum.nope(1)" << "** (UndefinedFunctionError) function Enum.nope/1 is undefined or private";
    QTest::newRow("undefined module") << "Nope.f()" << "** (UndefinedFunctionError) function Nope.f/0 is undefined (module Nope is not available)";
    QTest::newRow("function clause") << "defmodule F do\n def f(1), do: 1\nend\nF.f(2)" << "** (FunctionClauseError) no function clause matching in F.f/1    ";  // elixir's blame leaves 4 spaces
    QTest::newRow("key") << "m = %{a: 1}\nm.b" << "** (KeyError) key :b not found in: %{a: 1}";
    QTest::newRow("exit") << "exit(:bye)" << "** (exit) :bye";
    QTest::newRow("bad bool") << "x = 1\nx and true" << "** (BadBooleanError) expected a boolean on left-side of \"and\", got: 1";
    QTest::newRow("partition: unknown node") << "Actorscope.partition(:\"z@nohost\")"
                                             << "** (ArgumentError) partition: :z@nohost is not a live node";
    QTest::newRow("partition: not nodes") << "Actorscope.partition([1])"
                                          << "** (ArgumentError) Actorscope.partition/1: expected node names (atoms), got 1";
    QTest::newRow("partition: bad duration") << "Actorscope.partition([:nonode@nohost], :soon)"
                                             << "** (ArgumentError) Actorscope.partition/2: expected a duration in ms, got :soon";
  }
  void runtime_errors() {
    QFETCH(QString, src);
    QFETCH(QString, first_line);
    Run r = run(src.toStdString());
    QCOMPARE(r.status, 1);
    QCOMPARE(QString::fromStdString(r.err).section('\n', 0, 0), first_line);
  }

  void tail_calls_run_in_constant_space() {
    // Long receive-free loops through def and fn recursion finish (no frame growth).
    ScriptOptions opts;
    opts.time_limit_ms = 120'000;
    Run r = run("defmodule L do\n def loop(0), do: :done\n def loop(n), do: loop(n - 1)\nend\nIO.inspect L.loop(300_000)\n"
                "f = fn g, n -> if n == 0, do: :ok, else: g.(g, n - 1) end\nIO.inspect f.(f, 100_000)",
                opts);
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(r.out, std::string(":done\n:ok\n"));
  }

  // ---- headless runner ---------------------------------------------------------------------------
  void time_limit_stops_endless_loop() {
    ScriptOptions opts;
    opts.time_limit_ms = 300;
    auto t0 = std::chrono::steady_clock::now();
    Run r = run("IO.puts \"start\"\ndefmodule L do\n def loop, do: loop()\nend\nspawn(fn -> L.loop() end)\nL.loop()\n", opts);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    QCOMPARE(r.status, 2);
    QCOMPARE(r.out, std::string("start\n"));
    QVERIFY(r.err.find("** (timeout)") == 0);
    QVERIFY2(ms < 5000, "stopped soon after the limit");
  }
  void time_limit_deterministic() {
    ScriptOptions opts;
    opts.time_limit_ms = 300;
    opts.deterministic = true;
    Run r = run("defmodule L do\n def loop, do: loop()\nend\nL.loop()\n", opts);
    QCOMPARE(r.status, 2);
  }
  void deterministic_blocked_script_ends() {
    ScriptOptions opts;
    opts.deterministic = true;
    Run r = run("IO.puts 1\nreceive do\n :never -> :ok\nend\n", opts);
    QCOMPARE(r.status, 2);
    QCOMPARE(r.out, std::string("1\n"));
  }
  void deterministic_sleep_is_virtual() {
    ScriptOptions opts;
    opts.deterministic = true;
    auto t0 = std::chrono::steady_clock::now();
    Run r = run("Process.sleep(60_000)\nIO.puts :woke", opts);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out, std::string("woke\n"));
    QVERIFY(ms < 5000);
  }
  void missing_file() {
    std::ostringstream out, err;
    QCOMPARE(run_script_file("/nonexistent/x.exs", out, err), static_cast<int>(kScriptNoFile));
  }

  // ---- incomplete input ------------------------------------------------------------------------------
  void incomplete_input_data() {
    QTest::addColumn<QString>("src");
    QTest::addColumn<int>("status");
    const int C = int(InputStatus::Complete), I = int(InputStatus::Incomplete), X = int(InputStatus::Invalid);
    QTest::newRow("expr") << "1 + 1" << C;
    QTest::newRow("fn open") << "f = fn x ->" << I;
    QTest::newRow("fn body") << "f = fn x ->\n  x + 1" << I;
    QTest::newRow("fn closed") << "f = fn x ->\n  x + 1\nend" << C;
    QTest::newRow("defmodule") << "defmodule A do\n  def f, do: 1" << I;
    QTest::newRow("receive") << "receive do\n  x -> x\nafter 100 ->" << I;
    QTest::newRow("operator") << "x = 1 +" << I;
    QTest::newRow("paren") << "IO.puts(" << I;
    QTest::newRow("list") << "[1, 2," << I;
    QTest::newRow("string") << "\"abc" << I;
    QTest::newRow("map") << "%{a: 1," << I;
    QTest::newRow("bad token") << "x = )" << X;
    QTest::newRow("stray end") << "end" << X;
    QTest::newRow("empty") << "" << C;
  }
  void incomplete_input() {
    QFETCH(QString, src);
    QFETCH(int, status);
    QCOMPARE(int(classify_input(src.toStdString())), status);
  }

  // ---- the shell session -------------------------------------------------------------------------------
  // ---- the seed chapters' iex transcripts, typed into a Session as into iex ---------------------
  void sessions_data() {
    QTest::addColumn<QString>("path");
    QDir dir(ACTORSCOPE_CONSOLE_SESSIONS);
    const QStringList files = dir.entryList({"*.iex"}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 10, "the recorded iex transcripts");
    for (const QString& f : files) QTest::newRow(f.toUtf8().constData()) << dir.filePath(f);
  }
  void sessions() {
    // Each line is typed as into `iex < NAME.iex`: iex prints the prompt ("iex(N)> ", or
    // "...(N)> " inside an unfinished input) and, once the input is complete, what it prints
    // and its value. NAME.out was recorded so (record_expected.py --sessions).
    QFETCH(QString, path);
    QString cwd = QDir::currentPath();
    QDir::setCurrent(QFileInfo(path).absolutePath());  // c "lib/monitor.exs" is relative to it
    std::mutex m;
    std::string out, err;
    {
      // Deterministic: the order of a woken process's output and the shell's value is the BEAM's
      // run-queue order, not a race between worker threads (a teacher types slower than the
      // threaded runtime settles; a test types at once).
      Runtime rt(RuntimeOptions{.deterministic = true});
      Session s(rt, [&](OutputKind k, const std::string& t) {
        std::lock_guard g(m);
        if (k == OutputKind::Stderr) err += t;
        else out += (k == OutputKind::Result || k == OutputKind::Error) ? t + "\n" : t;
      });
      std::string pending;
      QStringList lines = read(path).split('\n');
      if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();  // the file's final newline
      for (const QString& line : lines) {
        {
          std::lock_guard g(m);
          out += (pending.empty() ? "iex(" : "...(") + std::to_string(s.counter()) + ")> ";
        }
        pending += line.toStdString() + "\n";
        if (classify_input(pending) == InputStatus::Incomplete) continue;
        if (QString::fromStdString(pending).trimmed().isEmpty()) {
          pending.clear();
          continue;
        }
        EvalOutcome o = s.eval(pending, 30'000);
        QVERIFY2(o.status != EvalOutcome::Status::Timeout, pending.c_str());
        pending.clear();
        // iex reads the next line only after its server printed the prompt: the signals already
        // on their way (a DOWN the input caused) arrive first; timers (a sleep) do not fire.
        for (int i = 0; i < 10'000 && !rt.in_flight().empty(); ++i) rt.step();
      }
      std::lock_guard g(m);
      out += "iex(" + std::to_string(s.counter()) + ")> ";  // the recording's System.halt() line
    }
    QDir::setCurrent(cwd);
    QString base = path.left(path.size() - 4);
    const QString got = normalise_session(QString::fromStdString(out));
    if (got != read(base + ".out")) qWarning("transcript of %s:\n%s", qPrintable(path), qPrintable(got));
    QCOMPARE(got, read(base + ".out"));
    QCOMPARE(normalise_err(QString::fromStdString(err)), read(base + ".err"));
  }

  void mix_steps_get_a_hint() {
    // A chapter's mix steps typed into the console: iex's own error, then one line saying what to
    // do here instead. Other errors get no hint.
    Runtime rt;
    Session s(rt, [](OutputKind, const std::string&) {});
    auto last_line = [](const std::string& text) {
      QString t = QString::fromStdString(text).trimmed();
      return t.section('\n', -1);
    };
    EvalOutcome o = s.eval("mix new kv --module KV");
    QCOMPARE(int(o.status), int(EvalOutcome::Status::Error));
    QVERIFY2(o.text.starts_with("** (CompileError) iex:1: undefined function mix/1"), o.text.c_str());
    QVERIFY2(last_line(o.text).startsWith("Hint: mix runs in a terminal"), o.text.c_str());
    o = s.eval("iex -S mix");
    QVERIFY2(o.text.starts_with("** (SyntaxError) iex:1:8: syntax error before: mix"), o.text.c_str());
    QVERIFY2(last_line(o.text).startsWith("Hint: this console is iex already"), o.text.c_str());
    o = s.eval("mixer(1)");
    QVERIFY2(o.text.find("Hint") == std::string::npos, o.text.c_str());
    QCOMPARE(s.eval("1 + 1").text, std::string("2"));
  }

  void session_basics() {
    Runtime rt;
    std::mutex m;
    std::vector<std::pair<OutputKind, std::string>> got;
    Session s(rt, [&](OutputKind k, const std::string& t) {
      std::lock_guard g(m);
      got.emplace_back(k, t);
    });
    QCOMPARE(s.prompt(), std::string("iex(1)> "));
    EvalOutcome o = s.eval("x = 40 + 2");
    QCOMPARE(int(o.status), int(EvalOutcome::Status::Ok));
    QCOMPARE(o.text, std::string("42"));
    QCOMPARE(s.eval("x + 1").text, std::string("43"));
    QCOMPARE(s.prompt(), std::string("iex(3)> "));
    o = s.eval("1 / 0");
    QCOMPARE(int(o.status), int(EvalOutcome::Status::Error));
    QCOMPARE(o.text, std::string("** (ArithmeticError) bad argument in arithmetic expression: 1 / 0"));  // iex blames the call
    QCOMPARE(s.counter(), 3);  // errors do not advance the counter, as in iex
    QCOMPARE(s.eval("self() == pid(\"" + inspect_pid(s.shell_pid()).substr(5, inspect_pid(s.shell_pid()).size() - 6) + "\")").text,
             std::string("true"));
    QCOMPARE(s.eval("send(self(), :hi)\nflush()").text, std::string(":ok"));
    o = s.eval("x = )");
    // As iex 1.14: lines count from the prompt's N, the line is shown with a caret, a blank line follows.
    QCOMPARE(o.text, std::string("** (SyntaxError) iex:5:5: unexpected token: )\n    |\n  5 | x = )\n    |     ^\n"));
    QCOMPARE(s.eval("defmodule M do\n def twice(x), do: 2 * x\nend\nM.twice(x)").text, std::string("84"));
    // Top-level imports last for the rest of the session; a module of an earlier input can be imported.
    QCOMPARE(s.eval("import :timer, only: [sleep: 1]").text, std::string(":timer"));
    QCOMPARE(s.eval("sleep 1").text, std::string(":ok"));
    QCOMPARE(s.eval("import M").text, std::string("M"));
    QCOMPARE(s.eval("twice(4)").text, std::string("8"));
    QCOMPARE(s.eval("alias M, as: Twice").text, std::string("M"));
    QCOMPARE(s.eval("Twice.twice(5)").text, std::string("10"));
    QCOMPARE(s.eval("tc(fn -> 1 end)").text,
             std::string("** (CompileError) iex:12: undefined function tc/1 (there is no such import)\n"));
    std::lock_guard g(m);
    bool saw_hi = false;
    for (auto& [k, t] : got)
      if (k == OutputKind::Stdout && t == ":hi\n") saw_hi = true;
    QVERIFY(saw_hi);
  }

  void session_shell_restart_keeps_variables() {
    Runtime rt;
    std::mutex m;
    std::vector<std::string> errors;
    std::string out;
    std::vector<Pid> restarted;  // SessionOptions::on_new_shell
    SessionOptions opts;
    opts.on_new_shell = [&](Pid p) {
      std::lock_guard g(m);
      restarted.push_back(p);
    };
    Session s(
        rt,
        [&](OutputKind k, const std::string& t) {
          std::lock_guard g(m);
          if (k == OutputKind::Error) errors.push_back(t);
          if (k == OutputKind::Stdout) out += t;
        },
        opts);
    QCOMPARE(s.eval("keep = :me").text, std::string(":me"));
    Pid old = s.shell_pid();
    QCOMPARE(s.eval("pid = spawn(fn -> receive do _ -> :ok end end)\nProcess.link(pid)").text, std::string("true"));
    EvalOutcome o = s.eval("Process.exit(pid, :kill)");
    // The shell dies from the link (R1.5: :killed); depending on timing during or after the eval.
    QVERIFY(o.status == EvalOutcome::Status::Ok || o.status == EvalOutcome::Status::ShellDied);
    QTRY_VERIFY_WITH_TIMEOUT(!(s.shell_pid() == old), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!s.busy(), 5000);
    QCOMPARE(s.eval("keep").text, std::string(":me"));
    QVERIFY(!(s.shell_pid() == old));
    QCOMPARE(s.eval("self() == " + std::string("pid(\"") + inspect_pid(old).substr(5, inspect_pid(old).size() - 6) + "\")").text,
             std::string("false"));
    std::lock_guard g(m);
    QCOMPARE(int(errors.size()), 1);
    QCOMPARE(QString::fromStdString(errors[0]),
             QString::fromStdString("** (EXIT from " + inspect_pid(old) + ") shell process exited with reason: killed"));
    QCOMPARE(int(restarted.size()), 1);
    QVERIFY(restarted[0] == s.shell_pid());
    // A blank line, then the new shell's banner, as iex prints them.
    QVERIFY2(out.find("\n" + std::string(kRestartBanner) + "\n") != std::string::npos, out.c_str());
  }

  void session_interrupt_endless_loop() {
    Runtime rt;
    Session s(rt, [](OutputKind, const std::string&) {});
    QCOMPARE(s.eval("defmodule Spin do\n def loop(n), do: loop(n + 1)\nend\n:ok").text, std::string(":ok"));
    std::atomic<bool> done{false};
    EvalOutcome outcome;
    QVERIFY(s.submit("Spin.loop(0)", [&](const EvalOutcome& o) {
      outcome = o;
      done = true;
    }));
    QVERIFY(!s.submit("1"));  // busy
    QTest::qWait(100);
    QVERIFY(s.busy());
    s.interrupt();
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 5000);
    QCOMPARE(int(outcome.status), int(EvalOutcome::Status::Interrupted));
    QCOMPARE(s.eval("1 + 1").text, std::string("2"));
  }

  void session_interrupt_receive() {
    Runtime rt;
    Session s(rt, [](OutputKind, const std::string&) {});
    std::atomic<bool> done{false};
    EvalOutcome outcome;
    QVERIFY(s.submit("receive do\n :never -> :ok\nend", [&](const EvalOutcome& o) {
      outcome = o;
      done = true;
    }));
    QTest::qWait(50);
    s.interrupt();
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 5000);
    QCOMPARE(int(outcome.status), int(EvalOutcome::Status::Interrupted));
    // The interrupt token is not left in the mailbox.
    QCOMPARE(s.eval("Process.info(self(), :message_queue_len)").text, std::string("{:message_queue_len, 0}"));
    QVERIFY(s.submit("Process.sleep(:infinity)", [&](const EvalOutcome& o) {
      outcome = o;
      done = true;
    }));
    done = false;
    QTest::qWait(50);
    s.interrupt();
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 5000);
    QCOMPARE(int(outcome.status), int(EvalOutcome::Status::Interrupted));
  }

  void session_deterministic() {
    RuntimeOptions ro;
    ro.deterministic = true;
    Runtime rt(ro);
    Session s(rt, [](OutputKind, const std::string&) {});
    QCOMPARE(s.eval("pid = spawn(fn -> receive do {:x, from} -> send(from, :y) end end)\nsend(pid, {:x, self()})\nreceive do\n m -> m\nend").text,
             std::string(":y"));
  }

  void session_completions() {
    Runtime rt;
    Session s(rt, [](OutputKind, const std::string&) {});
    (void)s.eval("spawner = 1\ndefmodule MyMod do\n def hello, do: :hi\n defp hidden, do: 1\nend");
    auto has = [](const std::vector<std::string>& v, const char* x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    auto c = s.completions("spaw");
    QVERIFY(has(c, "spawn"));
    QVERIFY(has(c, "spawn_link"));
    QVERIFY(has(c, "spawn_monitor"));
    QVERIFY(has(c, "spawner"));
    QVERIFY(!has(c, "Process.exit"));
    c = s.completions("Process.mo");
    QVERIFY(has(c, "Process.monitor"));
    c = s.completions("MyMod.");
    QVERIFY(has(c, "MyMod.hello"));
    QVERIFY(!has(c, "MyMod.hidden"));
    c = s.completions("Pro");
    QVERIFY(has(c, "Process"));
    QVERIFY(std::is_sorted(c.begin(), c.end()));
  }

  // ---- the parser survives random input --------------------------------------------------------------
  void parser_random_input() {
    QDir dir(ACTORSCOPE_CONSOLE_SCRIPTS);
    std::vector<std::string> corpus;
    for (const QString& f : dir.entryList({"*.exs"}, QDir::Files, QDir::Name))
      corpus.push_back(read(dir.filePath(f)).toStdString());
    std::mt19937 rng(12345);
    const char alphabet[] = "()[]{}%#\"'\\:;,.|&^@=<>+-*/ \n\tabcdefxyzDOEND_0123456789?!doendfnafterwhen";
    int iterations = 4000;
    for (int i = 0; i < iterations; ++i) {
      std::string s = corpus[rng() % corpus.size()];
      int edits = 1 + int(rng() % 6);
      for (int e = 0; e < edits && !s.empty(); ++e) {
        size_t at = rng() % s.size();
        switch (rng() % 4) {
          case 0: s.erase(at, 1 + rng() % 8); break;
          case 1: s.insert(at, 1, alphabet[rng() % (sizeof alphabet - 1)]); break;
          case 2: s.resize(at); break;
          default: s[at] = static_cast<char>(rng() % 256); break;
        }
      }
      ParseOutcome po = parse_program(s, "fuzz.exs");
      if (!po.ok()) QVERIFY2(!po.error.message.empty(), s.c_str());
    }
    // Deep nesting does not blow the stack of a reasonable input either.
    std::string deep(200, '(');
    deep += "1";
    deep += std::string(200, ')');
    QVERIFY(parse_program(deep, "deep.exs").ok());
  }
};

QTEST_GUILESS_MAIN(ConsoleTest)
#include "tst_console.moc"
