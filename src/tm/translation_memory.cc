#include "tm/translation_memory.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tm/pair_index.h"
#include "tm/schema.h"
#include "tm/sqlite_handle.h"
#include "tm/tm_connection.h"
#include "util/utc_time.h"

namespace tmalign {
namespace {

std::string JoinIds(const std::vector<int>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  return out;
}

// Parses "3,4" strictly; false on anything else but "" (no ids).
bool ParseIds(const std::string& text, std::vector<int>* ids) {
  ids->clear();
  if (text.empty()) return true;
  const char* p = text.data();
  const char* end = p + text.size();
  while (true) {
    int value = 0;
    auto [next, ec] = std::from_chars(p, end, value);
    if (ec != std::errc() || value < 0) return false;
    ids->push_back(value);
    if (next == end) return true;
    if (*next != ',') return false;
    p = next + 1;
  }
}

// SQLite treats ":memory:" and, with URI support compiled in, "file:..." specially;
// "./" keeps such names ordinary files.
std::string SqliteFilename(const std::string& path) {
  if (path == ":memory:" || path.rfind("file:", 0) == 0) return "./" + path;
  return path;
}

Status CheckWritableImpl(const std::string& path, bool* exists) {
  if (path.empty()) return Status::Usage("translation memory path is empty");
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  struct stat st {};
  if (stat(folder.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return Status::IoError(path + ": folder does not exist");
    return Status::IoError(path + ": folder " + folder.string() + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) return Status::IoError(path + ": " + folder.string() + " is not a folder");
  // SQLite creates its -wal and -shm files beside the database, so the folder must be writable too.
  if (access(folder.c_str(), W_OK | X_OK) != 0) return Status::IoError(path + ": folder is not writable");
  if (stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return Status::IoError(path + ": " + std::strerror(errno));
    *exists = false;
    return Status::Ok();
  }
  *exists = true;
  if (S_ISDIR(st.st_mode)) return Status::IoError(path + ": is a folder, not a file");
  if (access(path.c_str(), R_OK | W_OK) != 0) return Status::IoError(path + ": file is not writable");
  return Status::Ok();
}

constexpr const char* kDocumentColumns =
    "id, title, src_lang, tgt_lang, src_path, tgt_path, src_sha256, tgt_sha256, created_at, updated_at, "
    "version";

// Reads the kDocumentColumns starting at `first`.
TmDocument ReadDocument(const SqliteStatement& stmt, int first) {
  TmDocument d;
  std::string* fields[] = {&d.id,       &d.title,      &d.src_lang,   &d.tgt_lang,   &d.src_path,
                           &d.tgt_path, &d.src_sha256, &d.tgt_sha256, &d.created_at, &d.updated_at};
  for (int i = 0; i < 10; ++i) *fields[i] = stmt.ColumnText(first + i);
  d.version = stmt.ColumnInt64(first + 10);
  return d;
}

// Sentence texts as stored: a JSON array of strings, or NULL (bound as absent) when unknown.
void BindSentences(SqliteStatement* stmt, int index, const std::vector<std::string>& sentences) {
  if (!sentences.empty()) stmt->BindText(index, nlohmann::json(sentences).dump());
}

bool ParseSentences(const std::string& text, std::vector<std::string>* sentences) {
  sentences->clear();
  if (text.empty()) return true;  // NULL reads as ""
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return false;
  for (const auto& s : j) {
    if (!s.is_string()) return false;
    sentences->push_back(s.get<std::string>());
  }
  return true;
}

Status ValidateUnit(const std::string& label, const std::string& doc_id, const TmUnit& u) {
  auto where = [&] {
    return label + ": document '" + doc_id + "' unit at position " + std::to_string(u.position);
  };
  for (const auto* ids : {&u.src_ids, &u.tgt_ids}) {
    for (int id : *ids) {
      if (id < 0) return Status::InvalidInput(where() + " has a negative sentence id");
    }
  }
  if ((!u.src_sentences.empty() && u.src_sentences.size() != u.src_ids.size()) ||
      (!u.tgt_sentences.empty() && u.tgt_sentences.size() != u.tgt_ids.size())) {
    return Status::InvalidInput(where() + " has sentence texts that do not match its sentence ids");
  }
  return Status::Ok();
}

constexpr const char* kInsertUnit =
    "INSERT INTO units (doc_id, position, src_ids, tgt_ids, source, target, confidence, created_at,"
    " src_sentences, tgt_sentences, reviewed, segment_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "?11, ?12)";

// `pair_id` 0: not linked yet (the next Open links and indexes it).
Status InsertUnit(SqliteStatement* insert, const std::string& doc_id, int position, const TmUnit& u,
                  const std::string& now, int64_t pair_id) {
  insert->Reset();
  insert->BindText(1, doc_id);
  insert->BindInt64(2, position);
  insert->BindText(3, JoinIds(u.src_ids));
  insert->BindText(4, JoinIds(u.tgt_ids));
  insert->BindText(5, u.source);
  insert->BindText(6, u.target);
  insert->BindDouble(7, u.confidence);  // NaN binds as NULL and fails NOT NULL
  insert->BindText(8, now);
  BindSentences(insert, 9, u.src_sentences);
  BindSentences(insert, 10, u.tgt_sentences);
  insert->BindInt64(11, u.reviewed ? 1 : 0);
  if (pair_id > 0)
    insert->BindInt64(12, pair_id);
  else
    insert->BindNull(12);
  return insert->Run("document '" + doc_id + "' unit at position " + std::to_string(position));
}

}  // namespace

TranslationMemory::TranslationMemory(std::string path, std::unique_ptr<SqliteDb> db, int schema_version)
    : path_(std::move(path)), db_(std::move(db)), schema_version_(schema_version) {}

TranslationMemory::~TranslationMemory() = default;

Status TranslationMemory::OpenExisting(const std::string& path, std::unique_ptr<TranslationMemory>* out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound(path +
                            ": no such translation memory (create one with tmalign import or align --tm)");
  }
  return Open(path, out);
}

Status TranslationMemory::CheckWritable(const std::string& path) {
  bool exists = false;
  return CheckWritableImpl(path, &exists);
}

Status TranslationMemory::CreateForBulkLoad(const std::string& file, const std::string& label,
                                            std::unique_ptr<TranslationMemory>* out) {
  bool exists = false;
  TMALIGN_RETURN_IF_ERROR(CheckWritableImpl(file, &exists));
  if (exists) return Status::Internal(label + ": " + file + " exists already");
  std::unique_ptr<SqliteDb> db;
  TMALIGN_RETURN_IF_ERROR(SqliteDb::Open(
      SqliteFilename(file), SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_CREATE, label, &db));
  TMALIGN_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  TMALIGN_RETURN_IF_ERROR(db->Exec("PRAGMA page_size = 32768"));
  // Pages past the file's size at BEGIN are not journaled, so for a new file the journal
  // holds almost nothing; in memory it needs no file either. ROLLBACK (a failed row, a
  // refused commit) still works, unlike journal_mode OFF.
  TMALIGN_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode = MEMORY"));
  int version = 0;
  TMALIGN_RETURN_IF_ERROR(MigrateTmSchema(db.get(), &version));
  out->reset(new TranslationMemory(label, std::move(db), version));
  return Status::Ok();
}

Status TranslationMemory::EndBulkLoad() {
  SqliteStatement wal;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db_.get(), "PRAGMA journal_mode = WAL", &wal));
  bool has_row = false;
  TMALIGN_RETURN_IF_ERROR(wal.Step(&has_row));
  if (!has_row || wal.ColumnText(0) != "wal") {
    return Status::IoError(path_ + ": cannot switch to WAL journal mode (is it on a network file system?)");
  }
  return Status::Ok();
}

