#include "tm/sqlite_handle.h"

#include <sqlite3.h>

#include <utility>

#include "tm/unit_text.h"

namespace tmalign {

Status SqliteDb::Open(const std::string& filename, int flags, const std::string& label,
                      std::unique_ptr<SqliteDb>* out) {
  // Memory statistics take a global mutex on every SQLite allocation (all threads' connections
  // share it) and nothing here reads them. Only settable before SQLite initializes itself, so
  // once, before the first open.
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)configured;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(filename.c_str(), &raw, flags, nullptr);
  // sqlite3_open_v2 may hand back a handle even on failure; it must still be closed.
  std::unique_ptr<SqliteDb> db(new SqliteDb(raw, label));
  if (rc != SQLITE_OK) {
    if (raw == nullptr) return Status::IoError(label + ": " + sqlite3_errstr(rc));
    return db->Error(rc, "cannot open");
  }
  TMALIGN_RETURN_IF_ERROR(RegisterUnitTextFunction(db.get()));
  *out = std::move(db);
  return Status::Ok();
}

SqliteDb::SqliteDb(sqlite3* db, std::string label)
    : db_(db), label_(std::move(label)), unit_text_dictionaries_(std::make_unique<UnitTextDictionaries>()) {}

SqliteDb::~SqliteDb() {
  unit_text_dictionaries_.reset();
  sqlite3_close_v2(db_);
}

Status SqliteDb::Exec(const std::string& sql) {
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : Error(rc, "");
}

Status SqliteDb::QueryInt(const char* sql, int64_t* value) {
  SqliteStatement stmt;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(this, sql, &stmt));
  bool has_row = false;
  TMALIGN_RETURN_IF_ERROR(stmt.Step(&has_row));
  if (!has_row) return Status::Internal(label_ + ": no result for " + sql);
  *value = stmt.ColumnInt64(0);
  return Status::Ok();
}

Status SqliteDb::Error(int rc, std::string_view context) const {
  std::string msg = label_ + ": ";
  if (!context.empty()) msg.append(context).append(": ");
  // The connection's message is more specific (names the failed constraint) when it
  // belongs to this error; otherwise fall back to the generic text for the code.
  int primary = rc & 0xff;
  if (db_ != nullptr && (sqlite3_errcode(db_) & 0xff) == primary) {
    msg += sqlite3_errmsg(db_);
  } else {
    msg += sqlite3_errstr(rc);
  }
  if (primary == SQLITE_CONSTRAINT || primary == SQLITE_TOOBIG || primary == SQLITE_MISMATCH) {
    return Status::InvalidInput(std::move(msg));
  }
  if (primary == SQLITE_MISUSE || primary == SQLITE_RANGE || primary == SQLITE_INTERNAL) {
    return Status::Internal(std::move(msg));
  }
  return Status::IoError(std::move(msg));
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      bind_rc_(std::exchange(other.bind_rc_, SQLITE_OK)) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_rc_ = std::exchange(other.bind_rc_, SQLITE_OK);
  }
  return *this;
}

Status SqliteStatement::Prepare(SqliteDb* db, std::string_view sql, SqliteStatement* out) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db->get(), sql.data(), static_cast<int>(sql.size()), &raw, &tail);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(raw);
    return db->Error(rc, "");
  }
  SqliteStatement stmt;
  stmt.db_ = db;
  stmt.stmt_ = raw;
  *out = std::move(stmt);
  return Status::Ok();
}

void SqliteStatement::NoteBind(int rc) {
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void SqliteStatement::BindText(int index, std::string_view value) {
  // SQLITE_TRANSIENT: SQLite copies the bytes, so `value` need not outlive the call.
  NoteBind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void SqliteStatement::BindInt64(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value));
}

void SqliteStatement::BindBlob(int index, std::string_view value) {
  NoteBind(sqlite3_bind_blob64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT));
}

void SqliteStatement::BindTextNoCopy(int index, std::string_view value) {
  NoteBind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8));
}

void SqliteStatement::BindBlobNoCopy(int index, std::string_view value) {
  NoteBind(sqlite3_bind_blob64(stmt_, index, value.data(), value.size(), SQLITE_STATIC));
}

void SqliteStatement::BindNull(int index) { NoteBind(sqlite3_bind_null(stmt_, index)); }

void SqliteStatement::BindDouble(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value));
}

Status SqliteStatement::Step(bool* has_row, std::string_view context) {
  *has_row = false;
  if (bind_rc_ != SQLITE_OK) return db_->Error(bind_rc_, context);
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    *has_row = true;
    return Status::Ok();
  }
  if (rc == SQLITE_DONE) return Status::Ok();
  return db_->Error(rc, context);
}

Status SqliteStatement::Run(std::string_view context) {
  bool has_row = false;
  TMALIGN_RETURN_IF_ERROR(Step(&has_row, context));
  if (has_row) return Status::Internal(db_->label() + ": statement unexpectedly returned rows");
  return Status::Ok();
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_rc_ = SQLITE_OK;
}

std::string SqliteStatement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return std::string();
  // Length after column_text, as the docs require, so embedded NULs survive.
  int size = sqlite3_column_bytes(stmt_, column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
}

int64_t SqliteStatement::ColumnInt64(int column) const { return sqlite3_column_int64(stmt_, column); }

bool SqliteStatement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string_view SqliteStatement::ColumnBlob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (data == nullptr) return {};
  return std::string_view(static_cast<const char*>(data),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

double SqliteStatement::ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }

SqliteReadTransaction::~SqliteReadTransaction() {
  // A read transaction has nothing to roll back; ending it only releases the snapshot.
  if (open_) sqlite3_exec(db_->get(), "COMMIT", nullptr, nullptr, nullptr);
}

Status SqliteReadTransaction::Begin() {
  if (open_ || sqlite3_get_autocommit(db_->get()) == 0) return Status::Ok();  // joined
  TMALIGN_RETURN_IF_ERROR(db_->Exec("BEGIN DEFERRED"));
  open_ = true;
  return Status::Ok();
}

Status SqliteReadTransaction::End() {
  if (!open_) return Status::Ok();
  open_ = false;
  return db_->Exec("COMMIT");
}

SqliteTransaction::~SqliteTransaction() {
  // Rollback failure leaves nothing to do: SQLite rolls back on close anyway.
  if (open_) sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Status SqliteTransaction::Begin() {
  TMALIGN_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  open_ = true;
  return Status::Ok();
}

Status SqliteTransaction::Commit() {
  TMALIGN_RETURN_IF_ERROR(db_->Exec("COMMIT"));
  open_ = false;
  return Status::Ok();
}

}  // namespace tmalign
