// The C interface between the doc layer and the PDF module (doc/pdf_module.cc): plain C
// types, so neither side depends on the other's C++ library build, and no exception
// crosses it. Bump the entry point's version when a field changes.
#pragma once

#include <stddef.h>

extern "C" {

struct TmalignPdfSink {
  void* context;
  // One word of page `page` (0-based), in poppler's reading order; font_size < 0: unknown.
  void (*box)(void* context, int page, int rotation, const char* utf8, size_t size, double left, double top,
              double right, double bottom, double font_size, double first_char_width);
  // After the page's words; readable 0 when poppler could not open the page.
  void (*page)(void* context, int page, double height, int readable);
};

enum TmalignPdfResult {
  kTmalignPdfOk = 0,
  kTmalignPdfUnreadable = 1,  // not a PDF poppler can open
  kTmalignPdfLocked = 2,      // encrypted
  kTmalignPdfTooLarge = 3,    // over poppler's int-sized buffers
  kTmalignPdfFailed = 4,      // out of memory or another failure inside poppler
};

#define TMALIGN_PDF_ENTRY "tmalign_pdf_read_v1"
typedef int (*TmalignPdfRead)(const char* data, size_t size, const TmalignPdfSink* sink);

}  // extern "C"