Status TranslationMemory::Open(const std::string& path, std::unique_ptr<TranslationMemory>* out) {
  bool exists = false;
  TMALIGN_RETURN_IF_ERROR(CheckWritableImpl(path, &exists));
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (exists ? 0 : SQLITE_OPEN_CREATE);
  std::unique_ptr<SqliteDb> db;
  TMALIGN_RETURN_IF_ERROR(SqliteDb::Open(SqliteFilename(path), flags, path, &db));
  // SQLite silently falls back to read-only when it cannot write (e.g. read-only mount).
  if (sqlite3_db_readonly(db->get(), "main") == 1) return Status::IoError(path + ": file is not writable");
  sqlite3_busy_timeout(db->get(), kTmBusyTimeoutMs);
  TMALIGN_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));

  // Identify before changing anything, so a foreign or newer file is left as it was. The
  // header reads share one read transaction: another process may be creating this TM, and
  // reads in separate snapshots could see its tables but not yet its application id.
  int version = 0;
  TMALIGN_RETURN_IF_ERROR(db->Exec("BEGIN"));
  Status identified = IdentifyTmSchema(db.get(), &version);
  Status ended = db->Exec("COMMIT");
  TMALIGN_RETURN_IF_ERROR(identified);
  TMALIGN_RETURN_IF_ERROR(ended);

  // Larger pages for a new file: 8x fewer page writes (WAL frames, checkpoint copies) and
  // B-tree levels for big imports.
  // Only settable before the first table exists (and before WAL), so older files keep theirs.
  if (!exists) TMALIGN_RETURN_IF_ERROR(db->Exec("PRAGMA page_size = 32768"));

  // WAL lets readers (concordance, review) work while an alignment is being stored.
  SqliteStatement wal;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db.get(), "PRAGMA journal_mode = WAL", &wal));
  bool has_row = false;
  // Switching a new file to WAL needs it to itself and does not wait on busy_timeout:
  // when another process is creating the same TM, retry for up to 5 s.
  for (int attempt = 0;; ++attempt) {
    Status s = wal.Step(&has_row);
    if (s.ok()) break;
    if ((sqlite3_errcode(db->get()) & 0xff) != SQLITE_BUSY || attempt >= 500) return s;
    wal.Reset();
    usleep(10000);
  }
  if (!has_row || wal.ColumnText(0) != "wal") {
    return Status::IoError(path + ": cannot switch to WAL journal mode (is it on a network file system?)");
  }
  wal = SqliteStatement();  // finalize before migrating

  TMALIGN_RETURN_IF_ERROR(MigrateTmSchema(db.get(), &version));
  int64_t pending = 0;
  TMALIGN_RETURN_IF_ERROR(
      db->QueryInt("SELECT EXISTS (SELECT 1 FROM units WHERE segment_id IS NULL)", &pending));
  if (pending != 0) {
    SqliteTransaction txn(db.get());
    TMALIGN_RETURN_IF_ERROR(txn.Begin());
    std::unique_ptr<PairIndexWriter> index;
    TMALIGN_RETURN_IF_ERROR(PairIndexWriter::Create(db.get(), &index));
    int64_t linked = 0;
    TMALIGN_RETURN_IF_ERROR(index->LinkPendingUnits(&linked));
    index.reset();
    TMALIGN_RETURN_IF_ERROR(txn.Commit());
  }
  out->reset(new TranslationMemory(path, std::move(db), version));
  return Status::Ok();
}

