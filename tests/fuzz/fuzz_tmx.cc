// Fuzz target: the TMX reader (tm/tmx_reader), header and units.
#include "fuzz_target.h"
#include "tm/tmx_reader.h"

namespace tmalign::fuzz::tmx {

Status Run(std::string_view input) {
  InputFile file("tmx", "tmx");
  TMALIGN_RETURN_IF_ERROR(file.Write(input));
  size_t units = 0;
  TmxReadHandlers handlers;
  handlers.on_header = [](const TmxHeader&) { return Status::Ok(); };
  handlers.on_unit = [&](TmxUnit&& unit) {
    units += unit.variants.size();
    return Status::Ok();
  };
  return ReadTmx(file.path(), handlers);
}

}  // namespace tmalign::fuzz::tmx
