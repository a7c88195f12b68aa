#include <QTest>
class ConsoleTest : public QObject {
  Q_OBJECT
};
QTEST_GUILESS_MAIN(ConsoleTest)
#include "tst_console.moc"
