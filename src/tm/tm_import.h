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
  int64_t skipped = 0;                               // units not stored (the reasons below)
  std::map<std::string, int64_t> skipped_languages;  // TMX: "fr+de" -> units without both zh and en
  // XLIFF: target state ("needs-review-translation", "no state", "no target") -> segments not
  // translated; parallel text: "Chinese line empty" / "English line empty" -> line pairs.
  std::map<std::string, int64_t> skipped_states;
  std::vector<std::string> documents;  // documents written (each replaced whole)
};

// Language family of a TMX/BCP-47 code: "zh" (zh, zh-CN, zh-Hans, zh-TW, zh-Hant, cmn...), "en", or "".
std::string LanguageFamily(const std::string& code);

enum class TmFileFormat { kTmx, kXliff, kTsv };

// The format of a file to import: from its extension (.tmx, .xlf or .xliff, .tsv), else from
// its root element (<tmx>, <xliff>). Usage error when neither tells.
Status DetectTmFileFormat(const std::string& path, TmFileFormat* format);

// Imports a TMX file, an XLIFF 1.2/2.x file (the translated segments: target state translated,
// final, signed-off or 2.x reviewed, or 1.2 approved="yes"; languages from the file, which must
// name a Chinese and an English one) or a TSV file (source<TAB>target a line, no header).
Status ImportTmFile(TranslationMemory* tm, const std::string& path, const TmImportOptions& options,
                    TmImportSummary* summary);

// Imports parallel text (Moses/OPUS: line i of zh_path is the translation of line i of
// en_path, UTF-8) as one document (options.doc_id, else zh_path's name without extension), in
// one transaction. Files of different line counts: an error naming both, nothing stored.
// Blank on both sides: skipped; blank on one side: skipped and counted in skipped_states.
Status ImportParallelFiles(TranslationMemory* tm, const std::string& zh_path, const std::string& en_path,
                           const TmImportOptions& options, TmImportSummary* summary);

}  // namespace tmalign