Status TranslationMemory::ReplaceDocument(const TmDocument& doc, const std::vector<TmUnit>& units) {
  if (doc.id.empty()) return Status::InvalidInput(path_ + ": document id is empty");
  for (const TmUnit& u : units) TMALIGN_RETURN_IF_ERROR(ValidateUnit(path_, doc.id, u));

  const std::string now = UtcNowIso8601();
  SqliteTransaction txn(db_.get());
  TMALIGN_RETURN_IF_ERROR(txn.Begin());

  // An UPDATE, not a delete-and-insert, keeps created_at and does not fire the cascade.
  SqliteStatement upsert;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db_.get(),
      "INSERT INTO documents (id, title, src_lang, tgt_lang, src_path, tgt_path, src_sha256, tgt_sha256,"
      " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)"
      " ON CONFLICT(id) DO UPDATE SET title = excluded.title, src_lang = excluded.src_lang,"
      " tgt_lang = excluded.tgt_lang, src_path = excluded.src_path, tgt_path = excluded.tgt_path,"
      " src_sha256 = excluded.src_sha256, tgt_sha256 = excluded.tgt_sha256,"
      " updated_at = excluded.updated_at, version = version + 1",
      &upsert));
  const std::string* fields[] = {&doc.id,       &doc.title,    &doc.src_lang,   &doc.tgt_lang,
                                 &doc.src_path, &doc.tgt_path, &doc.src_sha256, &doc.tgt_sha256};
  for (int i = 0; i < 8; ++i) upsert.BindText(i + 1, *fields[i]);
  upsert.BindText(9, now);
  TMALIGN_RETURN_IF_ERROR(upsert.Run());

  SqliteStatement erase;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db_.get(), "DELETE FROM units WHERE doc_id = ?1", &erase));
  erase.BindText(1, doc.id);
  TMALIGN_RETURN_IF_ERROR(erase.Run());

  SqliteStatement forget;
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db_.get(), "DELETE FROM edits WHERE doc_id = ?1", &forget));
  forget.BindText(1, doc.id);
  TMALIGN_RETURN_IF_ERROR(forget.Run());

  SqliteStatement insert;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db_.get(), kInsertUnit, &insert));
  std::unique_ptr<PairIndexWriter> index;
  TMALIGN_RETURN_IF_ERROR(PairIndexWriter::Create(db_.get(), &index));
  for (const TmUnit& u : units) {
    int64_t pair_id = 0;
    TMALIGN_RETURN_IF_ERROR(index->FindOrCreate(u.source, u.target, &pair_id));
    TMALIGN_RETURN_IF_ERROR(InsertUnit(&insert, doc.id, u.position, u, now, pair_id));
  }
  TMALIGN_RETURN_IF_ERROR(index->Flush());
  return txn.Commit();
}

