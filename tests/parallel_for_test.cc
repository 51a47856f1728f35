#include "util/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace tmalign {

// Every index exactly once, whatever the count and the threads, and only workers that exist.
TEST(ParallelForTest, CoversEveryIndexOnce) {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (size_t count : {size_t{0}, size_t{1}, size_t{2}, size_t{7}, size_t{100}, size_t{4097}}) {
      std::vector<std::atomic<int>> seen(count);
      std::atomic<bool> bad_worker{false}, bad_range{false};
      ParallelFor(count, threads, [&](unsigned worker, size_t begin, size_t end) {
        if (worker >= threads && !(threads <= 1 && worker == 0)) bad_worker = true;
        if (begin > end || end > count) bad_range = true;
        for (size_t i = begin; i < end && i < count; ++i) ++seen[i];
      });
      EXPECT_FALSE(bad_worker) << threads << " threads, " << count;
      EXPECT_FALSE(bad_range) << threads << " threads, " << count;
      for (size_t i = 0; i < count; ++i) ASSERT_EQ(seen[i], 1) << "index " << i << " of " << count;
    }
  }
}

// The cost of items varies; a worker that is free takes the next piece, so the slow items
// do not hold all the others behind them on one thread.
TEST(ParallelForTest, HandsOutSmallPieces) {
  std::vector<int> pieces_per_worker(2, 0);
  std::atomic<int> calls{0};
  ParallelFor(1000, 2, [&](unsigned worker, size_t, size_t) {
    ++calls;
    ++pieces_per_worker[worker];  // each worker writes only its own slot
  });
  EXPECT_GT(calls.load(), 2);  // more than one piece a worker
  EXPECT_EQ(pieces_per_worker[0] + pieces_per_worker[1], calls.load());
}

}  // namespace tmalign
