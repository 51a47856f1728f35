#include "doc/pdf_text_boxes.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "doc/pdf_module_abi.h"

namespace tmalign {
namespace {

struct Module {
  TmalignPdfRead read = nullptr;
  std::string error;  // where it was looked for, when not found
};

std::vector<std::string> Candidates() {
  // An explicit path is the only one tried: a wrong one is an error, not a fallback.
  if (const char* env = std::getenv("TMALIGN_PDF_MODULE"); env != nullptr && *env != '\0') return {env};
  std::vector<std::string> paths;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    paths.push_back((exe.parent_path() / "tmalign-pdf.so").string());
    paths.push_back((exe.parent_path() / TMALIGN_PDF_MODULE_INSTALLED).lexically_normal().string());
  }
  paths.push_back(TMALIGN_PDF_MODULE_BUILT);
  return paths;
}

const Module& LoadModule() {
  static Module module;
  static std::once_flag once;
  std::call_once(once, [] {
    std::string tried;
    auto missed = [&](const std::string& path, const std::string& why) {
      tried += (tried.empty() ? "" : ", ") + path + (why.empty() ? "" : " (" + why + ")");
    };
    for (const std::string& path : Candidates()) {
      if (!std::filesystem::exists(path)) {
        missed(path, "");
        continue;
      }
      // Never closed: poppler keeps global state for the life of the process.
      void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) {
        const char* why = dlerror();
        missed(path, why != nullptr ? why : "cannot load");
        continue;
      }
      module.read = reinterpret_cast<TmalignPdfRead>(dlsym(handle, TMALIGN_PDF_ENTRY));
      if (module.read != nullptr) return;
      missed(path, "no " TMALIGN_PDF_ENTRY);
    }
    module.error = "reading PDF needs tmalign's PDF module, tmalign-pdf.so (poppler); not found: " + tried;
  });
  return module;
}

// The sink's page `page`, the list grown to it (the module reports pages in order).
PdfPageBoxes& PageOf(void* context, int page) {
  auto* pages = static_cast<std::vector<PdfPageBoxes>*>(context);
  if (pages->size() <= static_cast<size_t>(page)) pages->resize(static_cast<size_t>(page) + 1);
  return (*pages)[static_cast<size_t>(page)];
}

void OnBox(void* context, int page, int rotation, const char* utf8, size_t size, double left, double top,
           double right, double bottom, double font_size, double first_char_width) {
  PageOf(context, page)
      .boxes.push_back(PdfTextBox{std::string(utf8, size), rotation, left, top, right, bottom, font_size,
                                  first_char_width});
}

void OnPage(void* context, int page, double height, int readable) {
  PdfPageBoxes& p = PageOf(context, page);
  p.height = height;
  p.readable = readable != 0;
}

}  // namespace

Status ReadPdfTextBoxes(const std::string& path, std::string_view bytes, std::vector<PdfPageBoxes>* pages) {
  pages->clear();
  const Module& module = LoadModule();
  if (module.read == nullptr) return Status::InvalidInput(path + ": " + module.error);
  TmalignPdfSink sink{pages, OnBox, OnPage};
  switch (module.read(bytes.data(), bytes.size(), &sink)) {
    case kTmalignPdfOk:
      return Status::Ok();
    case kTmalignPdfUnreadable:
      return Status::InvalidInput(path + ": not a readable PDF");
    case kTmalignPdfLocked:
      return Status::InvalidInput(path + ": encrypted: remove the password first");
    case kTmalignPdfTooLarge:
      return Status::InvalidInput(path + ": PDF too large");
    default:
      return Status::Internal(path + ": the PDF module failed (out of memory?)");
  }
}

}  // namespace tmalign