Status TranslationMemory::ReplaceUnitRange(const std::string& doc_id, int first, int count,
                                           const std::vector<TmUnit>& units) {
  if (first < 0 || count < 0) return Status::InvalidInput(path_ + ": bad unit range");
  for (const TmUnit& u : units) TMALIGN_RETURN_IF_ERROR(ValidateUnit(path_, doc_id, u));
  SqliteStatement erase;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db_.get(), "DELETE FROM units WHERE doc_id = ?1 AND position >= ?2 AND position < ?3", &erase));
  erase.BindText(1, doc_id);
  erase.BindInt64(2, first);
  erase.BindInt64(3, static_cast<int64_t>(first) + count);
  TMALIGN_RETURN_IF_ERROR(erase.Run());

  const int64_t shift = static_cast<int64_t>(units.size()) - count;
  if (shift != 0) {
    // UNIQUE(doc_id, position) is checked row by row, so shift in two steps: first past
    // every position in use, then back down to the final place.
    int64_t top = 0;
    SqliteStatement max;
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
        db_.get(), "SELECT coalesce(max(position), 0) FROM units WHERE doc_id = ?1", &max));
    max.BindText(1, doc_id);
    bool has_row = false;
    TMALIGN_RETURN_IF_ERROR(max.Step(&has_row));
    if (has_row) top = max.ColumnInt64(0);
    const int64_t away = top + 1 + static_cast<int64_t>(units.size()) + count;
    SqliteStatement move;
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
        db_.get(), "UPDATE units SET position = position + ?3 WHERE doc_id = ?1 AND position >= ?2", &move));
    move.BindText(1, doc_id);
    move.BindInt64(2, static_cast<int64_t>(first) + count);
    move.BindInt64(3, away);
    TMALIGN_RETURN_IF_ERROR(move.Run());
    move.Reset();
    move.BindText(1, doc_id);
    move.BindInt64(2, away);
    move.BindInt64(3, shift - away);
    TMALIGN_RETURN_IF_ERROR(move.Run());
  }

  // Linked and indexed now, in the caller's transaction: left for the next Open, the units
  // would be missing from match and search until then, and that Open (a reader's, too)
  // would have to write.
  const std::string now = UtcNowIso8601();
  SqliteStatement insert;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db_.get(), kInsertUnit, &insert));
  std::unique_ptr<PairIndexWriter> index;
  TMALIGN_RETURN_IF_ERROR(PairIndexWriter::Create(db_.get(), &index));
  for (size_t i = 0; i < units.size(); ++i) {
    int64_t pair_id = 0;
    TMALIGN_RETURN_IF_ERROR(index->FindOrCreate(units[i].source, units[i].target, &pair_id));
    TMALIGN_RETURN_IF_ERROR(InsertUnit(&insert, doc_id, first + static_cast<int>(i), units[i], now, pair_id));
  }
  return index->Flush();
}

Status TranslationMemory::GetDocument(const std::string& id, TmDocument* doc, bool* found) {
  *found = false;
  SqliteStatement stmt;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db_.get(), std::string("SELECT ") + kDocumentColumns + " FROM documents WHERE id = ?1", &stmt));
  stmt.BindText(1, id);
  bool has_row = false;
  TMALIGN_RETURN_IF_ERROR(stmt.Step(&has_row));
  if (has_row) {
    *doc = ReadDocument(stmt, 0);
    *found = true;
  }
  return Status::Ok();
}

