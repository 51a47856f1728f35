// Loading glossaries from any supported file format, chosen by extension.
#pragma once

#include <string>
#include <vector>

#include "terms/glossary.h"
#include "util/status.h"

namespace tmalign {

// .tsv (our format), .csv (same columns) or .tbx (TBX-Basic / TBX v3); appends to `glossary`.
Status LoadGlossaryFile(const std::string& path, Glossary* glossary);
// LoadGlossaryFile for each path in turn; stops at the first error.
Status LoadGlossaryFiles(const std::vector<std::string>& paths, Glossary* glossary);

}  // namespace tmalign
