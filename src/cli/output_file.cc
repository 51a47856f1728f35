#include "cli/output_file.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace tmalign::cli {

namespace fs = std::filesystem;

Status CheckOutputWritable(const std::string& path) {
  fs::path p(path);
  fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::IoError(path + ": folder " + dir.string() + " does not exist");
  if (fs::is_directory(p, ec)) return Status::IoError(path + ": is a folder");
  if (access(dir.c_str(), W_OK) != 0) return Status::IoError(path + ": folder " + dir.string() + " is not writable");
  return Status::Ok();
}

Status WriteOutput(const std::string& path, const std::string& content) {
  if (path.empty()) {
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() || std::fflush(stdout) != 0) {
      return Status::IoError("cannot write to standard output");
    }
    return Status::Ok();
  }
  TMALIGN_RETURN_IF_ERROR(CheckOutputWritable(path));
  std::string tmp = path + ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return Status::IoError(path + ": write failed");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status::IoError(path + ": cannot replace: " + ec.message());
  }
  return Status::Ok();
}

}  // namespace tmalign::cli
