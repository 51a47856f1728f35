#include "tm/schema.h"

#include <sqlite3.h>

#include <string>

namespace tmalign {

const std::vector<TmMigration>& TmMigrations() {
  static const std::vector<TmMigration> kMigrations = {
      {1, R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

CREATE TABLE documents (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
  title      TEXT NOT NULL DEFAULT '',
  src_lang   TEXT NOT NULL DEFAULT '',
  tgt_lang   TEXT NOT NULL DEFAULT '',
  src_path   TEXT NOT NULL DEFAULT '',
  tgt_path   TEXT NOT NULL DEFAULT '',
  src_sha256 TEXT NOT NULL DEFAULT '',
  tgt_sha256 TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,  -- ISO-8601 UTC, e.g. 2024-05-01T12:00:00Z
  updated_at TEXT NOT NULL
);

-- src_ids/tgt_ids: comma-separated 0-based sentence ids, e.g. '3,4'; '' for an omission.
CREATE TABLE units (
  id         INTEGER PRIMARY KEY,
  doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL CHECK (position >= 0),
  src_ids    TEXT NOT NULL DEFAULT '',
  tgt_ids    TEXT NOT NULL DEFAULT '',
  source     TEXT NOT NULL DEFAULT '',
  target     TEXT NOT NULL DEFAULT '',
  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  created_at TEXT NOT NULL,
  -- Its index has doc_id leftmost, so it also serves lookups and cascades by doc_id;
  -- a separate index on doc_id alone would only slow inserts.
  UNIQUE (doc_id, position)
);
)sql"},
      {2, R"sql(
-- The deduplicated memory: one row per distinct (source, target) pair; hash is
-- SegmentHash(source, target). Its units (origins) point at it through units.segment_id,
-- so usage count = number of such units. An id may be reused after a delete; a stale index
-- entry then only adds a candidate, which matching verifies against the text anyway.
CREATE TABLE segments (
  id   INTEGER PRIMARY KEY,
  hash INTEGER NOT NULL
);
CREATE INDEX segments_hash ON segments (hash);

-- NULL segment_id: not linked yet (units from schema 1, edited units); linked on next open.
ALTER TABLE units ADD COLUMN segment_id INTEGER;
-- Inner XML of the TMX <seg> when it had inline markup (<ph>, <bpt>, <ept>, <it>, <hi>), else NULL.
ALTER TABLE units ADD COLUMN source_markup TEXT;
ALTER TABLE units ADD COLUMN target_markup TEXT;
ALTER TABLE units ADD COLUMN changed_at TEXT;
-- Other TMX <prop>s as a JSON array of [type, value] pairs, else NULL.
ALTER TABLE units ADD COLUMN props TEXT;
CREATE INDEX units_segment ON units (segment_id);
CREATE INDEX units_unlinked ON units (id) WHERE segment_id IS NULL;

-- Inverted index for fuzzy match and concordance: term (a 64-bit hash of a Chinese
-- character bigram or an English word) -> n segment ids, delta-varint coded, from `first`.
CREATE TABLE postings (
  term  INTEGER NOT NULL,
  first INTEGER NOT NULL,
  n     INTEGER NOT NULL,
  ids   BLOB NOT NULL,
  PRIMARY KEY (term, first)
) WITHOUT ROWID;

-- A segment lives as long as one unit points at it.
CREATE TRIGGER units_segment_gc AFTER DELETE ON units
WHEN OLD.segment_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units WHERE segment_id = OLD.segment_id)
BEGIN
  DELETE FROM segments WHERE id = OLD.segment_id;
END;

-- An edited text belongs to another pair: unlink it (relinked on next open) and drop an orphan.
CREATE TRIGGER units_text_edited AFTER UPDATE OF source, target ON units
WHEN OLD.source IS NOT NEW.source OR OLD.target IS NOT NEW.target
BEGIN
  UPDATE units SET segment_id = NULL WHERE id = NEW.id;
  DELETE FROM segments WHERE id = OLD.segment_id
    AND NOT EXISTS (SELECT 1 FROM units WHERE segment_id = OLD.segment_id);
END;
)sql"},
      // 3: review. A document version (bumped by every change, so an edit made on an
      // older version is refused), a reviewed flag per unit, the sentence texts of each
      // side (JSON array of strings, NULL when unknown: then the side's text is taken as
      // one sentence unless it re-splits into exactly its id count), and the edit journal
      // behind undo. Depends only on migration 1.
      {3, R"sql(
ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE units ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1));
ALTER TABLE units ADD COLUMN src_sentences TEXT;
ALTER TABLE units ADD COLUMN tgt_sentences TEXT;

-- One row per review edit: positions [first, first + new_count) replaced the units in
-- before_units (a JSON array of units); undo puts them back and deletes the row.
CREATE TABLE edits (
  id          INTEGER PRIMARY KEY,
  doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  first       INTEGER NOT NULL CHECK (first >= 0),
  new_count   INTEGER NOT NULL CHECK (new_count >= 0),
  before_units TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX edits_by_doc ON edits (doc_id, id);
)sql"},
      // 4: compact storage for large TMs. A unit's source or target is TEXT or, after a large
      // import, a BLOB compressed with zstd and a dictionary trained on the TM's own units
      // (tm/unit_text.h: byte 0 = text_dictionaries.id, then the frame without its magic
      // number); readers decode with tm_text(). A unit's created_at '' means its document's
      // imported_at: an import writes its time once a document, not on each unit.
      // Depends only on migration 1.
      {4, R"sql(
CREATE TABLE text_dictionaries (
  id   INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 255),
  dict BLOB NOT NULL
);
ALTER TABLE documents ADD COLUMN imported_at TEXT;
)sql"},
  };
  return kMigrations;
}

