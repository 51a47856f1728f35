#include "check/finding_format.h"

#include <unicode/utf8.h>

#include <cstdio>
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

namespace {

// A JSON string as nlohmann's dump (ensure_ascii off, invalid UTF-8 replaced) writes it,
// appended without building a document: valid UTF-8 is copied with the same escapes, any
// other string goes through nlohmann itself.
void AppendJsonString(std::string_view s, std::string* out) {
  const size_t start = out->size();
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\b':
          out->append("\\b");
          break;
        case '\f':
          out->append("\\f");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        default:
          if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out->append(buf);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    int32_t pos = static_cast<int32_t>(i);
    UChar32 cp;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), cp);
    if (cp < 0) {  // invalid UTF-8: exactly as nlohmann replaces it
      out->resize(start);
      out->append(nlohmann::ordered_json(std::string(s))
                      .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
      return;
    }
    out->append(s.substr(i, static_cast<size_t>(pos) - i));
    i = static_cast<size_t>(pos);
  }
  out->push_back('"');
}

// One finding object, in dump(2)'s layout inside the top-level array.
class JsonObjectWriter {
 public:
  explicit JsonObjectWriter(std::string* out) : out_(*out) { out_.append("  {"); }
  ~JsonObjectWriter() { out_.append("\n  }"); }
  void Key(std::string_view key) {
    out_.append(first_ ? "\n    \"" : ",\n    \"").append(key).append("\": ");
    first_ = false;
  }
  void String(std::string_view key, std::string_view value) {
    Key(key);
    AppendJsonString(value, &out_);
  }
  void Int(std::string_view key, int value) {
    Key(key);
    out_.append(std::to_string(value));
  }
  void Null(std::string_view key) {
    Key(key);
    out_.append("null");
  }

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace

// Written directly rather than through a JSON document (a fifth of a large check's time),
// byte for byte what nlohmann's dump(2) of the same objects writes.
std::string FormatFindingsJson(const std::vector<Finding>& findings) {
  if (findings.empty()) return "[]\n";
  std::string out = "[\n";
  out.reserve(findings.size() * 400);
  for (size_t n = 0; n < findings.size(); ++n) {
    const Finding& f = findings[n];
    if (n > 0) out.append(",\n");
    JsonObjectWriter j(&out);
    j.String("kind", FindingKindName(f.kind));
    j.String("severity", f.is_warning() ? "warning" : "error");
    j.String("file", f.at.file);
    j.Int("line", f.at.line);
    j.Int("column", f.at.column);
    // In a document the line is a paragraph: say so, and where it is in a PDF.
    if (f.at.paragraph) j.Int("paragraph", f.at.line);
    if (f.at.page > 0) j.Int("page", f.at.page);
    if (f.unit_id.empty()) {
      j.Null("unit");
    } else {
      j.String("unit", f.unit_id);
    }
    j.String("term_zh", f.term_zh);
    j.String("expected", f.expected);
    j.String("found", f.found);
    j.String("suggestion", f.suggestion);
    if (f.source_at.line > 0) {
      j.String("source_file", f.source_at.file);
      j.Int("source_line", f.source_at.line);
      j.Int("source_column", f.source_at.column);
      if (f.source_at.paragraph) j.Int("source_paragraph", f.source_at.line);
      if (f.source_at.page > 0) j.Int("source_page", f.source_at.page);
    } else {
      j.Null("source_file");
      j.Null("source_line");
      j.Null("source_column");
    }
  }
  out.append("\n]\n");
  return out;
}

}  // namespace tmalign
