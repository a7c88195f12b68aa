#pragma once
// TSan suppressions for every test executable that uses QtTest (each includes this header once,
// directly or through test_support.hpp).
//
// Qt is not built with TSan: its futex-based QMutex, the QtTest watchdog's QWaitCondition (torn
// down at exit while the watchdog thread may still signal it) and the queued-call hand-over between
// threads are invisible to it and reported as races inside Qt's own libraries. `race:` drops reports
// with a Qt frame; `called_from_lib:` ignores the pthread calls Qt makes itself (the watchdog's
// reports have no other Qt frame to match). Races in our code still show.

#if defined(__SANITIZE_THREAD__)
extern "C" const char* __tsan_default_suppressions() {
  return "race:libQt6Core.so\nrace:libQt6Test.so\nrace:libQt6Gui.so\nrace:libQt6Widgets.so\n"
         "deadlock:libQt6Core.so\n"
         "called_from_lib:libQt6Core.so.6\ncalled_from_lib:libQt6Test.so.6\n";
}
#endif
