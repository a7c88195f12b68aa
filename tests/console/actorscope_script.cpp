// actorscope-script: runs a console-language script headless, as `elixir FILE.exs` would.
// Usage: actorscope-script [--deterministic] [--threads N] [--time-limit MS] FILE.exs

#include "actorscope/console/script.hpp"

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  actorscope::console::ScriptOptions opts;
  std::string file;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--deterministic")) {
      opts.deterministic = true;
    } else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) {
      opts.threads = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (!std::strcmp(argv[i], "--time-limit") && i + 1 < argc) {
      opts.time_limit_ms = std::atoll(argv[++i]);
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      std::cerr << "usage: actorscope-script [--deterministic] [--threads N] [--time-limit MS] FILE.exs\n";
      return 64;
    } else {
      file = argv[i];
    }
  }
  if (file.empty()) {
    std::cerr << "usage: actorscope-script [--deterministic] [--threads N] [--time-limit MS] FILE.exs\n";
    return 64;
  }
  return actorscope::console::run_script_file(file, std::cout, std::cerr, opts);
}
