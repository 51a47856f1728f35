#include "tm/tm_export.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "tm/sqlite_handle.h"
#include "tm/tm_connection.h"
#include "tm/tmx_writer.h"

namespace tmalign {
namespace {

std::string Flatten(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string FormatConfidence(double c) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.6g", c);
  return buf;
}

}  // namespace

Status ExportTm(TranslationMemory* tm, const TmExportOptions& options, std::ostream& out, int64_t* units) {
  *units = 0;
  SqliteDb* db = TmConnection(tm);
  // One read transaction, so the export is a consistent snapshot while others write.
  SqliteReadTransaction snapshot(db);
  TMALIGN_RETURN_IF_ERROR(snapshot.Begin());

  std::string src_lang = "zh-CN";
  std::optional<TmxWriter> tmx;
  if (options.format == TmExportFormat::kTmx) {
    SqliteStatement langs;
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
        db, "SELECT DISTINCT src_lang FROM documents WHERE src_lang != '' AND (?1 = '' OR id = ?1)", &langs));
    langs.BindText(1, options.doc_id);
    bool has_row = false;
    int distinct = 0;
    while (true) {
      TMALIGN_RETURN_IF_ERROR(langs.Step(&has_row));
      if (!has_row) break;
      if (distinct++ == 0) src_lang = langs.ColumnText(0);
    }
    if (distinct > 1) src_lang = "*all*";
    tmx.emplace(out, TmxHeader{src_lang, TMALIGN_VERSION});
  }

  SqliteStatement stmt;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db,
      "SELECT u.doc_id, u.position, u.src_ids, u.tgt_ids, tm_text(u.source), tm_text(u.target), u.confidence,"
      " CASE WHEN u.created_at = '' THEN coalesce(d.imported_at, '') ELSE u.created_at END,"
      " u.changed_at, u.source_markup, u.target_markup, u.props, d.src_lang, d.tgt_lang"
      " FROM units u JOIN documents d ON d.id = u.doc_id WHERE ?1 = '' OR u.doc_id = ?1"
      " ORDER BY u.doc_id, u.position",
      &stmt));
  stmt.BindText(1, options.doc_id);
  TmxUnit unit;
  bool has_row = false;
  while (true) {
    TMALIGN_RETURN_IF_ERROR(stmt.Step(&has_row));
    if (!has_row) break;
    ++*units;
    if (options.format == TmExportFormat::kTsv) {
      out << Flatten(stmt.ColumnText(4)) << '\t' << Flatten(stmt.ColumnText(5)) << '\n';
      continue;
    }
    // One unit for all rows: its vectors keep their capacity.
    unit.created_at = stmt.ColumnText(7);
    unit.changed_at = stmt.ColumnText(8);
    unit.props.clear();
    unit.props.emplace_back("x-tmalign-doc", stmt.ColumnText(0));
    unit.props.emplace_back("x-tmalign-position", std::to_string(stmt.ColumnInt64(1)));
    if (!stmt.ColumnText(2).empty()) unit.props.emplace_back("x-tmalign-src-ids", stmt.ColumnText(2));
    if (!stmt.ColumnText(3).empty()) unit.props.emplace_back("x-tmalign-tgt-ids", stmt.ColumnText(3));
    unit.props.emplace_back("x-tmalign-confidence", FormatConfidence(stmt.ColumnDouble(6)));
    unit.props.emplace_back("x-tmalign-created", unit.created_at);
    if (!unit.changed_at.empty()) unit.props.emplace_back("x-tmalign-changed", unit.changed_at);
    std::string langs[2] = {stmt.ColumnText(12), stmt.ColumnText(13)};
    if (!stmt.ColumnIsNull(11)) {
      nlohmann::json props = nlohmann::json::parse(stmt.ColumnText(11), nullptr, false);
      if (props.is_array()) {
        for (const auto& p : props) {
          if (!p.is_array() || p.size() != 2 || !p[0].is_string() || !p[1].is_string()) continue;
          const std::string type = p[0].get<std::string>();
          // Types starting with NUL are the unit's own variant languages (see tm_import.cc).
          if (type == std::string("\0src-lang", 9)) {
            langs[0] = p[1].get<std::string>();
          } else if (type == std::string("\0tgt-lang", 9)) {
            langs[1] = p[1].get<std::string>();
          } else {
            unit.props.emplace_back(type, p[1].get<std::string>());
          }
        }
      }
    }
    if (langs[0].empty()) langs[0] = "zh-CN";
    if (langs[1].empty()) langs[1] = "en";
    unit.variants.resize(2);
    for (int side = 0; side < 2; ++side) {
      TmxVariant& v = unit.variants[side];
      v.lang = std::move(langs[side]);
      v.text = stmt.ColumnText(4 + side);
      // Stored markup was re-serialized by tm/tmx_reader on import (escaped text, elements).
      if (stmt.ColumnIsNull(9 + side)) {
        v.markup.reset();
      } else {
        v.markup = stmt.ColumnText(9 + side);
      }
    }
    tmx->Write(unit);
  }
  if (tmx) tmx->Finish();
  if (!out) return Status::IoError("write error");
  return Status::Ok();
}

}  // namespace tmalign
