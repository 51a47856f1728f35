#include "cli/fail.h"

#include <cstdio>

#include "cli/command.h"

namespace tmalign::cli {

int Fail(const std::string& command, const std::string& message) {
  std::fprintf(stderr, "tmalign %s: %s\n", command.c_str(), message.c_str());
  return kExitError;
}

int Fail(const std::string& command, const Status& status) { return Fail(command, status.message()); }

}  // namespace tmalign::cli
