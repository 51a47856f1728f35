// Terminology check: compares each unit's English with the glossary renderings of the
// terms in its Chinese, the way a terminology QA tool does.
#pragma once

#include <string>
#include <vector>

#include "check/check_unit.h"
#include "terms/term_matcher.h"

namespace tmalign {

enum class FindingKind {
  kMissing,       // a source term has no approved or accepted rendering in the target
  kForbidden,     // a deprecated rendering is used
  kCase,          // a case-sensitive rendering is written in the wrong case
  kInconsistent,  // one source term rendered two accepted ways in one document (warning)
};
const char* FindingKindName(FindingKind kind);  // "missing", "forbidden", "case", "inconsistent"

struct Finding {
  FindingKind kind = FindingKind::kMissing;
  std::string unit_id;
  TextLocation at;         // in the target (for missing: where the target unit starts)
  TextLocation source_at;  // the source term, when the unit has a source
  std::string term_zh;
  std::string expected;  // the approved rendering
  std::string found;     // the text in the target (empty for missing)
  std::string suggestion;
  bool is_warning() const { return kind == FindingKind::kInconsistent; }
};

// Checks every unit against the matcher's glossary. Findings come in unit order, then by
// position in the target (a missing term sorts as position 0 of its unit's target). Missing
// terms need a source. Units with the same `document` share the consistency check: a term
// rendered in another accepted form than its first rendering in the document gets one
// warning per unit. The matching runs on `threads` threads (0: the machine's, at most 4);
// the findings do not depend on their number.
std::vector<Finding> CheckUnits(const TermMatcher& matcher, const std::vector<CheckUnit>& units,
                                unsigned threads = 0);

}  // namespace tmalign
