// Output files that are never half-written: written to a temporary file in
// the same folder and renamed over the target only when complete.
#pragma once

#include <string>

#include "util/status.h"

namespace tmalign::cli {

// Checks that `path` could be written (its folder exists and is writable).
Status CheckOutputWritable(const std::string& path);
// Writes `content` to `path` atomically; an empty path means standard output.
Status WriteOutput(const std::string& path, const std::string& content);

}  // namespace tmalign::cli
