// FormatFindingsJson writes what a JSON document of the same objects dumps, byte for byte.
#include "check/finding_format.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace tmalign {
namespace {

// The findings as the former implementation built them: an nlohmann document, dump(2).
std::string ThroughJsonDocument(const std::vector<Finding>& findings) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const Finding& f : findings) {
    nlohmann::ordered_json j;
    j["kind"] = FindingKindName(f.kind);
    j["severity"] = f.is_warning() ? "warning" : "error";
    j["file"] = f.at.file;
    j["line"] = f.at.line;
    j["column"] = f.at.column;
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

TEST(FindingFormatTest, JsonIsByteForByteTheDocumentsDump) {
  EXPECT_EQ(FormatFindingsJson({}), ThroughJsonDocument({}));
  Finding a;
  a.kind = FindingKind::kForbidden;
  a.unit_id = "bead 3";
  a.at = TextLocation{"en \"draft\".txt", 3, 14};
  a.source_at = TextLocation{"zh\\txt", 2, 5};
  a.term_zh = "联盟链";
  a.expected = "alliance chain";
  a.found = "union\tchain\n\x01\x1f\x7f/é";
  a.suggestion = "replace \"union chain\" with \"alliance chain\"";
  Finding b;
  b.kind = FindingKind::kInconsistent;
  b.at = TextLocation{"draft.pdf", 7, 1};
  b.at.paragraph = true;
  b.at.page = 2;
  b.term_zh = "区块链";
  b.found = "bad \xff\xfe utf-8 \xe5\x8c";
  Finding c = a;
  c.source_at.paragraph = true;
  c.source_at.page = 4;
  for (const auto& findings :
       {std::vector<Finding>{a}, std::vector<Finding>{a, b, c}, std::vector<Finding>{b}}) {
    EXPECT_EQ(FormatFindingsJson(findings), ThroughJsonDocument(findings));
  }
}

}  // namespace
}  // namespace tmalign
