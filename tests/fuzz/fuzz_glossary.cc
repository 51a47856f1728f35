// Fuzz target: the glossary readers of TSV and CSV (terms/glossary_files), the same bytes
// read as each.
#include "fuzz_target.h"
#include "terms/glossary_files.h"

namespace tmalign::fuzz::glossary {

Status Run(std::string_view input) {
  InputFile tsv("glossary", "tsv");
  InputFile csv("glossary", "csv");
  TMALIGN_RETURN_IF_ERROR(tsv.Write(input));
  TMALIGN_RETURN_IF_ERROR(csv.Write(input));
  Glossary from_tsv, from_csv;
  Status tsv_status = LoadGlossaryFile(tsv.path(), &from_tsv);
  Status csv_status = LoadGlossaryFile(csv.path(), &from_csv);
  return tsv_status.ok() ? csv_status : tsv_status;
}

}  // namespace tmalign::fuzz::glossary
