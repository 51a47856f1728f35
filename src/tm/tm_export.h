// Export of the translation memory as TMX 1.4b or TSV, streamed unit by unit.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "tm/translation_memory.h"
#include "util/status.h"

namespace tmalign {

enum class TmExportFormat { kTmx, kTsv };

struct TmExportOptions {
  TmExportFormat format = TmExportFormat::kTmx;
  std::string doc_id;  // only this document; empty: all
};

// TMX: header (creationtool, srclang, segtype, o-tmf, datatype), one <tu> per unit with its
// document, position, sentence ids, confidence and dates as <prop>s and any inline markup kept,
// so export -> import -> export gives the same file. TSV: source<TAB>target a line (tabs and
// line breaks inside a text become spaces).
Status ExportTm(TranslationMemory* tm, const TmExportOptions& options, std::ostream& out, int64_t* units);

}  // namespace tmalign
