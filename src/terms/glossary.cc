#include "terms/glossary.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "text/line_reader.h"
#include "text/normalize.h"

namespace tmalign {

namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::string Location(const std::string& name, int line) { return name + ":" + std::to_string(line); }

std::string SanitizeTsvField(const std::string& s) {
  std::string r = s;
  for (char& c : r) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return r;
}

std::string JoinAlternatives(const std::vector<std::string>& v) {
  std::string r;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) r += '|';
    r += SanitizeTsvField(v[i]);
  }
  return r;
}

}  // namespace

bool ParseCaseFlag(std::string_view value, bool* out) {
  const std::string v = Lower(Trim(value));
  if (v.empty() || v == "no" || v == "false" || v == "0") {
    *out = false;
    return true;
  }
  if (v == "yes" || v == "true" || v == "1") {
    *out = true;
    return true;
  }
  return false;
}

std::vector<std::string> SplitAlternatives(std::string_view value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t bar = value.find('|', start);
    if (bar == std::string_view::npos) bar = value.size();
    std::string item = Trim(value.substr(start, bar - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = bar + 1;
  }
  return out;
}

Status ReadFileToString(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read error");
  *out = ss.str();
  return Status::Ok();
}

Status ValidateUtf8(std::string_view text, const std::string& name) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int line = 1;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      return Status::InvalidInput(name + ": invalid UTF-8 at byte offset " + std::to_string(start) +
                                  " (line " + std::to_string(line) + ")");
    }
    if (c == '\n') ++line;
  }
  return Status::Ok();
}

Status Glossary::Add(TermEntry entry) {
  const std::string where = Location(entry.file, entry.line);
  entry.zh = Trim(entry.zh);
  entry.en = Trim(entry.en);
  if (entry.zh.empty()) return Status::InvalidInput(where + ": empty zh term");
  if (entry.en.empty()) return Status::InvalidInput(where + ": term '" + entry.zh + "' has no en rendering");
  const std::string key = MatchNormalizer::Shared().Normalize(entry.zh);
  auto [it, inserted] = by_normalized_zh_.emplace(key, entries_.size());
  if (!inserted) {
    const TermEntry& e = entries_[it->second];
    return Status::InvalidInput(where + ": duplicate term '" + entry.zh + "' (first defined at " +
                                Location(e.file, e.line) + ")");
  }
  entries_.push_back(std::move(entry));
  return Status::Ok();
}

Status Glossary::ParseRows(const std::vector<std::vector<std::string>>& rows, const std::vector<int>& lines,
                           const std::string& name) {
  if (rows.empty())
    return Status::InvalidInput(name + ": empty glossary (a header row zh, en, ... is required)");
  const std::vector<std::string>& header = rows[0];
  int col_zh = -1, col_en = -1, col_var = -1, col_forb = -1, col_case = -1, col_note = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = Lower(Trim(header[i]));
    if (i == 0 && h.rfind("\xEF\xBB\xBF", 0) == 0) h = h.substr(3);  // BOM
    int* slot = h == "zh"          ? &col_zh
                : h == "en"        ? &col_en
                : h == "variants"  ? &col_var
                : h == "forbidden" ? &col_forb
                : h == "case"      ? &col_case
                : h == "note"      ? &col_note
                                   : nullptr;
    if (slot == nullptr) {
      return Status::InvalidInput(Location(name, lines[0]) + ": unknown column '" + Trim(header[i]) +
                                  "' (expected zh, en, variants, forbidden, case, note)");
    }
    if (*slot >= 0) return Status::InvalidInput(Location(name, lines[0]) + ": duplicate column '" + h + "'");
    *slot = static_cast<int>(i);
  }
  if (col_zh < 0 || col_en < 0) {
    return Status::InvalidInput(Location(name, lines[0]) + ": header must name the columns zh and en");
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const std::string where = Location(name, lines[r]);
    if (row.size() != header.size()) {
      return Status::InvalidInput(where + ": expected " + std::to_string(header.size()) + " fields, found " +
                                  std::to_string(row.size()));
    }
    auto field = [&](int col) { return col >= 0 ? row[static_cast<size_t>(col)] : std::string(); };
    TermEntry e;
    e.zh = field(col_zh);
    e.en = field(col_en);
    e.variants = SplitAlternatives(field(col_var));
    e.forbidden = SplitAlternatives(field(col_forb));
    if (!ParseCaseFlag(field(col_case), &e.case_sensitive)) {
      return Status::InvalidInput(where + ": invalid case value '" + field(col_case) +
                                  "' (use yes/no, true/false, 1/0 or leave empty)");
    }
    e.note = Trim(field(col_note));
    e.file = name;
    e.line = lines[r];
    TMALIGN_RETURN_IF_ERROR(Add(std::move(e)));
  }
  return Status::Ok();
}

Status Glossary::ParseTsv(std::string_view text, const std::string& name) {
  TMALIGN_RETURN_IF_ERROR(ValidateUtf8(text, name));
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  LineReader reader(text);
  std::string_view line;
  while (reader.Next(&line)) {
    const int line_no = reader.line_number();
    if (Trim(line).empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields.emplace_back(
          line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
    lines.push_back(line_no);
  }
  return ParseRows(rows, lines, name);
}

Status Glossary::ParseCsv(std::string_view text, const std::string& name) {
  TMALIGN_RETURN_IF_ERROR(ValidateUtf8(text, name));
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  int line_no = 1;
  size_t i = 0;
  while (i < text.size()) {
    const int row_line = line_no;
    std::vector<std::string> fields;
    std::string field;
    bool quoted_any = false;
    while (true) {
      if (i < text.size() && text[i] == '"' && field.empty()) {
        quoted_any = true;
        ++i;
        while (true) {
          if (i >= text.size())
            return Status::InvalidInput(Location(name, row_line) + ": unterminated quoted field");
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line_no;
          field += text[i++];
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          return Status::InvalidInput(Location(name, line_no) + ": unexpected character after closing quote");
        }
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n') {
        if (text[i] != '\r') field += text[i];
        ++i;
      }
      fields.push_back(std::move(field));
      field.clear();
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    if (i < text.size() && text[i] == '\n') {
      ++i;
      ++line_no;
    }
    const bool blank = !quoted_any && fields.size() == 1 && Trim(fields[0]).empty();
    const bool comment = !quoted_any && !fields.empty() && !fields[0].empty() && fields[0][0] == '#';
    if (blank || comment) continue;
    rows.push_back(std::move(fields));
    lines.push_back(row_line);
  }
  return ParseRows(rows, lines, name);
}

Status Glossary::LoadTsv(const std::string& path) {
  std::string text;
  TMALIGN_RETURN_IF_ERROR(ReadFileToString(path, &text));
  return ParseTsv(text, path);
}

Status Glossary::LoadCsv(const std::string& path) {
  std::string text;
  TMALIGN_RETURN_IF_ERROR(ReadFileToString(path, &text));
  return ParseCsv(text, path);
}

std::string Glossary::ToTsv() const {
  std::string out = "zh\ten\tvariants\tforbidden\tcase\tnote\n";
  for (const TermEntry& e : entries_) {
    out += SanitizeTsvField(e.zh) + '\t' + SanitizeTsvField(e.en) + '\t' + JoinAlternatives(e.variants) +
           '\t' + JoinAlternatives(e.forbidden) + '\t' + (e.case_sensitive ? "yes" : "no") + '\t' +
           SanitizeTsvField(e.note) + '\n';
  }
  return out;
}

}  // namespace tmalign
