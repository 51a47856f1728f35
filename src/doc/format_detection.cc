#include "doc/format_detection.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace tmalign {
namespace {

std::string LowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// A zip's first local file header names its first part: ODF puts "mimetype" first with
// the media type stored uncompressed right after it; Word files hold "[Content_Types].xml"
// and word/ somewhere in the central directory, so look for the names in the bytes.
DocumentFormat ZipFlavour(std::string_view bytes, const std::string& ext) {
  if (bytes.size() > 38 && bytes.substr(30, 8) == "mimetype" &&
      bytes.find("application/vnd.oasis.opendocument.text", 38) == 38) {
    return DocumentFormat::kOdt;
  }
  if (bytes.find("word/document.xml") != std::string_view::npos) return DocumentFormat::kDocx;
  if (bytes.find("content.xml") != std::string_view::npos && ext == ".odt") return DocumentFormat::kOdt;
  return ext == ".odt" ? DocumentFormat::kOdt : DocumentFormat::kDocx;  // its reader says what is missing
}

// Markup that only HTML starts with (after a BOM and white space).
bool LooksLikeHtml(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  size_t i = 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  std::string head(bytes.substr(i, 512));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  if (StartsWith(head, "<!doctype html") || StartsWith(head, "<html")) return true;
  if (StartsWith(head, "<?xml") && head.find("<html") != std::string::npos) return true;
  // A fragment: starts with a tag and has the usual block markup early on.
  return StartsWith(head, "<") &&
         (head.find("<head") != std::string::npos || head.find("<body") != std::string::npos ||
          head.find("<meta") != std::string::npos || head.find("<p>") != std::string::npos ||
          head.find("<div") != std::string::npos);
}

}  // namespace

bool IsOleCompoundFile(std::string_view bytes) {
  return StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

DocumentFormat DetectDocumentFormat(const std::string& path, std::string_view bytes, std::string* note) {
  const std::string ext = LowerExtension(path);
  DocumentFormat found = DocumentFormat::kText;
  if (StartsWith(bytes, "PK\x03\x04")) {
    found = ZipFlavour(bytes, ext);
  } else if (IsOleCompoundFile(bytes)) {
    found = ext == ".odt" ? DocumentFormat::kOdt : DocumentFormat::kDocx;  // the reader explains
  } else if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
    found = DocumentFormat::kPdf;
  } else if (LooksLikeHtml(bytes)) {
    found = DocumentFormat::kHtml;
  }
  const bool office_ext = ext == ".docx" || ext == ".odt" || ext == ".pdf";
  if (found == DocumentFormat::kText && office_ext) {
    // Binary garbage named .docx is a damaged document, not text: its reader says what is wrong.
    if (bytes.substr(0, 4096).find('\0') != std::string_view::npos) {
      return ext == ".docx"  ? DocumentFormat::kDocx
             : ext == ".odt" ? DocumentFormat::kOdt
                             : DocumentFormat::kPdf;
    }
    *note = path + ": a " + ext + " file that is plain text: read as text";
  }
  return found;
}

}  // namespace tmalign
