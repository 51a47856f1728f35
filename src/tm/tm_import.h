// Import of TMX 1.4b and TSV files into the translation memory: streaming (memory bounded
// by the largest unit and the index buffer), one transaction per file (an error or a kill
// leaves nothing of the file), documents named by x-tmalign-doc props replaced whole.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tm/translation_memory.h"
#include "util/status.h"

namespace tmalign {

struct TmImportOptions {
  // Document for units without an x-tmalign-doc prop; empty: the file name without extension.
  std::string doc_id;
  // Called every few thousand units with the number imported so far.
  std::function<void(int64_t units)> progress;
  // Asked every 4096 units and before the commit; true stops the import: nothing of the
  // file is stored and ImportTmFile fails ("PATH: import stopped").
  std::function<bool()> stop;
};

struct TmImportSummary {
  int64_t units = 0;                                 // units stored
  int64_t new_pairs = 0;                             // distinct pairs not in the memory before
  int64_t skipped = 0;                               // units without both a Chinese and an English variant
  std::map<std::string, int64_t> skipped_languages;  // "fr+de" -> units, for the summary line
  std::vector<std::string> documents;                // documents written (each replaced whole)
};

// Language family of a TMX/BCP-47 code: "zh" (zh, zh-CN, zh-Hans, zh-TW, zh-Hant, cmn...), "en", or "".
std::string LanguageFamily(const std::string& code);

// Imports a TMX file (.tmx) or a TSV file (source<TAB>target a line, no header).
Status ImportTmFile(TranslationMemory* tm, const std::string& path, const TmImportOptions& options,
                    TmImportSummary* summary);

}  // namespace tmalign
