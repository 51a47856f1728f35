// Rendering check findings for people (text, optionally coloured) and for pipelines (JSON).
#pragma once

#include <string>
#include <vector>

#include "check/checker.h"

namespace tmalign {

// One line per finding: "file:line:col: kind: message; suggestion", ANSI colours if `color`.
std::string FormatFindingsText(const std::vector<Finding>& findings, bool color);
// One JSON array; each object has kind, severity, file, line, column, unit, term_zh, expected,
// found, suggestion, source_file, source_line, source_column (null when there is no source).
std::string FormatFindingsJson(const std::vector<Finding>& findings);

}  // namespace tmalign
