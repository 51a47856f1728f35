#include "doc/readers.h"

namespace tmalign {

Status ReadPdf(const std::string& path, std::string_view, const DocumentReadOptions&,
               std::vector<Paragraph>*) {
  return Status::InvalidInput(path + ": reading PDF is not built yet");
}

}  // namespace tmalign