Status TranslationMemory::RequireDocument(const std::string& id, TmDocument* doc) {
  bool found = false;
  TMALIGN_RETURN_IF_ERROR(GetDocument(id, doc, &found));
  if (!found) return Status::NotFound(path_ + ": no document '" + id + "'");
  return Status::Ok();
}

Status TranslationMemory::BumpVersion(const std::string& id, int64_t* version) {
  SqliteStatement bump;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db_.get(),
      "UPDATE documents SET version = version + 1, updated_at = ?2 WHERE id = ?1 RETURNING version", &bump));
  bump.BindText(1, id);
  bump.BindText(2, UtcNowIso8601());
  bool has_row = false;
  TMALIGN_RETURN_IF_ERROR(bump.Step(&has_row));
  if (!has_row) return Status::NotFound(path_ + ": no document '" + id + "'");
  *version = bump.ColumnInt64(0);
  bump.Reset();
  return Status::Ok();
}

Status TranslationMemory::ListDocuments(std::vector<TmDocumentSummary>* docs) {
  docs->clear();
  SqliteStatement stmt;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db_.get(),
      std::string("SELECT (SELECT count(*) FROM units WHERE units.doc_id = documents.id), ") +
          kDocumentColumns + " FROM documents ORDER BY id",
      &stmt));
  bool has_row = false;
  while (true) {
    TMALIGN_RETURN_IF_ERROR(stmt.Step(&has_row));
    if (!has_row) break;
    TmDocumentSummary summary;
    summary.unit_count = static_cast<int>(stmt.ColumnInt64(0));
    summary.doc = ReadDocument(stmt, 1);
    docs->push_back(std::move(summary));
  }
  return Status::Ok();
}

Status TranslationMemory::GetUnits(const std::string& doc_id, std::vector<TmUnit>* units) {
  units->clear();
  SqliteStatement stmt;
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db_.get(),
                               "SELECT position, src_ids, tgt_ids, tm_text(source), tm_text(target), "
                               "confidence, src_sentences, tgt_sentences, reviewed"
                               " FROM units"
                               " WHERE doc_id = ?1 ORDER BY position",
                               &stmt));
  stmt.BindText(1, doc_id);
  bool has_row = false;
  while (true) {
    TMALIGN_RETURN_IF_ERROR(stmt.Step(&has_row));
    if (!has_row) break;
    TmUnit u;
    u.position = static_cast<int>(stmt.ColumnInt64(0));
    if (!ParseIds(stmt.ColumnText(1), &u.src_ids) || !ParseIds(stmt.ColumnText(2), &u.tgt_ids)) {
      return Status::InvalidInput(path_ + ": document '" + doc_id + "' unit at position " +
                                  std::to_string(u.position) + " has malformed sentence ids");
    }
    u.source = stmt.ColumnText(3);
    u.target = stmt.ColumnText(4);
    u.confidence = stmt.ColumnDouble(5);
    if (!ParseSentences(stmt.ColumnText(6), &u.src_sentences) ||
        !ParseSentences(stmt.ColumnText(7), &u.tgt_sentences) ||
        (!u.src_sentences.empty() && u.src_sentences.size() != u.src_ids.size()) ||
        (!u.tgt_sentences.empty() && u.tgt_sentences.size() != u.tgt_ids.size())) {
      return Status::InvalidInput(path_ + ": document '" + doc_id + "' unit at position " +
                                  std::to_string(u.position) + " has malformed sentence texts");
    }
    u.reviewed = stmt.ColumnInt64(8) != 0;
    units->push_back(std::move(u));
  }
  return Status::Ok();
}

Status TranslationMemory::ForEachUnitText(const std::string& doc_id,
                                          const std::function<bool(const TmUnitText&)>& fn) {
  SqliteStatement stmt;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db_.get(),
      doc_id.empty()
          ? "SELECT doc_id, position, tm_text(source), tm_text(target) FROM units ORDER BY doc_id, position"
          : "SELECT doc_id, position, tm_text(source), tm_text(target) FROM units WHERE doc_id = ?1"
            " ORDER BY position",
      &stmt));
  if (!doc_id.empty()) stmt.BindText(1, doc_id);
  bool has_row = false;
  while (true) {
    TMALIGN_RETURN_IF_ERROR(stmt.Step(&has_row, path_));
    if (!has_row) break;
    TmUnitText unit;
    unit.doc_id = stmt.ColumnBlob(0);
    unit.position = static_cast<int>(stmt.ColumnInt64(1));
    unit.source = stmt.ColumnBlob(2);
    unit.target = stmt.ColumnBlob(3);
    if (!fn(unit)) break;
  }
  return Status::Ok();
}

