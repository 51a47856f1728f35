// The undo journal of review edits (table `edits`): TranslationMemory's AppendEdit,
// LastEdit, RemoveEdit and CountEdits. The replaced units are kept as a JSON array.
#include <nlohmann/json.hpp>

#include "tm/sqlite_handle.h"
#include "tm/tm_connection.h"
#include "tm/translation_memory.h"
#include "util/utc_time.h"

namespace tmalign {
namespace {

nlohmann::json UnitToJson(const TmUnit& u) {
  return {{"src_ids", u.src_ids},
          {"tgt_ids", u.tgt_ids},
          {"source", u.source},
          {"target", u.target},
          {"confidence", u.confidence},
          {"src_sentences", u.src_sentences},
          {"tgt_sentences", u.tgt_sentences},
          {"reviewed", u.reviewed}};
}

bool UnitFromJson(const nlohmann::json& j, TmUnit* u) {
  try {
    u->src_ids = j.at("src_ids").get<std::vector<int>>();
    u->tgt_ids = j.at("tgt_ids").get<std::vector<int>>();
    u->source = j.at("source").get<std::string>();
    u->target = j.at("target").get<std::string>();
    u->confidence = j.at("confidence").get<double>();
    u->src_sentences = j.at("src_sentences").get<std::vector<std::string>>();
    u->tgt_sentences = j.at("tgt_sentences").get<std::vector<std::string>>();
    u->reviewed = j.at("reviewed").get<bool>();
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  return true;
}

}  // namespace

Status TranslationMemory::AppendEdit(const std::string& doc_id, const TmEdit& edit, int depth) {
  SqliteDb* db = TmConnection(this);
  nlohmann::json before = nlohmann::json::array();
  for (const TmUnit& u : edit.before) before.push_back(UnitToJson(u));
  SqliteStatement journal;
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db,
                               "INSERT INTO edits (doc_id, kind, first, new_count, before_units, created_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               &journal));
  journal.BindText(1, doc_id);
  journal.BindText(2, edit.kind);
  journal.BindInt64(3, edit.first);
  journal.BindInt64(4, edit.new_count);
  journal.BindText(5, before.dump());
  journal.BindText(6, UtcNowIso8601());
  TMALIGN_RETURN_IF_ERROR(journal.Run("journal"));
  SqliteStatement trim;
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db,
                               "DELETE FROM edits WHERE doc_id = ?1 AND id NOT IN"
                               " (SELECT id FROM edits WHERE doc_id = ?1 ORDER BY id DESC LIMIT ?2)",
                               &trim));
  trim.BindText(1, doc_id);
  trim.BindInt64(2, depth);
  return trim.Run("journal");
}

Status TranslationMemory::LastEdit(const std::string& doc_id, TmEdit* edit, bool* found) {
  *found = false;
  SqliteStatement last;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      TmConnection(this),
      "SELECT id, kind, first, new_count, before_units FROM edits WHERE doc_id = ?1 ORDER BY id DESC LIMIT 1",
      &last));
  last.BindText(1, doc_id);
  bool has_row = false;
  TMALIGN_RETURN_IF_ERROR(last.Step(&has_row));
  if (!has_row) return Status::Ok();
  *edit = TmEdit();
  edit->id = last.ColumnInt64(0);
  edit->kind = last.ColumnText(1);
  edit->first = static_cast<int>(last.ColumnInt64(2));
  edit->new_count = static_cast<int>(last.ColumnInt64(3));
  nlohmann::json before = nlohmann::json::parse(last.ColumnText(4), nullptr, /*allow_exceptions=*/false);
  bool ok = before.is_array();
  for (size_t k = 0; ok && k < before.size(); ++k) {
    TmUnit u;
    ok = UnitFromJson(before[k], &u);
    edit->before.push_back(std::move(u));
  }
  if (!ok)
    return Status::InvalidInput(path_ + ": edit journal entry " + std::to_string(edit->id) + " is malformed");
  *found = true;
  return Status::Ok();
}

Status TranslationMemory::RemoveEdit(int64_t edit_id) {
  SqliteStatement erase;
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(TmConnection(this), "DELETE FROM edits WHERE id = ?1", &erase));
  erase.BindInt64(1, edit_id);
  return erase.Run();
}

Status TranslationMemory::CountEdits(const std::string& doc_id, int* count) {
  SqliteStatement stmt;
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(TmConnection(this), "SELECT count(*) FROM edits WHERE doc_id = ?1", &stmt));
  stmt.BindText(1, doc_id);
  bool has_row = false;
  TMALIGN_RETURN_IF_ERROR(stmt.Step(&has_row));
  *count = has_row ? static_cast<int>(stmt.ColumnInt64(0)) : 0;
  return Status::Ok();
}

}  // namespace tmalign
