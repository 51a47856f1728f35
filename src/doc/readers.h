// The format readers behind ReadDocument (doc/document.h), one file each. Each gets the
// file's bytes and its path (for messages) and appends the document's paragraphs in
// reading order; errors name the path and what is wrong.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "doc/paragraphs.h"
#include "util/status.h"

namespace tmalign {

// WordprocessingML (doc/docx_reader.cc).
Status ReadDocx(const std::string& path, std::string_view bytes, const DocumentReadOptions& options,
                std::vector<Paragraph>* paragraphs);
// OpenDocument text (doc/odt_reader.cc).
Status ReadOdt(const std::string& path, std::string_view bytes, const DocumentReadOptions& options,
               std::vector<Paragraph>* paragraphs);
// HTML, read as browsers read it (doc/html_reader.cc); *encoding: the charset applied.
Status ReadHtml(const std::string& path, std::string_view bytes, const DocumentReadOptions& options,
                std::vector<Paragraph>* paragraphs, std::string* encoding);
// PDF through poppler (doc/pdf_reader.cc): text in reading order, lines joined back into
// paragraphs, running headers, footers and page numbers dropped; each paragraph's page.
Status ReadPdf(const std::string& path, std::string_view bytes, const DocumentReadOptions& options,
               std::vector<Paragraph>* paragraphs);

}  // namespace tmalign
