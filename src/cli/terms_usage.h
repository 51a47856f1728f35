// tmalign terms usage (a subcommand of terms, dispatched from cmd_terms.cc).
#pragma once

#include <string>
#include <vector>

namespace tmalign::cli {

int TermsUsage(const std::vector<std::string>& args);

}  // namespace tmalign::cli
