#pragma once
// Support shared by the runtime and OTP test suites: term shorthands, runtime options, and Log.
//
// Conventions: a Log records what a process saw (thread-safe, so the same helpers serve the
// deterministic and the threaded runtime). Expected terms are written as the strings inspect()
// prints, with pids and references spliced in from the actual values (P(), R()).

#include <actorscope/runtime.hpp>

#include <QString>
#include <QtTest>

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "tsan_qt.hpp"  // TSan: Qt's own reports suppressed

#define CHECK_STR(actual, expected) \
  QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected))

namespace testsupport {

using namespace actorscope;

inline Term A(std::string_view s) { return Term(intern(s)); }
inline std::string P(Pid p) { return inspect_pid(p); }
inline std::string R(Ref r) { return inspect(Term(r)); }
inline std::string S(const Term& t) { return inspect(t); }

inline RuntimeOptions det() {
  RuntimeOptions o;
  o.deterministic = true;
  return o;
}
inline RuntimeOptions threaded(unsigned n = 2) {
  RuntimeOptions o;
  o.threads = n;
  return o;
}

/// What a process saw, in order. Safe to push from any thread.
class Log {
 public:
  void push(Term t) {
    std::lock_guard g(m_);
    v_.push_back(std::move(t));
  }
  std::vector<Term> items() const {
    std::lock_guard g(m_);
    return v_;
  }
  size_t size() const {
    std::lock_guard g(m_);
    return v_.size();
  }
  Term at(size_t i) const {
    std::lock_guard g(m_);
    return i < v_.size() ? v_[i] : Term();
  }
  Term last() const {
    std::lock_guard g(m_);
    return v_.empty() ? Term() : v_.back();
  }
  bool contains(const Term& t) const {
    std::lock_guard g(m_);
    for (auto& x : v_)
      if (x == t) return true;
    return false;
  }
  /// Whether some entry prints as `s`.
  bool contains_str(const std::string& s) const {
    for (auto& t : items())
      if (inspect(t) == s) return true;
    return false;
  }
  void clear() {
    std::lock_guard g(m_);
    v_.clear();
  }
  /// inspect() of the whole log as a list: `[:a, {:EXIT, #PID<0.3.0>, :boom}]`.
  std::string str() const { return inspect(Term::list(items())); }

 private:
  mutable std::mutex m_;
  std::vector<Term> v_;
};

}  // namespace testsupport
