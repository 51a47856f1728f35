// Fuzz target: the TBX reader (terms/tbx), TBX-Basic v2 and TBX v3.
#include "fuzz_target.h"
#include "terms/tbx.h"

namespace tmalign::fuzz::tbx {

Status Run(std::string_view input) {
  InputFile file("tbx", "tbx");
  TMALIGN_RETURN_IF_ERROR(file.Write(input));
  Glossary glossary;
  return LoadTbx(file.path(), &glossary);
}

}  // namespace tmalign::fuzz::tbx
