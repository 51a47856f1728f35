// Fuzz target: the CC-CEDICT line parser (dict/cedict).
#include "dict/cedict.h"
#include "fuzz_target.h"

namespace tmalign::fuzz::cedict {

Status Run(std::string_view input) {
  Cedict dict;
  return Cedict::Parse(std::string(input), "fuzz-input.u8", &dict);
}

}  // namespace tmalign::fuzz::cedict
