#include "doc/readers.h"

namespace tmalign {

Status ReadDocx(const std::string& path, std::string_view, const DocumentReadOptions&,
                std::vector<Paragraph>*) {
  return Status::InvalidInput(path + ": reading DOCX is not built yet");
}

}  // namespace tmalign
