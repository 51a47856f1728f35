#include "cli/allocator_tuning.h"

#include <unistd.h>

#include <cstdlib>

namespace tmalign::cli {

bool ShouldTuneAllocator(const char* current) { return current == nullptr; }

void TuneAllocator(char** argv) {
  if (!ShouldTuneAllocator(std::getenv("GLIBC_TUNABLES"))) return;
  if (::setenv("GLIBC_TUNABLES", kAllocatorTunables, 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  ::unsetenv("GLIBC_TUNABLES");  // exec failed (no /proc): run untuned
}

}  // namespace tmalign::cli
