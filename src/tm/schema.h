// The translation-memory schema as an append-only list of migrations.
// PRAGMA user_version holds the number of the last applied migration and
// PRAGMA application_id marks the file as a tmalign TM. To change the schema,
// append {N+1, "SQL"} to the list in schema.cc; never edit a released step.
#pragma once

#include <cstdint>
#include <vector>

#include "tm/sqlite_handle.h"
#include "util/status.h"

namespace tmalign {

struct TmMigration {
  int version;      // user_version after this step; 1, 2, 3... without gaps
  const char* sql;  // constant DDL/DML, run inside the step's transaction
};

// "TMAL" in ASCII; stored in the database header by the first migration.
inline constexpr int32_t kTmApplicationId = 0x544D414C;

// All migrations in order.
const std::vector<TmMigration>& TmMigrations();

// The schema version this binary writes (the last migration's version).
int LatestTmSchemaVersion();

// Checks that `db` is empty or a tmalign TM no newer than this binary; *version = its user_version.
Status IdentifyTmSchema(SqliteDb* db, int* version);

// Applies each missing migration in its own IMMEDIATE transaction; *version = resulting version.
Status MigrateTmSchema(SqliteDb* db, int* version);

}  // namespace tmalign
