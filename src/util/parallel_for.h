// ParallelFor: one range of work split into contiguous chunks, one chunk a thread.
#pragma once

#include <cstddef>
#include <functional>

namespace tmalign {

// Calls fn(worker, begin, end) for `threads` contiguous chunks covering [0, count), each on
// its own thread (worker 0 on the calling thread), and returns when all have returned. A
// chunk may be empty. fn must not throw. With threads <= 1, or count small, it is one call on
// the calling thread. The chunking depends only on count and threads, so a caller that keeps
// per-worker state and merges the results in chunk order is deterministic.
void ParallelFor(size_t count, unsigned threads,
                 const std::function<void(unsigned worker, size_t begin, size_t end)>& fn);

// The threads worth using on this machine for CPU-bound work: hardware threads, at least 1.
unsigned DefaultThreadCount();

}  // namespace tmalign
