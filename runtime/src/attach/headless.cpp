#include "actorscope/attach.hpp"
#include "actorscope/recording.hpp"

#include <chrono>
#include <ostream>
#include <thread>

namespace actorscope::attach {

int record_attached(const Options& opts, int64_t duration_ms, const std::string& path, std::ostream& out, std::ostream& err) {
  using Clock = std::chrono::steady_clock;
  Client client;
  std::string error;
  std::string last_step;
  auto progress = [&](std::string_view step, uint64_t done, uint64_t total) {
    if (step != last_step) {
      last_step = std::string(step);
      out << "actorscope: " << step << (total ? " (" + std::to_string(total) + ")" : std::string()) << "\n" << std::flush;
    }
    (void)done;
    return true;
  };
  if (!client.connect(opts, error, nullptr, progress)) {
    err << error << "\n";
    return 2;
  }
  Recorder rec;
  RecordingInfo info;
  info.created_by = "actorscope (attached to " + client.node().name + ")";
  bool started = false;
  bool lost = false;
  const auto until = Clock::now() + std::chrono::milliseconds(std::max<int64_t>(0, duration_ms));
  auto drain = [&] {
    Batch b = client.take();
    if (b.snapshot && b.full) {
      if (!started) rec.start(*b.snapshot, {}, info);
      else rec.resync(*b.snapshot);
      started = true;
    }
    if (started) rec.record(b.events);
    if (b.lost && !lost) {
      lost = true;
      err << b.error << "\n";
    }
  };
  while (Clock::now() < until && !lost) {
    drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  AgentStats stats;
  auto last = [&] {
    Batch b = client.take();
    if (started) rec.record(b.events);
    stats = b.stats;
  };
  drain();
  last();
  client.detach();
  if (!save_recording(path, rec.recording(), error)) {
    err << "cannot write " << path << ": " << error << "\n";
    return 1;
  }
  out << "actorscope: recorded " << client.node().name << " for " << duration_ms << " ms to " << path << ": "
      << rec.recorded() << " events";
  if (stats.dropped) out << ", " << stats.dropped << " left out by the agent under load (counted exactly)";
  out << "\n";
  return lost ? 2 : 0;
}

}  // namespace actorscope::attach
