#pragma once
// TSan suppressions for the GUI test executables (include once per executable).
//
// Qt is not built with TSan: its futex-based QMutex, the QtTest watchdog's QWaitCondition and the
// queued-call hand-over between threads are invisible to it and reported as races inside Qt's own
// libraries. Only reports with a Qt library frame are suppressed; races in our code still show.

#if defined(__SANITIZE_THREAD__)
extern "C" const char* __tsan_default_suppressions() {
  return "race:libQt6Core.so\nrace:libQt6Test.so\nrace:libQt6Gui.so\nrace:libQt6Widgets.so\n"
         "deadlock:libQt6Core.so\n";
}
#endif
