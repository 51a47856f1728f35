// The PDF module (tmalign-pdf.so): poppler-cpp's words and boxes through the C interface
// of doc/pdf_module_abi.h. Only this file links poppler; the reading of lines and
// paragraphs stays in doc/pdf_reader.cc.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>
#include <vector>

#include "doc/pdf_module_abi.h"

namespace {

void NoDebugOutput(const std::string&, void*) {}

int Read(const char* data, size_t size, const TmalignPdfSink* sink) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(NoDebugOutput, nullptr); });
  if (size > static_cast<size_t>(INT_MAX)) return kTmalignPdfTooLarge;
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(data, static_cast<int>(size)));
  if (document == nullptr) return kTmalignPdfUnreadable;
  if (document->is_locked()) return kTmalignPdfLocked;
  const int page_count = document->pages();
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (page == nullptr) {
      sink->page(sink->context, i, 0, 0);
      continue;
    }
    for (const poppler::text_box& box : page->text_list(poppler::page::text_list_include_font)) {
      const poppler::byte_array text = box.text().to_utf8();
      const poppler::rectf r = box.bbox();
      sink->box(sink->context, i, box.rotation(), text.data(), text.size(), r.left(), r.top(), r.right(),
                r.bottom(), box.has_font_info() ? box.get_font_size() : -1.0, box.char_bbox(0).width());
    }
    sink->page(sink->context, i, page->page_rect().height(), 1);
  }
  return kTmalignPdfOk;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int tmalign_pdf_read_v1(const char* data, size_t size,
                                                                          const TmalignPdfSink* sink) {
  try {
    return Read(data, size, sink);
  } catch (...) {  // nothing may cross the C interface
    return kTmalignPdfFailed;
  }
}
