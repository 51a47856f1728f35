#include "util/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace tmalign {

void ParallelFor(size_t count, unsigned threads,
                 const std::function<void(unsigned worker, size_t begin, size_t end)>& fn) {
  if (threads <= 1 || count < 2) {
    fn(0, 0, count);
    return;
  }
  // Small pieces, taken in turn: units of text differ a lot in cost, and one fixed half each
  // left a core idle for a good part of every batch.
  const size_t piece = std::max<size_t>(1, count / (static_cast<size_t>(threads) * 16));
  std::atomic<size_t> next{0};
  auto work = [&](unsigned worker) {
    for (size_t begin; (begin = next.fetch_add(piece, std::memory_order_relaxed)) < count;)
      fn(worker, begin, std::min(count, begin + piece));
  };
  std::vector<std::thread> helpers;
  helpers.reserve(threads - 1);
  for (unsigned w = 1; w < threads; ++w) helpers.emplace_back(work, w);
  work(0);
  for (std::thread& t : helpers) t.join();
}

unsigned DefaultThreadCount() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace tmalign
