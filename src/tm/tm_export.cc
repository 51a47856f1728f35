#include "tm/tm_export.h"

#include <nlohmann/json.hpp>

#include "tm/sqlite_handle.h"
#include "tm/tm_connection.h"
#include "util/xml_escape.h"

namespace tmalign {
namespace {

// "2024-05-01T12:00:00Z" -> "20240501T120000Z" (TMX date); "" when not in that form.
std::string TmxDate(const std::string& iso) {
  if (iso.size() != 20 || iso[4] != '-' || iso[10] != 'T' || iso[19] != 'Z') return "";
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "T" + iso.substr(11, 2) + iso.substr(14, 2) +
         iso.substr(17, 2) + "Z";
}

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

void Prop(std::ostream& out, const std::string& type, const std::string& value) {
  out << "      <prop type=\"" << XmlEscape(type) << "\">" << XmlEscape(value) << "</prop>\n";
}

}  // namespace

Status ExportTm(TranslationMemory* tm, const TmExportOptions& options, std::ostream& out, int64_t* units) {
  *units = 0;
  SqliteDb* db = TmConnection(tm);
  // One read transaction, so the export is a consistent snapshot while others write.
  SqliteReadTransaction snapshot(db);
  TMALIGN_RETURN_IF_ERROR(snapshot.Begin());

  std::string src_lang = "zh-CN";
  if (options.format == TmExportFormat::kTmx) {
    SqliteStatement langs;
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db,
        "SELECT DISTINCT src_lang FROM documents WHERE src_lang != '' AND (?1 = '' OR id = ?1)", &langs));
    langs.BindText(1, options.doc_id);
    bool has_row = false;
    int distinct = 0;
    while (true) {
      TMALIGN_RETURN_IF_ERROR(langs.Step(&has_row));
      if (!has_row) break;
      if (distinct++ == 0) src_lang = langs.ColumnText(0);
    }
    if (distinct > 1) src_lang = "*all*";
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<tmx version=\"1.4\">\n"
        << "  <header creationtool=\"tmalign\" creationtoolversion=\"" TMALIGN_VERSION "\" datatype=\"plaintext\""
        << " segtype=\"sentence\" adminlang=\"en\" srclang=\"" << XmlEscape(src_lang) << "\" o-tmf=\"tmalign\"/>\n"
        << "  <body>\n";
  }

  SqliteStatement stmt;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db,
      "SELECT u.doc_id, u.position, u.src_ids, u.tgt_ids, u.source, u.target, u.confidence, u.created_at,"
      " u.changed_at, u.source_markup, u.target_markup, u.props, d.src_lang, d.tgt_lang"
      " FROM units u JOIN documents d ON d.id = u.doc_id WHERE ?1 = '' OR u.doc_id = ?1"
      " ORDER BY u.doc_id, u.position",
      &stmt));
  stmt.BindText(1, options.doc_id);
  bool has_row = false;
  while (true) {
    TMALIGN_RETURN_IF_ERROR(stmt.Step(&has_row));
    if (!has_row) break;
    ++*units;
    if (options.format == TmExportFormat::kTsv) {
      out << Flatten(stmt.ColumnText(4)) << '\t' << Flatten(stmt.ColumnText(5)) << '\n';
      continue;
    }
    const std::string created = stmt.ColumnText(7);
    const std::string changed = stmt.ColumnText(8);
    out << "    <tu";
    if (!TmxDate(created).empty()) out << " creationdate=\"" << TmxDate(created) << "\"";
    if (!TmxDate(changed).empty()) out << " changedate=\"" << TmxDate(changed) << "\"";
    out << ">\n";
    Prop(out, "x-tmalign-doc", stmt.ColumnText(0));
    Prop(out, "x-tmalign-position", std::to_string(stmt.ColumnInt64(1)));
    if (!stmt.ColumnText(2).empty()) Prop(out, "x-tmalign-src-ids", stmt.ColumnText(2));
    if (!stmt.ColumnText(3).empty()) Prop(out, "x-tmalign-tgt-ids", stmt.ColumnText(3));
    Prop(out, "x-tmalign-confidence", FormatConfidence(stmt.ColumnDouble(6)));
    Prop(out, "x-tmalign-created", created);
    if (!changed.empty()) Prop(out, "x-tmalign-changed", changed);
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
            Prop(out, type, p[1].get<std::string>());
          }
        }
      }
    }
    if (langs[0].empty()) langs[0] = "zh-CN";
    if (langs[1].empty()) langs[1] = "en";
    for (int side = 0; side < 2; ++side) {
      out << "      <tuv xml:lang=\"" << XmlEscape(langs[side]) << "\"><seg>";
      // Stored markup was re-serialized by tmalign on import (escaped text, known elements).
      if (!stmt.ColumnIsNull(9 + side)) {
        out << stmt.ColumnText(9 + side);
      } else {
        out << XmlEscape(stmt.ColumnText(4 + side));
      }
      out << "</seg></tuv>\n";
    }
    out << "    </tu>\n";
  }
  if (options.format == TmExportFormat::kTmx) out << "  </body>\n</tmx>\n";
  if (!out) return Status::IoError("write error");
  return Status::Ok();
}

}  // namespace tmalign
