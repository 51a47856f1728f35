// The output of every command that writes one (-o FILE): never half-written. A file is
// written to a temporary file in the same folder and renamed over FILE only by Commit();
// without Commit (an error on the way) the temporary file is removed and FILE, if it
// existed, is untouched. "" (no -o) or "-" means standard output.
#pragma once

#include <fstream>
#include <ostream>
#include <string>

#include "util/status.h"

namespace tmalign::cli {

class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  bool is_stdout() const { return path_.empty(); }
  // The file's path, or "standard output", for messages.
  std::string name() const { return is_stdout() ? "standard output" : path_; }

  // Checks that the file could be written (its folder exists and is writable), to fail before the work.
  Status CheckWritable() const;
  // Creates the temporary file (nothing to do for standard output).
  Status Open();
  // Where the output goes; valid after Open().
  std::ostream& stream();
  // Flushes, and renames the temporary file over the output.
  Status Commit();

 private:
  std::string path_;  // empty: standard output
  std::string tmp_;   // the temporary file while one exists
  std::ofstream file_;
};

// Checks that `path` could be written; "" and "-" (standard output) always can.
Status CheckOutputWritable(const std::string& path);
// Writes `content` to `path` through an OutputFile: all of it or, on error, nothing.
Status WriteOutput(const std::string& path, const std::string& content);

}  // namespace tmalign::cli
