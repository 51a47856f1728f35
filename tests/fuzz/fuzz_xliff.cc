// Fuzz target: XLIFF 1.2 and 2.x as `tmalign check --xliff` reads them (check/xml_unit_sources).
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
