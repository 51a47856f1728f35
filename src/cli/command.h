// Subcommand registry: each src/cli/cmd_*.cc registers itself, so adding a
// command touches no shared file.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tmalign::cli {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;  // the command ran and found problems (check)
inline constexpr int kExitError = 2;     // usage or input error

// args excludes the program name and the subcommand name.
using CommandFn = int (*)(const std::vector<std::string>& args);

struct CommandInfo {
  std::string summary;
  CommandFn run;
};

std::map<std::string, CommandInfo>& CommandRegistry();

struct CommandRegistrar {
  CommandRegistrar(const char* name, const char* summary, CommandFn fn) {
    CommandRegistry()[name] = CommandInfo{summary, fn};
  }
};

}  // namespace tmalign::cli

#define TMALIGN_REGISTER_COMMAND(name, summary, fn) \
  static ::tmalign::cli::CommandRegistrar tmalign_registrar_##fn(name, summary, fn)
