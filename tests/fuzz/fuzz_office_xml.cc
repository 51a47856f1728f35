// Fuzz target: the XML of DOCX and ODT documents (doc/docx_reader, doc/odt_reader,
// doc/office_xml). The input is one XML part, put into a well-formed zip: as a DOCX's body
// and footnotes, and as an ODT's content.
#include "doc/readers.h"
#include "fuzz_target.h"
#include "stored_zip.h"

namespace tmalign::fuzz::office_xml {

Status Run(std::string_view input) {
  DocumentReadOptions options;
  const std::string docx_bytes = StoredZip({{"word/document.xml", input}, {"word/footnotes.xml", input}});
  const std::string odt_bytes =
      StoredZip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", input}});
  std::vector<Paragraph> docx, odt;
  Status docx_status = ReadDocx("fuzz-input.docx", docx_bytes, options, &docx);
  Status odt_status = ReadOdt("fuzz-input.odt", odt_bytes, options, &odt);
  return docx_status.ok() ? odt_status : docx_status;
}

}  // namespace tmalign::fuzz::office_xml
