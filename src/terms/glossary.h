// Glossary: approved renderings of Chinese terms, loaded from our TSV format.
//
// TSV (UTF-8, tab-separated, header row required; '#' lines and blank lines ignored):
//   zh  en  variants  forbidden  case  note
// zh and en are required columns and values; variants and forbidden are '|'-separated;
// case is yes/no/true/false/1/0 (empty = no). Columns may come in any order.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/status.h"

namespace tmalign {

struct TermEntry {
  std::string zh;
  std::string en;                      // the approved rendering
  std::vector<std::string> variants;   // other accepted renderings
  std::vector<std::string> forbidden;  // deprecated renderings to flag
  bool case_sensitive = false;         // English case matters ("Digital China", "MOST")
  std::string note;
  std::string file;  // where the entry was defined, for messages
  int line = 0;
};

class Glossary {
 public:
  // Appends the entries of a TSV glossary; a malformed row fails with "file:line: reason".
  Status LoadTsv(const std::string& path);
  // Same columns as TSV, comma-separated with RFC 4180 quoting.
  Status LoadCsv(const std::string& path);
  // Parses TSV text already in memory; `name` is used in messages.
  Status ParseTsv(std::string_view text, const std::string& name);
  Status ParseCsv(std::string_view text, const std::string& name);
  // Validates and appends one entry (from any format); rejects a zh already defined.
  Status Add(TermEntry entry);

  // The TSV text of all entries, with header; loads back to the same entries.
  std::string ToTsv() const;

  const std::vector<TermEntry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

 private:
  Status ParseRows(const std::vector<std::vector<std::string>>& rows, const std::vector<int>& lines,
                   const std::string& name);
  std::vector<TermEntry> entries_;
  std::unordered_map<std::string, size_t> by_normalized_zh_;
};

// Parses a case column value: yes/no/true/false/1/0, empty = false. Returns false if invalid.
bool ParseCaseFlag(std::string_view value, bool* out);
// Splits a '|'-separated list, trimming spaces and dropping empty items.
std::vector<std::string> SplitAlternatives(std::string_view value);
// Reads a whole file; IoError names the path.
Status ReadFileToString(const std::string& path, std::string* out);
// Checks UTF-8 validity; the error names `name`, the line and the byte offset.
Status ValidateUtf8(std::string_view text, const std::string& name);

}  // namespace tmalign
