// Telling a document's format from its first bytes: a zip container (DOCX or ODT, by its
// parts), "%PDF", HTML markup, else plain text. The file name's extension is only a hint.
#pragma once

#include <string>
#include <string_view>

#include "doc/document.h"

namespace tmalign {

// The format of `bytes` (the whole file) named `path`. A zip container that is neither
// DOCX nor ODT, and a legacy or encrypted Office file (an OLE compound file), are
// reported as kDocx/kOdt by extension so their reader can say what is wrong; *note
// says when the content overrode the extension (".docx that is plain text").
DocumentFormat DetectDocumentFormat(const std::string& path, std::string_view bytes, std::string* note);

// True when `bytes` begin as an OLE compound file (legacy .doc, or an encrypted
// OOXML document, which Office wraps in one).
bool IsOleCompoundFile(std::string_view bytes);

}  // namespace tmalign
