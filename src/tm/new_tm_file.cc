#include "tm/new_tm_file.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>  // renameat2, RENAME_NOREPLACE (glibc)
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace tmalign {
namespace {

namespace fs = std::filesystem;

// SQLite's companions of a database file.
constexpr const char* kCompanions[] = {"", "-journal", "-wal", "-shm"};

// Removes `temp` and its companions, whichever exist.
void UnlinkWithCompanions(const std::string& temp) {
  for (const char* suffix : kCompanions) ::unlink((temp + suffix).c_str());
}

Status SyncPath(const std::string& path, const std::string& label) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(label + ": " + path + ": " + std::strerror(errno));
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return Status::IoError(label + ": sync " + path + ": " + std::strerror(err));
  return Status::Ok();
}

std::string Folder(const std::string& path) {
  std::string folder = fs::path(path).parent_path().string();
  return folder.empty() ? "." : folder;
}

// Removes the temporary files of imports into `path` whose process is gone (killed).
void RemoveAbandoned(const std::string& path) {
  const std::string prefix = fs::path(NewTmFile::TemporaryPrefix(path)).filename().string();
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(Folder(path), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    char* end = nullptr;
    const long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
    if (end == name.c_str() + prefix.size() || pid <= 0) continue;
    // A live process (this one's pid reused included) keeps its files.
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    fs::remove(entry.path(), ec);
  }
}

}  // namespace

std::string NewTmFile::TemporaryPrefix(const std::string& path) {
  std::string name = ".";  // appended, not "." + ...: GCC 12's -Wrestrict misfires on that
  name.append(fs::path(path).filename().string()).append(".tmalign-new.");
  return (fs::path(Folder(path)) / name).string();
}

Status NewTmFile::Create(const std::string& path, std::unique_ptr<NewTmFile>* out) {
  TMALIGN_RETURN_IF_ERROR(TranslationMemory::CheckWritable(path));
  RemoveAbandoned(path);
  std::unique_ptr<NewTmFile> file(new NewTmFile(path, TemporaryPrefix(path) + std::to_string(::getpid())));
  UnlinkWithCompanions(file->temp_);  // a file of an earlier process with this pid
  TMALIGN_RETURN_IF_ERROR(TranslationMemory::CreateForBulkLoad(file->temp_, path, &file->tm_));
  *out = std::move(file);
  return Status::Ok();
}

NewTmFile::~NewTmFile() {
  tm_.reset();
  RemoveTemporary();
}

void NewTmFile::RemoveTemporary() {
  if (removed_) return;
  UnlinkWithCompanions(temp_);
  removed_ = true;
}

Status NewTmFile::Publish(bool* published) {
  *published = false;
  TMALIGN_RETURN_IF_ERROR(tm_->EndBulkLoad());
  tm_.reset();  // the last connection: SQLite checkpoints the (empty) WAL and removes it
  TMALIGN_RETURN_IF_ERROR(SyncPath(temp_, path_));
  // Never rename() over the path: a TM that another process created meanwhile stays. link()
  // fails on an existing name; where the file system has no hard links, renameat2 with
  // RENAME_NOREPLACE does the same.
  int rc = ::link(temp_.c_str(), path_.c_str());
  if (rc != 0 && errno != EEXIST) {
    rc = ::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, path_.c_str(), RENAME_NOREPLACE);
  }
  if (rc != 0) {
    const int err = errno;
    RemoveTemporary();
    if (err == EEXIST) return Status::Ok();
    return Status::IoError(path_ + ": cannot create: " + std::strerror(err));
  }
  *published = true;
  RemoveTemporary();
  // The new name's own durability; the TM is in place whatever this says.
  (void)SyncPath(Folder(path_), path_);
  return Status::Ok();
}

}  // namespace tmalign
