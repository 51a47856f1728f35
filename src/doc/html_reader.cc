#include "doc/readers.h"

namespace tmalign {

Status ReadHtml(const std::string& path, std::string_view, const DocumentReadOptions&,
                std::vector<Paragraph>*, std::string*) {
  return Status::InvalidInput(path + ": reading HTML is not built yet");
}

}  // namespace tmalign
