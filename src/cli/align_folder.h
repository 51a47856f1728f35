// `tmalign align ZH_DIR EN_DIR`: every document pair of two folders, paired by name (or by
// --pairs FILE), aligned in parallel with one dictionary, stored in the TM each in its own
// transaction (skipping pairs whose files are unchanged) or written to an output folder.
#pragma once

#include "cli/align_job.h"
#include "cli/command_line.h"

namespace tmalign::cli {

// Runs the folder job; one line per pair on stdout. Returns the exit code: kExitError
// (naming the failed pairs) if any pair failed, else kExitOk.
int RunAlignFolder(const CommandLine& cl, const AlignJob& job);

}  // namespace tmalign::cli
