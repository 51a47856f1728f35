// libFuzzer's entry point for one target, compiled once per target with
// TMALIGN_FUZZ_NAME=<name> (tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>

#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)tmalign::fuzz::TMALIGN_FUZZ_NAME::Run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
