// Fuzz target: the DOCX and ODT readers (doc/docx_reader, doc/odt_reader) on the same
// bytes, through the zip container (doc/zip_archive) and office_xml.
#include "doc/readers.h"
#include "fuzz_target.h"

namespace tmalign::fuzz::office {

Status Run(std::string_view input) {
  DocumentReadOptions options;
  std::vector<Paragraph> docx, odt;
  Status docx_status = ReadDocx("fuzz-input.docx", input, options, &docx);
  Status odt_status = ReadOdt("fuzz-input.odt", input, options, &odt);
  return docx_status.ok() ? odt_status : docx_status;
}

}  // namespace tmalign::fuzz::office
