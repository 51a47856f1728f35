#include "cli/output_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace tmalign::cli {

namespace fs = std::filesystem;

OutputFile::OutputFile(std::string path) : path_(path == "-" ? "" : std::move(path)) {}

OutputFile::~OutputFile() {
  if (tmp_.empty()) return;
  file_.close();
  std::error_code ec;
  fs::remove(tmp_, ec);
}

Status OutputFile::CheckWritable() const {
  if (is_stdout()) return Status::Ok();
  fs::path p(path_);
  fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Status::IoError(path_ + ": folder " + dir.string() + " does not exist");
  if (fs::is_directory(p, ec)) return Status::IoError(path_ + ": is a folder");
  if (access(dir.c_str(), W_OK) != 0)
    return Status::IoError(path_ + ": folder " + dir.string() + " is not writable");
  return Status::Ok();
}

Status OutputFile::Open() {
  if (is_stdout()) return Status::Ok();
  TMALIGN_RETURN_IF_ERROR(CheckWritable());
  tmp_ = path_ + ".tmp-" + std::to_string(getpid());
  errno = 0;
  file_.open(tmp_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    const std::string reason = errno != 0 ? std::strerror(errno) : "cannot open";
    tmp_.clear();
    return Status::IoError(path_ + ": cannot create a temporary file beside it: " + reason);
  }
  return Status::Ok();
}

std::ostream& OutputFile::stream() { return is_stdout() ? std::cout : static_cast<std::ostream&>(file_); }

Status OutputFile::Commit() {
  if (is_stdout()) {
    std::cout.flush();
    if (!std::cout || std::fflush(stdout) != 0) return Status::IoError("cannot write to standard output");
    return Status::Ok();
  }
  if (tmp_.empty()) return Status::Internal(path_ + ": output not open");
  file_.close();
  if (!file_) return Status::IoError(path_ + ": write failed");
  std::error_code ec;
  fs::rename(tmp_, path_, ec);
  if (ec) return Status::IoError(path_ + ": cannot replace: " + ec.message());
  tmp_.clear();
  return Status::Ok();
}

Status CheckOutputWritable(const std::string& path) { return OutputFile(path).CheckWritable(); }

Status WriteOutput(const std::string& path, const std::string& content) {
  OutputFile out(path);
  TMALIGN_RETURN_IF_ERROR(out.Open());
  out.stream() << content;
  return out.Commit();
}

}  // namespace tmalign::cli
