// The terms subcommands that read a TM (dispatched from cmd_terms.cc): usage and extract.
#pragma once

#include <string>
#include <vector>

namespace tmalign::cli {

// tmalign terms usage (terms_usage.cc).
int TermsUsage(const std::vector<std::string>& args);
// tmalign terms extract (terms_extract.cc).
int TermsExtract(const std::vector<std::string>& args);

}  // namespace tmalign::cli
