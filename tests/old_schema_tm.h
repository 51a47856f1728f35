// A TM file as an older tmalign wrote it, for migration tests: the schema's migrations up to
// `version`, then `rows_sql` (documents and units in that schema's columns), stamped with
// tmalign's application id and `version`. False when SQLite refuses any of it.
#pragma once

#include <sqlite3.h>

#include <string>

#include "tm/schema.h"

namespace tmalign::testing {

inline bool WriteTmAtSchema(const std::string& path, int version, const std::string& rows_sql) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK;
  std::string sql;
  for (int v = 0; v < version; ++v) sql += TmMigrations()[static_cast<size_t>(v)].sql;
  sql += rows_sql + "PRAGMA application_id = " + std::to_string(kTmApplicationId) +
         "; PRAGMA user_version = " + std::to_string(version) + ";";
  ok = ok && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

}  // namespace tmalign::testing
