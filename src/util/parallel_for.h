// ParallelFor: one range of work shared by a few threads.
#pragma once

#include <cstddef>
#include <functional>

namespace tmalign {

// Calls fn(worker, begin, end) on pieces that together cover [0, count) exactly once, on
// `threads` threads (worker 0 is the calling thread), and returns when all have returned.
// Pieces are handed out in order to whichever worker is free, so a worker may get several
// and which worker gets which piece varies from run to run: a caller that writes its results
// by index, or keeps only caches per worker, is deterministic. fn must not throw. With
// threads <= 1, or count small, it is one call fn(0, 0, count) on the calling thread.
void ParallelFor(size_t count, unsigned threads,
                 const std::function<void(unsigned worker, size_t begin, size_t end)>& fn);

// The threads worth using on this machine for CPU-bound work: hardware threads, at least 1.
unsigned DefaultThreadCount();

}  // namespace tmalign
