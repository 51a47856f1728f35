#include "util/parallel_for.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace tmalign {

void ParallelFor(size_t count, unsigned threads,
                 const std::function<void(unsigned worker, size_t begin, size_t end)>& fn) {
  if (threads <= 1 || count < 2) {
    fn(0, 0, count);
    return;
  }
  const size_t chunk = (count + threads - 1) / threads;
  std::vector<std::thread> helpers;
  helpers.reserve(threads - 1);
  for (unsigned w = 1; w < threads; ++w) {
    const size_t begin = std::min(count, chunk * w), end = std::min(count, chunk * (w + 1));
    helpers.emplace_back([&fn, w, begin, end] { fn(w, begin, end); });
  }
  fn(0, 0, std::min(count, chunk));
  for (std::thread& t : helpers) t.join();
}

unsigned DefaultThreadCount() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace tmalign
