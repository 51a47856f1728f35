// A translation memory created whole by one import (a reference corpus loaded into a new
// TM): built in a hidden temporary file beside its path, without WAL, so that every page is
// written once instead of twice (to the WAL, then again by the checkpoint: a quarter of a
// 10M-unit import), and published at its path only when complete. Until then no reader sees a
// TM there, and a failed or killed import leaves no TM behind.
#pragma once

#include <memory>
#include <string>

#include "tm/translation_memory.h"
#include "util/status.h"

namespace tmalign {

class NewTmFile {
 public:
  // Starts a new TM to be published at `path`, which must not exist yet (errors as
  // TranslationMemory::Open's, naming `path`). Removes the temporary files that killed
  // imports into the same path left behind (their processes are gone).
  static Status Create(const std::string& path, std::unique_ptr<NewTmFile>* out);
  // Removes the temporary file unless it was published.
  ~NewTmFile();
  NewTmFile(const NewTmFile&) = delete;
  NewTmFile& operator=(const NewTmFile&) = delete;

  // The TM being built (its path() is the final path); null after Publish().
  TranslationMemory* tm() { return tm_.get(); }

  // Closes the TM, switched to WAL and synced, and links it at its path. *published is false
  // when another process created a TM there meanwhile: then nothing is published, the
  // temporary file is removed, and the caller imports into that TM instead.
  Status Publish(bool* published);

  // The prefix of the temporary files for `path` (".NAME.tmalign-new." in its folder),
  // followed by the importing process's id.
  static std::string TemporaryPrefix(const std::string& path);

 private:
  NewTmFile(std::string path, std::string temp) : path_(std::move(path)), temp_(std::move(temp)) {}
  void RemoveTemporary();

  std::string path_, temp_;
  std::unique_ptr<TranslationMemory> tm_;
  bool removed_ = false;
};

}  // namespace tmalign