int LatestTmSchemaVersion() { return TmMigrations().back().version; }

Status IdentifyTmSchema(SqliteDb* db, int* version) {
  // The first read of the header is where a non-database file shows itself.
  int64_t app_id = 0;
  Status s = db->QueryInt("PRAGMA application_id", &app_id);
  if (!s.ok()) {
    int rc = sqlite3_errcode(db->get());
    if (rc == SQLITE_NOTADB) return Status::InvalidInput(db->label() + ": not a SQLite database");
    return s;
  }
  int64_t user_version = 0;
  TMALIGN_RETURN_IF_ERROR(db->QueryInt("PRAGMA user_version", &user_version));
  int64_t objects = 0;
  TMALIGN_RETURN_IF_ERROR(db->QueryInt("SELECT count(*) FROM sqlite_master", &objects));

  bool empty = app_id == 0 && user_version == 0 && objects == 0;
  if (!empty && app_id != kTmApplicationId) {
    return Status::InvalidInput(db->label() +
                                ": not a tmalign translation memory (a SQLite database with other content)");
  }
  if (user_version > LatestTmSchemaVersion()) {
    return Status::InvalidInput(db->label() + ": schema version " + std::to_string(user_version) +
                                " is newer than this tmalign (" + std::to_string(LatestTmSchemaVersion()) +
                                "); upgrade tmalign");
  }
  *version = static_cast<int>(user_version);
  return Status::Ok();
}

Status MigrateTmSchema(SqliteDb* db, int* version) {
  for (const TmMigration& m : TmMigrations()) {
    SqliteTransaction txn(db);
    TMALIGN_RETURN_IF_ERROR(txn.Begin());
    // Re-read under the write lock: another process may have migrated meanwhile.
    int current = 0;
    TMALIGN_RETURN_IF_ERROR(IdentifyTmSchema(db, &current));
    if (current >= m.version) continue;  // txn rolls back its empty transaction
    if (current != m.version - 1) {
      return Status::Internal(db->label() + ": migration " + std::to_string(m.version) +
                              " found schema version " + std::to_string(current));
    }
    TMALIGN_RETURN_IF_ERROR(db->Exec(m.sql));
    // PRAGMAs take no parameters; both values are integers from this file.
    TMALIGN_RETURN_IF_ERROR(db->Exec("PRAGMA application_id = " + std::to_string(kTmApplicationId)));
    TMALIGN_RETURN_IF_ERROR(db->Exec("PRAGMA user_version = " + std::to_string(m.version)));
    TMALIGN_RETURN_IF_ERROR(txn.Commit());
  }
  return IdentifyTmSchema(db, version);
}

}  // namespace tmalign
