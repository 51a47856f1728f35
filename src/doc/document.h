// Reading the text of a document: a plain-text file in any encoding, or a Word (DOCX),
// OpenDocument (ODT), web (HTML) or PDF document, as paragraphs in reading order. The
// splitter, the aligner and the checker work on DocumentText::utf8 as they do on a text
// file; for documents, line i of it is paragraph i, so a position's line is the
// paragraph's number (1-based) and its column the character within the paragraph.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace tmalign {

enum class DocumentFormat { kAuto, kText, kDocx, kOdt, kHtml, kPdf };

// "auto", "txt", "docx", "odt", "html", "pdf".
const char* DocumentFormatName(DocumentFormat format);
// Parses a --input-format value; false if it is none of the names above.
bool ParseDocumentFormat(std::string_view name, DocumentFormat* format);

struct DocumentReadOptions {
  // kAuto: told from the content (a zip container and its parts, "%PDF", HTML markup),
  // the file name's extension only as a hint; anything else forces that reader.
  DocumentFormat format = DocumentFormat::kAuto;
  std::string encoding = "auto";  // plain text, and HTML that declares no charset
  bool notes = true;              // DOCX/ODT footnotes and endnotes, after the body
  bool hash = true;               // DocumentText::sha256 (off when nothing keeps it: left empty)
};

struct DocumentText {
  DocumentFormat format = DocumentFormat::kText;  // what was read (never kAuto)
  std::string encoding;  // plain text and HTML: the encoding applied; other formats: "UTF-8"
  // Plain text: the file decoded to UTF-8 with "\n" line ends, lines as in the file.
  // Documents: one paragraph a line, no blank lines, no line breaks inside a paragraph.
  std::string utf8;
  std::vector<int> pages;  // PDF: the 1-based page of each paragraph (line); else empty
  std::string sha256;      // of the file's bytes, to tell later whether it changed
  std::string note;        // what a verbose run should say, e.g. ".docx that is plain text: read as text"

  bool is_document() const { return format != DocumentFormat::kText; }
  // The page of 1-based paragraph (line) `line`, or 0 when not known.
  int PageOfLine(int line) const;
};

// The page of 1-based paragraph `line` in `pages` (DocumentText::pages), or 0 when not known.
int PageOfLine(const std::vector<int>& pages, int line);

// Reads `path` whole. Every error names the file, and a position where one exists: an
// unreadable or empty file, undecodable text, a damaged, encrypted or oversized
// container (each part at most 256 MB uncompressed, at a ratio of at most 1:200), XML
// with a DTD or entity declaration, a PDF without a text layer ("it needs OCR first").
Status ReadDocument(const std::string& path, const DocumentReadOptions& options, DocumentText* out);

}  // namespace tmalign
