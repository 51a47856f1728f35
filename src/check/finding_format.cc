#include "check/finding_format.h"

#include <nlohmann/json.hpp>

namespace tmalign {

namespace {

std::string Loc(const TextLocation& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

std::string Q(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

std::string FormatFindingsText(const std::vector<Finding>& findings, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* red = color ? "\033[1;31m" : "";
  const char* yellow = color ? "\033[1;33m" : "";
  const char* reset = color ? "\033[0m" : "";
  std::string out;
  for (const Finding& f : findings) {
    out += bold + Loc(f.at) + ":" + reset + " " + (f.is_warning() ? yellow : red) + FindingKindName(f.kind) +
           (f.is_warning() ? " (warning)" : "") + reset + ": ";
    switch (f.kind) {
      case FindingKind::kMissing:
        out += f.term_zh + " has no approved rendering " + Q(f.expected) + " in the translation";
        break;
      case FindingKind::kForbidden:
        out += "deprecated rendering " + Q(f.found) + " for " + f.term_zh;
        break;
      case FindingKind::kCase:
        out += Q(f.found) + " for " + f.term_zh + " must be written " + Q(f.expected);
        break;
      case FindingKind::kInconsistent:
        out += f.term_zh + " rendered " + Q(f.found) + " here but differently elsewhere";
        break;
    }
    if (f.source_at.line > 0) out += " (source " + Loc(f.source_at) + ")";
    if (!f.unit_id.empty()) out += " [unit " + f.unit_id + "]";
    out += "; " + f.suggestion + "\n";
  }
  return out;
}

std::string FormatFindingsJson(const std::vector<Finding>& findings) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const Finding& f : findings) {
    nlohmann::ordered_json j;
    j["kind"] = FindingKindName(f.kind);
    j["severity"] = f.is_warning() ? "warning" : "error";
    j["file"] = f.at.file;
    j["line"] = f.at.line;
    j["column"] = f.at.column;
    // In a document the line is a paragraph: say so, and where it is in a PDF.
    if (f.at.paragraph) j["paragraph"] = f.at.line;
    if (f.at.page > 0) j["page"] = f.at.page;
    j["unit"] = f.unit_id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.unit_id);
    j["term_zh"] = f.term_zh;
    j["expected"] = f.expected;
    j["found"] = f.found;
    j["suggestion"] = f.suggestion;
    if (f.source_at.line > 0) {
      j["source_file"] = f.source_at.file;
      j["source_line"] = f.source_at.line;
      j["source_column"] = f.source_at.column;
      if (f.source_at.paragraph) j["source_paragraph"] = f.source_at.line;
      if (f.source_at.page > 0) j["source_page"] = f.source_at.page;
    } else {
      j["source_file"] = nullptr;
      j["source_line"] = nullptr;
      j["source_column"] = nullptr;
    }
    arr.push_back(std::move(j));
  }
  return arr.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace tmalign
