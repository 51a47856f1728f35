// TranslationMemory::OpenForReading: a TM on a read-only file or folder, for the commands
// that only read it.
//
// SQLite reads a WAL database only through its -shm file, which it creates beside the
// database; in a read-only folder it cannot, and on a read-only file it may not write the
// one it finds. Without a -wal file the database file holds every commit, so the file is
// opened "immutable" (no locks, no -shm, nothing created). With a -wal file (a writer is at
// work, or one was killed) it is opened mode=ro, which reads the log through the -shm the
// writer keeps; when even that fails the error says why.
#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "tm/schema.h"
#include "tm/sqlite_handle.h"
#include "tm/translation_memory.h"

namespace tmalign {
namespace {

// `path` as a file: URI (RFC 3986 path characters kept, everything else %XX).
std::string FileUri(const std::string& path, const char* query) {
  std::string absolute = std::filesystem::absolute(path).string();
  std::string uri = "file:";
  for (unsigned char c : absolute) {
    if (std::isalnum(c) || std::strchr("/-._~!$&'()*+,;=:@", c) != nullptr) {
      uri += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof(hex), "%%%02X", c);
      uri += hex;
    }
  }
  return uri + "?" + query;
}

// True when this process may write both the file and its folder (what Open needs).
bool Writable(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  return access(path.c_str(), W_OK) == 0 && access(folder.c_str(), W_OK | X_OK) == 0;
}

}  // namespace

Status TranslationMemory::OpenForReading(const std::string& path, std::unique_ptr<TranslationMemory>* out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) || Writable(path)) return OpenExisting(path, out);
  if (access(path.c_str(), R_OK) != 0) return Status::IoError(path + ": file is not readable");

  const bool has_wal = std::filesystem::exists(path + "-wal", ec);
  std::unique_ptr<SqliteDb> db;
  TMALIGN_RETURN_IF_ERROR(SqliteDb::Open(FileUri(path, has_wal ? "mode=ro" : "immutable=1"),
                                         SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, path,
                                         &db));
  sqlite3_busy_timeout(db->get(), kTmBusyTimeoutMs);
  int version = 0;
  TMALIGN_RETURN_IF_ERROR(db->Exec("BEGIN"));
  Status identified = IdentifyTmSchema(db.get(), &version);
  Status ended = db->Exec("COMMIT");
  if (!identified.ok() && has_wal && identified.code() == Status::Code::kIoError) {
    return Status::IoError(identified.message() + " (" + path +
                           "-wal holds changes a read-only TM cannot apply: open it once with write access)");
  }
  TMALIGN_RETURN_IF_ERROR(identified);
  TMALIGN_RETURN_IF_ERROR(ended);
  if (version == 0) return Status::InvalidInput(path + ": empty file, not a translation memory");
  if (version < LatestTmSchemaVersion()) {
    return Status::IoError(path + ": schema version " + std::to_string(version) + " must be upgraded to " +
                           std::to_string(LatestTmSchemaVersion()) +
                           ", which needs write access (the file or its folder is read-only)");
  }
  out->reset(new TranslationMemory(path, std::move(db), version));
  return Status::Ok();
}

}  // namespace tmalign
