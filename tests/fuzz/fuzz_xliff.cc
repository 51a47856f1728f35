// Fuzz target: XLIFF 1.2 and 2.x through tm/xliff_reader, the one XLIFF reader (import and
// `tmalign check --xliff` both read through it), as check/xml_unit_sources calls it.
#include "check/unit_sources.h"
#include "fuzz_target.h"

namespace tmalign::fuzz::xliff {

Status Run(std::string_view input) {
  InputFile file("xliff", "xlf");
  TMALIGN_RETURN_IF_ERROR(file.Write(input));
  std::vector<CheckUnit> units;
  return UnitsFromXliffFile(file.path(), &units);
}

}  // namespace tmalign::fuzz::xliff