Status TranslationMemory::DeleteDocument(const std::string& id, bool* found) {
  *found = false;
  SqliteStatement stmt;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db_.get(), "DELETE FROM documents WHERE id = ?1", &stmt));
  stmt.BindText(1, id);
  TMALIGN_RETURN_IF_ERROR(stmt.Run());
  *found = sqlite3_changes(db_->get()) > 0;
  return Status::Ok();
}

namespace {

// Tables and indexes that exist only for matching and deduplication.
bool IsIndexCost(const std::string& name) {
  return name == "postings" || name == "segments" || name == "segments_hash" || name == "units_segment" ||
         name == "units_unlinked";
}

}  // namespace

Status TranslationMemory::GetStats(TmStats* stats) {
  *stats = TmStats();
  SqliteReadTransaction snapshot(db_.get());
  TMALIGN_RETURN_IF_ERROR(snapshot.Begin());
  int64_t page_count = 0, page_size = 0;
  for (auto [sql, out] : std::initializer_list<std::pair<const char*, int64_t*>>{
           {"SELECT count(*) FROM documents", &stats->documents},
           {"SELECT count(*) FROM units", &stats->units},
           {"SELECT count(*) FROM segments", &stats->pairs},
           {"SELECT count(*) FROM (SELECT segment_id FROM units WHERE segment_id IS NOT NULL"
            " GROUP BY segment_id HAVING count(*) > 1)",
            &stats->shared_pairs},
           {"SELECT coalesce(sum(n), 0) FROM postings", &stats->postings},
           {"PRAGMA page_count", &page_count},
           {"PRAGMA page_size", &page_size}}) {
    TMALIGN_RETURN_IF_ERROR(db_->QueryInt(sql, out));
  }
  stats->file_bytes = page_count * page_size;
  // Per-object sizes need the dbstat virtual table (compiled into Debian's SQLite).
  SqliteStatement objects;
  if (SqliteStatement::Prepare(db_.get(), "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY name",
                               &objects)
          .ok()) {
    bool has_row = false;
    while (true) {
      TMALIGN_RETURN_IF_ERROR(objects.Step(&has_row));
      if (!has_row) break;
      stats->objects.emplace_back(objects.ColumnText(0), objects.ColumnInt64(1));
      if (IsIndexCost(stats->objects.back().first)) stats->index_bytes += stats->objects.back().second;
    }
  }
  objects = SqliteStatement();
  return snapshot.End();
}

SqliteDb* TmConnection(TranslationMemory* tm) { return tm->db_.get(); }

TmSnapshot::TmSnapshot(TranslationMemory* tm) : txn_(new SqliteReadTransaction(TmConnection(tm))) {}
TmSnapshot::~TmSnapshot() = default;
Status TmSnapshot::Begin() { return txn_->Begin(); }
Status TmSnapshot::End() { return txn_->End(); }

TmTransaction::TmTransaction(TranslationMemory* tm) : txn_(new SqliteTransaction(TmConnection(tm))) {}
TmTransaction::~TmTransaction() = default;
Status TmTransaction::Begin() { return txn_->Begin(); }
Status TmTransaction::Commit() { return txn_->Commit(); }

std::string DefaultTmPath() {
  const char* env = std::getenv("TMALIGN_TM");
  if (env != nullptr && *env != '\0') return env;
  return "tm.sqlite";
}

void TranslationMemory::RefuseCommitsWhen(bool (*refuse)()) {
  refuse_commit_ = refuse;
  // SQLite turns a COMMIT into a ROLLBACK when the commit hook returns non-zero.
  if (refuse == nullptr) {
    sqlite3_commit_hook(db_->get(), nullptr, nullptr);
    return;
  }
  sqlite3_commit_hook(
      db_->get(),
      [](void* self) -> int { return static_cast<TranslationMemory*>(self)->refuse_commit_() ? 1 : 0; },
      this);
}

}  // namespace tmalign
