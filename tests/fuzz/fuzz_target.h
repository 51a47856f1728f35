// What the fuzz targets share: the declaration of each target's entry point (from
// targets.def) and the input as a file, for the readers that read a path.
//
// A target's entry point takes any bytes and returns the reader's Status: it must never
// crash, hang or leak, whatever the bytes; an error is a clean Status.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "util/status.h"

namespace tmalign::fuzz {

#define FUZZ_TARGET(name, dictionary) \
  namespace name {                    \
  Status Run(std::string_view input); \
  }
#include "targets.def"
#undef FUZZ_TARGET

// Writes `input` to a file of this process named by `tag` and `extension` (the same file
// for every call, overwritten), and returns its path; "" when it cannot be written.
inline std::string WriteInputFile(std::string_view input, const std::string& tag,
                                  const std::string& extension) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("tmalign-fuzz-" + std::to_string(::getpid()) + "-" + tag + "." + extension))
                               .string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return std::string();
  const bool written = std::fwrite(input.data(), 1, input.size(), f) == input.size();
  if (std::fclose(f) != 0 || !written) return std::string();
  return path;
}

// The input file of a target: written by Write, removed when this object goes.
class InputFile {
 public:
  InputFile(std::string tag, std::string extension)
      : tag_(std::move(tag)), extension_(std::move(extension)) {}
  ~InputFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // The path holding `input`; an IoError Status when it cannot be written.
  Status Write(std::string_view input) {
    path_ = WriteInputFile(input, tag_, extension_);
    if (path_.empty()) return Status::IoError("fuzz: cannot write the input file for " + tag_);
    return Status::Ok();
  }
  const std::string& path() const { return path_; }

 private:
  std::string tag_, extension_, path_;
};

}  // namespace tmalign::fuzz
