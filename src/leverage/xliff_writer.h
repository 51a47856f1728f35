// Pre-translation as XLIFF: one unit per sentence of the new document, in order (ids "p3-s2"),
// the best TM match as the target.
// - 100% and context matches: state translated (1.2: on <target>; 2.0: on <segment>).
// - fuzzy matches of at least `min_score`: 1.2: <target state="needs-review-translation"> and an
//   <alt-trans match-quality="87" origin="tmalign"> with the TM's source and target; 2.0:
//   <segment state="initial"> with the target and the match in <mtc:matches>
//   (urn:oasis:names:tc:xliff:matches:2.0, similarity="87").
// - no match (or below min_score): no target.
// A target whose numbers were adapted (leverage/leverage_match.h) is the adapted text; the
// alt-trans or mtc:match keeps the TM's own target. A fuzzy match whose numbers changed but
// could not be adapted carries a note saying why (1.2 <note from="tmalign">, 2.0 <notes>).
#pragma once

#include <string>
#include <vector>

#include "leverage/analysis.h"

namespace tmalign {

enum class XliffVersion { k12, k20 };

struct XliffOptions {
  XliffVersion version = XliffVersion::k12;
  int min_score = 75;
  std::string original;  // the new document's path, as <file original="…">
  std::string src_lang = "zh", tgt_lang = "en";
  std::string tool_version;  // tmalign's version, in the 1.2 <tool> header
};

// What the XLIFF holds, for the command's summary.
struct PretranslationCounts {
  int units = 0, translated = 0, fuzzy = 0, empty = 0, adapted = 0;
};

// The XLIFF document (UTF-8, XML-escaped; characters XML forbids are dropped).
std::string WritePretranslationXliff(const std::vector<SegmentLeverage>& segments,
                                     const XliffOptions& options, PretranslationCounts* counts);

}  // namespace tmalign
