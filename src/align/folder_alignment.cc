#include "align/folder_alignment.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

namespace tmalign {

void AlignPairs(const std::vector<FilePair>& pairs, const BilingualLexicon& lexicon,
                const DocumentAlignmentOptions& options, int jobs,
                const std::function<void(size_t index, PairAlignment&& result)>& on_done,
                const std::function<bool()>& stop) {
  const size_t n = pairs.size();
  std::vector<std::optional<PairAlignment>> results(n);
  // Largest pairs first, so no thread is left with a big one at the end; results still
  // come back in pair order.
  std::vector<size_t> order(n);
  std::vector<uintmax_t> size(n, 0);
  for (size_t i = 0; i < n; ++i) {
    order[i] = i;
    std::error_code ec;
    for (const std::string* p : {&pairs[i].zh_path, &pairs[i].en_path}) {
      const uintmax_t bytes = std::filesystem::file_size(*p, ec);
      if (!ec) size[i] += bytes;
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return size[a] > size[b]; });
  const int threads = std::clamp(jobs, 1, static_cast<int>(std::max<size_t>(n, 1)));
  DocumentAlignmentOptions per_pair = options;
  if (threads > 1) per_pair.align.threads = 1;  // the cores are busy with other pairs already
  std::mutex mu;
  std::condition_variable cv;
  size_t next = 0;  // the next pair a worker takes
  auto work = [&] {
    while (true) {
      size_t i;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (next >= n || (stop && stop())) return;
        i = order[next++];
      }
      PairAlignment r;
      r.status = AlignDocumentFiles(pairs[i].zh_path, pairs[i].en_path, lexicon, per_pair, &r.document);
      {
        std::lock_guard<std::mutex> lock(mu);
        results[i] = std::move(r);
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) workers.emplace_back(work);
  // Hand results over in order; a finished result is moved out so memory stays bounded by
  // the pairs in flight and those waiting for an earlier one.
  for (size_t i = 0; i < n; ++i) {
    PairAlignment r;
    {
      std::unique_lock<std::mutex> lock(mu);
      // A stop request comes from outside (a signal): look at it every 50 ms.
      while (!results[i].has_value() && !(stop && stop())) cv.wait_for(lock, std::chrono::milliseconds(50));
      if (!results[i].has_value()) {
        next = n;
        break;
      }
      r = std::move(*results[i]);
      results[i].reset();
    }
    on_done(i, std::move(r));
    if (stop && stop()) {
      std::lock_guard<std::mutex> lock(mu);
      next = n;
      break;
    }
  }
  for (std::thread& w : workers) w.join();
}

}  // namespace tmalign
