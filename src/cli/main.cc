// tmalign command-line entry point: dispatches to one registered subcommand.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/allocator_tuning.h"
#include "cli/command.h"
#include "cli/fail.h"

namespace tmalign::cli {

std::map<std::string, CommandInfo>& CommandRegistry() {
  static std::map<std::string, CommandInfo> registry;
  return registry;
}

static void PrintUsage(std::FILE* out) {
  std::fprintf(
      out, "tmalign %s: Chinese-English sentence alignment, translation memory and terminology checks\n\n",
      TMALIGN_VERSION);
  std::fprintf(out, "usage: tmalign COMMAND [options]   (tmalign COMMAND --help for details)\n\ncommands:\n");
  for (const auto& [name, info] : CommandRegistry()) {
    std::fprintf(out, "  %-10s %s\n", name.c_str(), info.summary.c_str());
  }
}

}  // namespace tmalign::cli

int main(int argc, char** argv) {
  using namespace tmalign::cli;
  if (argc < 2) {
    PrintUsage(stderr);
    return kExitError;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(stdout);
    return kExitOk;
  }
  if (name == "--version") {
    std::printf("tmalign %s\n", TMALIGN_VERSION);
    return kExitOk;
  }
  auto it = CommandRegistry().find(name);
  if (it == CommandRegistry().end()) {
    std::fprintf(stderr, "tmalign: unknown command '%s' (see tmalign --help)\n", name.c_str());
    return kExitError;
  }
  // May start the process again with the allocator tuned (allocator_tuning.h).
  TuneAllocator(name, argv);
  std::vector<std::string> args(argv + 2, argv + argc);
  try {
    return it->second.run(args);
  } catch (const std::exception& e) {
    return Fail(name, e.what());
  }
}
