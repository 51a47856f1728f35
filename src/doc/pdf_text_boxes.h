// PdfTextBoxes: a PDF's words with their boxes, from poppler-cpp in a module of its own
// (tmalign-pdf.so, doc/pdf_module.cc) that is loaded the first time a PDF is read.
// Poppler brings about twenty shared libraries (NSS, fontconfig, image codecs); linked into
// tmalign they cost every command about 6 ms to start, though few read a PDF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace tmalign {

// One word as poppler's text_list() gives it, in poppler's reading order.
struct PdfTextBox {
  std::string utf8;
  int rotation = 0;  // 0, 90, 180 or 270
  double left = 0, top = 0, right = 0, bottom = 0;
  double font_size = -1;        // negative: the font is unknown
  double first_char_width = 0;  // width of the first glyph's box
};

struct PdfPageBoxes {
  std::vector<PdfTextBox> boxes;
  double height = 0;
  bool readable = true;  // false: poppler could not open the page
};

// The pages of the PDF in `bytes`, words in poppler's order. Errors name `path`: not a
// readable PDF, encrypted, too large, or the module not found (where it was looked for).
// The module is looked for at $TMALIGN_PDF_MODULE alone when it is set; else next to the
// running executable, then where `cmake --install` puts it relative to the executable
// (LIBDIR/tmalign), then in the build tree. It is loaded once a process.
Status ReadPdfTextBoxes(const std::string& path, std::string_view bytes, std::vector<PdfPageBoxes>* pages);

}  // namespace tmalign
