#pragma once
// Helpers shared by the recording test suites.

#include <actorscope/exporters.hpp>
#include <actorscope/faults.hpp>
#include <actorscope/headless.hpp>
#include <actorscope/recording.hpp>
#include <actorscope/replay.hpp>
#include <actorscope/runtime.hpp>
#include <actorscope/scenarios.hpp>

#include <QString>
#include <QtTest>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../common/tsan_qt.hpp"

namespace rt_test {

using namespace actorscope;

/// QCOMPARE of two std::strings that prints both whole when they differ (QTest cuts them short).
#define CHECK_STR(actual, expected)                                                                   \
  do {                                                                                                \
    const std::string check_a_ = (actual), check_e_ = (expected);                                     \
    if (check_a_ != check_e_) qWarning("actual:\n%s\nexpected:\n%s", check_a_.c_str(), check_e_.c_str()); \
    QCOMPARE(QString::fromStdString(check_a_), QString::fromStdString(check_e_));                     \
  } while (false)

inline RuntimeOptions det() {
  RuntimeOptions o;
  o.deterministic = true;
  o.trace_buffer_events = 1u << 20;
  return o;
}

inline std::string to_text(const Recording& r) {
  std::ostringstream os;
  write_recording(os, r);
  return os.str();
}

inline ReadResult from_text(const std::string& s) {
  std::istringstream is(s);
  return read_recording(is);
}

inline std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream is(s);
  std::string l;
  while (std::getline(is, l)) out.push_back(l);
  return out;
}

inline std::string join(const std::vector<std::string>& v, size_t from = 0) {
  std::string o;
  for (size_t i = from; i < v.size(); ++i) o += v[i] + "\n";
  return o;
}

}  // namespace rt_test
