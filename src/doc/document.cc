#include "doc/document.h"

#include "doc/format_detection.h"
#include "doc/paragraphs.h"
#include "doc/readers.h"
#include "text/encoding.h"
#include "util/sha256.h"

namespace tmalign {
namespace {

constexpr struct {
  DocumentFormat format;
  const char* name;
} kFormatNames[] = {{DocumentFormat::kAuto, "auto"}, {DocumentFormat::kText, "txt"},
                    {DocumentFormat::kDocx, "docx"}, {DocumentFormat::kOdt, "odt"},
                    {DocumentFormat::kHtml, "html"}, {DocumentFormat::kPdf, "pdf"}};

// Larger inputs are not documents a person aligns; reading them whole would only risk memory.
constexpr size_t kMaxFileBytes = size_t{1} << 30;

}  // namespace

const char* DocumentFormatName(DocumentFormat format) {
  for (const auto& f : kFormatNames) {
    if (f.format == format) return f.name;
  }
  return "?";
}

bool ParseDocumentFormat(std::string_view name, DocumentFormat* format) {
  for (const auto& f : kFormatNames) {
    if (name == f.name) {
      *format = f.format;
      return true;
    }
  }
  return false;
}

int PageOfLine(const std::vector<int>& pages, int line) {
  if (line < 1 || static_cast<size_t>(line) > pages.size()) return 0;
  return pages[static_cast<size_t>(line - 1)];
}

int DocumentText::PageOfLine(int line) const { return tmalign::PageOfLine(pages, line); }

Status ReadDocument(const std::string& path, const DocumentReadOptions& options, DocumentText* out) {
  *out = DocumentText();
  std::string bytes;
  TMALIGN_RETURN_IF_ERROR(ReadFileBytes(path, &bytes));
  if (bytes.size() > kMaxFileBytes) return Status::InvalidInput(path + ": larger than 1 GB");
  if (options.hash) out->sha256 = Sha256Hex(bytes);
  out->format = options.format;
  if (out->format == DocumentFormat::kAuto) out->format = DetectDocumentFormat(path, bytes, &out->note);
  if (out->format == DocumentFormat::kText) {
    return DecodeTextFile(path, bytes, options.encoding, &out->utf8, &out->encoding);
  }
  std::vector<Paragraph> paragraphs;
  out->encoding = "UTF-8";
  switch (out->format) {
    case DocumentFormat::kDocx:
      TMALIGN_RETURN_IF_ERROR(ReadDocx(path, bytes, options, &paragraphs));
      break;
    case DocumentFormat::kOdt:
      TMALIGN_RETURN_IF_ERROR(ReadOdt(path, bytes, options, &paragraphs));
      break;
    case DocumentFormat::kHtml:
      TMALIGN_RETURN_IF_ERROR(ReadHtml(path, bytes, options, &paragraphs, &out->encoding));
      break;
    case DocumentFormat::kPdf:
      TMALIGN_RETURN_IF_ERROR(ReadPdf(path, bytes, options, &paragraphs));
      break;
    default:
      return Status::Internal(path + ": no reader for this format");
  }
  JoinParagraphs(paragraphs, &out->utf8, &out->pages);
  if (out->utf8.empty()) {
    return Status::InvalidInput(path + ": the " + DocumentFormatName(out->format) +
                                " document holds no text");
  }
  return Status::Ok();
}

}  // namespace tmalign
