// The one way a command reports an error: "tmalign CMD: message" on stderr, exit code 2.
// Messages from Status already start with the place ("FILE:LINE:COL: ..."), so an error
// reads "tmalign CMD: FILE:LINE:COL: message", or "tmalign CMD: message" without one.
#pragma once

#include <string>

#include "util/status.h"

namespace tmalign::cli {

// Prints "tmalign COMMAND: MESSAGE" on stderr; returns kExitError.
int Fail(const std::string& command, const std::string& message);
int Fail(const std::string& command, const Status& status);

}  // namespace tmalign::cli
