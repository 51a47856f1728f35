// The translation memory: a SQLite file holding aligned documents and their
// units (sentence pairs). Schema and migrations live in tm/schema.h.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace tmalign {

class SqliteDb;
class SqliteReadTransaction;
class SqliteTransaction;

// One aligned document pair. Timestamps are ISO-8601 UTC ("2024-05-01T12:00:00Z").
struct TmDocument {
  std::string id;  // caller-chosen key, non-empty, any text
  std::string title, src_lang, tgt_lang, src_path, tgt_path, src_sha256, tgt_sha256;
  std::string created_at, updated_at;  // set by the store; ignored on input
  int64_t version = 0;  // bumped by every change to the document or its units; ignored on input
};

// One aligned unit: source sentences src_ids (0-based, possibly empty) paired with tgt_ids.
struct TmUnit {
  int position = 0;  // order within the document, >= 0, unique per document
  std::vector<int> src_ids, tgt_ids;
  std::string source, target;
  double confidence = 0;  // in [0, 1]
  // The text of each sentence of a side (src_ids.size() entries), or empty when not known
  // (then `source`/`target` is the only text); the joined text stays in source/target.
  std::vector<std::string> src_sentences, tgt_sentences;
  bool reviewed = false;  // an editor confirmed this unit in `tmalign review`
};

// The texts of one unit as a scan of the whole TM reads them (ForEachUnitText): views
// valid only during the callback.
struct TmUnitText {
  std::string_view doc_id;
  int position = 0;
  std::string_view source, target;
};

// One review edit as the undo journal keeps it: what it replaced, so undo can put it back.
struct TmEdit {
  int64_t id = 0;              // set by the TM
  std::string kind;            // "merge", "split", "edit-text" ...
  int first = 0;               // position of the first unit the edit replaced
  int new_count = 0;           // how many units it put there
  std::vector<TmUnit> before;  // the units it replaced
};

struct TmDocumentSummary {
  TmDocument doc;
  int unit_count = 0;
};

// Counts and sizes of a TM, read in one snapshot (`tmalign stats`).
struct TmStats {
  int64_t documents = 0, units = 0;
  int64_t pairs = 0;         // distinct (source, target) pairs (table segments)
  int64_t shared_pairs = 0;  // pairs held by more than one unit
  int64_t postings = 0;      // pair ids listed in the match index
  int64_t file_bytes = 0;
  // Bytes per table and index (empty when SQLite lacks the dbstat table), and the part of
  // them that exists only for matching and deduplication.
  std::vector<std::pair<std::string, int64_t>> objects;  // by name
  int64_t index_bytes = 0;
};

// One connection to one TM file; not thread-safe (use one object per thread).
// Other processes may read and write the same file concurrently (WAL mode):
// - Every call is snapshot-consistent on its own: it runs in one transaction, so it sees the
//   TM either before or after another process's commit, never half of it.
// - A run of read calls sees one state only inside a TmSnapshot (below). TmSearcher's Match
//   and Search, ExportTm and GetStats take one of their own per call.
// - Readers never wait for writers. Writers wait for each other for up to kTmBusyTimeoutMs
//   (then IoError naming the TM) instead of failing at once.
class TranslationMemory {
 public:
  // Opens the TM at `path`, creating it, applying pending migrations and linking units not
  // yet in the deduplicated memory (tm/pair_index.h); errors name `path`.
  static Status Open(const std::string& path, std::unique_ptr<TranslationMemory>* out);
  // Open for a TM that must already exist (reading or reviewing it): a missing file is NotFound, not created.
  static Status OpenExisting(const std::string& path, std::unique_ptr<TranslationMemory>* out);
  // Open for commands that only read. A TM the user may write (file and folder) opens as by
  // OpenExisting; one on a read-only file or folder opens read-only (tm/read_only_tm.cc):
  // nothing is created beside it and every write fails naming `path`. A read-only TM of an
  // older schema is refused (its upgrade needs write access).
  static Status OpenForReading(const std::string& path, std::unique_ptr<TranslationMemory>* out);
  // Checks that Open could write `path` (folder exists and is writable; file, if present, is writable);
  // creates nothing.
  static Status CheckWritable(const std::string& path);
  // For a bulk load (tm/new_tm_file.h): creates a new TM at `file`, which must not exist,
  // with a rollback journal kept in memory instead of WAL, so that each page is written once
  // (in WAL mode a big transaction is written to the WAL and copied again at the
  // checkpoint). Only for a file no other process knows of: it is not safe for readers.
  // Errors and path() name `label` (the path the TM will be published at).
  static Status CreateForBulkLoad(const std::string& file, const std::string& label,
                                  std::unique_ptr<TranslationMemory>* out);
  // Ends a bulk load outside any transaction: the file switches to WAL, as Open leaves every
  // TM; then it may be published (linked to its path).
  Status EndBulkLoad();

  ~TranslationMemory();
  TranslationMemory(const TranslationMemory&) = delete;
  TranslationMemory& operator=(const TranslationMemory&) = delete;

