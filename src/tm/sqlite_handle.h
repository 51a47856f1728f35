// Thin RAII wrappers over the SQLite C API: a connection, a prepared
// statement and an IMMEDIATE transaction. Every error is one line that starts
// with the connection's label (the TM path), so callers can print it as is.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "util/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tmalign {

class UnitTextDictionaries;  // tm/unit_text.h

// Owns one sqlite3 connection; closed in the destructor.
class SqliteDb {
 public:
  // Opens `filename` with sqlite3_open_v2 `flags`; errors are prefixed with `label`. The
  // connection has SQL function tm_text() (tm/unit_text.h).
  static Status Open(const std::string& filename, int flags, const std::string& label,
                     std::unique_ptr<SqliteDb>* out);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  sqlite3* get() const { return db_; }
  const std::string& label() const { return label_; }
  // The unit text dictionaries this connection has read (tm/unit_text.h).
  UnitTextDictionaries* unit_text_dictionaries() { return unit_text_dictionaries_.get(); }

  // Runs constant SQL (DDL, PRAGMA, BEGIN/COMMIT); user data must go through SqliteStatement.
  Status Exec(const std::string& sql);
  // Runs a constant single-value query such as "PRAGMA user_version" into *value.
  Status QueryInt(const char* sql, int64_t* value);
  // Error for result code `rc`: "label: context: sqlite message" (context may be empty).
  Status Error(int rc, std::string_view context) const;

 private:
  SqliteDb(sqlite3* db, std::string label);
  sqlite3* db_;
  std::string label_;
  std::unique_ptr<UnitTextDictionaries> unit_text_dictionaries_;
};

// Owns one prepared statement; finalized in the destructor. Bind indexes are 1-based,
// column indexes 0-based, as in the C API.
class SqliteStatement {
 public:
  SqliteStatement() = default;
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;

  // Compiles `sql` (exactly one statement) against `db`.
  static Status Prepare(SqliteDb* db, std::string_view sql, SqliteStatement* out);

  // Binding never fails here; a bind error is remembered and reported by the next Step().
  void BindText(int index, std::string_view value);
  void BindInt64(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindBlob(int index, std::string_view value);
  void BindNull(int index);
  // Same as BindText/BindBlob without SQLite's copy of the bytes (a malloc and a memcpy a
  // value): `value` must stay valid until the statement's next Reset() or destruction.
  void BindTextNoCopy(int index, std::string_view value);
  void BindBlobNoCopy(int index, std::string_view value);

  // Advances one step; *has_row is true while a result row is available. `context`
  // goes into the error message ("label: context: sqlite message").
  Status Step(bool* has_row, std::string_view context = {});
  // Steps a statement that returns no rows (INSERT/UPDATE/DELETE) to completion.
  Status Run(std::string_view context = {});
  // Makes the statement reusable with fresh bindings.
  void Reset();

  std::string ColumnText(int column) const;
  int64_t ColumnInt64(int column) const;
  double ColumnDouble(int column) const;
  bool ColumnIsNull(int column) const;
  // Valid until the next Step, Reset or destruction.
  std::string_view ColumnBlob(int column) const;

 private:
  void NoteBind(int rc);
  SqliteDb* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_rc_ = 0;  // first failing sqlite3_bind_* result, 0 (SQLITE_OK) if none
};

// A read transaction (deferred BEGIN): every statement run on the connection until End() (or
// destruction) reads the one snapshot taken at its first read, whatever other connections
// commit meanwhile (WAL). Inside a transaction the connection already has, it joins that
// one and does nothing. Keep it short (one query, one request): the WAL cannot be
// checkpointed past the oldest snapshot still open.
class SqliteReadTransaction {
 public:
  explicit SqliteReadTransaction(SqliteDb* db) : db_(db) {}
  ~SqliteReadTransaction();
  SqliteReadTransaction(const SqliteReadTransaction&) = delete;
  SqliteReadTransaction& operator=(const SqliteReadTransaction&) = delete;

  Status Begin();
  // Ends it (releases the snapshot); Ok if it was never begun or was joined.
  Status End();

 private:
  SqliteDb* db_;
  bool open_ = false;
};

// BEGIN IMMEDIATE (takes the write lock up front, so concurrent writers wait on
// busy_timeout instead of deadlocking); rolls back in the destructor unless committed.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(SqliteDb* db) : db_(db) {}
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

  Status Begin();
  Status Commit();

 private:
  SqliteDb* db_;
  bool open_ = false;
};

}  // namespace tmalign
