#include "doc/readers.h"

namespace tmalign {

Status ReadOdt(const std::string& path, std::string_view, const DocumentReadOptions&,
               std::vector<Paragraph>*) {
  return Status::InvalidInput(path + ": reading ODT is not built yet");
}

}  // namespace tmalign
