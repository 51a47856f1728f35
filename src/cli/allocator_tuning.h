// How tmalign's process asks glibc's allocator for fewer page faults, which cost the most in
// virtual machines: transparent huge pages for the heap, and the heap grown 64 MB at a time.
#pragma once

#include <string_view>

namespace tmalign::cli {

// The GLIBC_TUNABLES value tmalign runs with (glibc 2.35 or later reads hugetlb; an older one
// ignores what it does not know).
inline constexpr char kAllocatorTunables[] = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864";

// Whether `tmalign COMMAND` (a known command) should start again under kAllocatorTunables,
// given GLIBC_TUNABLES as it is (nullptr: not set). Not split, eval and check: they read a
// document or two and end in tens of milliseconds, less than a second start costs (about
// 13 ms); the commands that align or read a TM take many faults. And only when GLIBC_TUNABLES
// is not set at all: a value the user set, even an empty one, is left alone (GLIBC_TUNABLES=
// turns this off, for valgrind or gdb).
bool ShouldTuneAllocator(std::string_view command, const char* current);

// glibc reads its tunables only when a process starts: when ShouldTuneAllocator, sets
// GLIBC_TUNABLES and executes this binary again (/proc/self/exe, same pid and arguments).
// Returns only if it did not need to or could not (the variable is then unset again), and the
// process runs on as it is.
void TuneAllocator(std::string_view command, char** argv);

}  // namespace tmalign::cli