  // In one transaction: upserts doc (keeps created_at, sets updated_at, bumps version) and replaces all
  // its units, each linked to its deduplicated pair and indexed, and forgets its review edits (no
  // undo across a re-alignment); on error nothing changes.
  Status ReplaceDocument(const TmDocument& doc, const std::vector<TmUnit>& units);
  // Replaces the units at positions [first, first + count) of `doc_id` by `units` (their
  // positions are ignored: they take first, first + 1, ...) and shifts the later units so
  // positions stay 0, 1, 2...; does not bump the version. The caller holds a TmTransaction.
  Status ReplaceUnitRange(const std::string& doc_id, int first, int count, const std::vector<TmUnit>& units);
  // Reads document `id`; *found is false (and *doc untouched) if there is none.
  Status GetDocument(const std::string& id, TmDocument* doc, bool* found);
  // Reads document `id`, which must exist: NotFound "PATH: no document 'ID'" if it does not.
  Status RequireDocument(const std::string& id, TmDocument* doc);
  // Adds one to the version of document `id` and sets its updated_at; *version is the new
  // version. NotFound if there is no such document.
  Status BumpVersion(const std::string& id, int64_t* version);
  // All documents ordered by id, each with its number of units.
  Status ListDocuments(std::vector<TmDocumentSummary>* docs);
  // The units of `doc_id` ordered by position; empty if the document does not exist.
  Status GetUnits(const std::string& doc_id, std::vector<TmUnit>* units);
  // Calls fn(unit) for every unit of document `doc_id` (all documents when empty), ordered
  // by document id then position, in one statement; fn returns false to stop early. Hold a
  // TmSnapshot to make several scans see one state.
  Status ForEachUnitText(const std::string& doc_id, const std::function<bool(const TmUnitText&)>& fn);
  // Deletes document `id` and (by cascade) its units; *found tells whether it existed.
  Status DeleteDocument(const std::string& id, bool* found);
  // Counts and sizes, in one snapshot.
  Status GetStats(TmStats* stats);

  // The review edits of a document, newest last, for undo (tm/edit_journal.cc). A
  // re-alignment (ReplaceDocument) forgets them.
  // Appends `edit` (its id is ignored) and keeps only the newest `depth` edits of doc_id.
  Status AppendEdit(const std::string& doc_id, const TmEdit& edit, int depth);
  // The newest edit of doc_id; *found is false if there is none.
  Status LastEdit(const std::string& doc_id, TmEdit* edit, bool* found);
  Status RemoveEdit(int64_t edit_id);
  Status CountEdits(const std::string& doc_id, int* count);
  // While refuse() returns true, a write transaction on this TM rolls back instead of
  // committing (the COMMIT fails): an interrupted command keeps its unfinished change out of
  // the TM. Null: every commit goes through.
  void RefuseCommitsWhen(bool (*refuse)());
  // The schema version (PRAGMA user_version) of the open file.
  int schema_version() const { return schema_version_; }
  const std::string& path() const { return path_; }

 private:
  // The connection, for the TM's own components only (tm/tm_connection.h): no SQL outside src/tm.
  friend SqliteDb* TmConnection(TranslationMemory* tm);
  TranslationMemory(std::string path, std::unique_ptr<SqliteDb> db, int schema_version);
  std::string path_;
  std::unique_ptr<SqliteDb> db_;
  int schema_version_;
  bool (*refuse_commit_)() = nullptr;
};

// How long a writer waits for another process's write transaction before giving up.
// Long on purpose: a large import holds the write lock for minutes, and a second writer
// waiting is better than one failing.
constexpr int kTmBusyTimeoutMs = 10 * 60 * 1000;

// A consistent view of `tm` for a run of read calls: from its Begin() until it is destroyed
// (or End()), every read through `tm` sees the TM as of the first of them, whatever other
// processes commit meanwhile. Inside a transaction the connection already has (a snapshot
// or a write), it joins that one. Hold one per query or request, not for a session: the
// WAL cannot be checkpointed past the oldest snapshot still open.
class TmSnapshot {
 public:
  explicit TmSnapshot(TranslationMemory* tm);
  ~TmSnapshot();
  TmSnapshot(const TmSnapshot&) = delete;
  TmSnapshot& operator=(const TmSnapshot&) = delete;

  Status Begin();
  Status End();

 private:
  std::unique_ptr<SqliteReadTransaction> txn_;
};

// A write transaction on `tm` (BEGIN IMMEDIATE: it takes the write lock at Begin, waiting up
// to kTmBusyTimeoutMs for another writer). The calls made on `tm` until Commit() are one
// change: all of it or, when Commit is not reached, none (rolled back on destruction).
class TmTransaction {
 public:
  explicit TmTransaction(TranslationMemory* tm);
  ~TmTransaction();
  TmTransaction(const TmTransaction&) = delete;
  TmTransaction& operator=(const TmTransaction&) = delete;

  Status Begin();
  Status Commit();

 private:
  std::unique_ptr<SqliteTransaction> txn_;
};

// $TMALIGN_TM if set and non-empty, else "tm.sqlite" in the working directory.
std::string DefaultTmPath();

}  // namespace tmalign
