// TMX 1.4b writer: one <tu> per translation unit, with tmalign's metadata
// (document, position, sentence ids, confidence) as <prop>s.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace tmalign {

struct TmxWriteUnit {
  std::string source, target;
  std::vector<std::pair<std::string, std::string>> props;  // e.g. {"x-tmalign-confidence", "0.93"}
};

struct TmxHeader {
  std::string src_lang = "zh-CN";
  std::string tgt_lang = "en";
  std::string creation_tool_version;
};

// Writes a complete TMX document to `out`.
void WriteTmx(const TmxHeader& header, const std::vector<TmxWriteUnit>& units, std::ostream& out);

}  // namespace tmalign
