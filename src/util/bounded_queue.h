// A queue between two threads of a pipeline: bounded, so a slow consumer holds the producer
// back instead of letting memory grow.
#ifndef TMALIGN_UTIL_BOUNDED_QUEUE_H_
#define TMALIGN_UTIL_BOUNDED_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <utility>

namespace tmalign {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // Waits for room; false when the consumer has stopped (the producer should stop too).
  bool Push(T&& item) {
    std::unique_lock<std::mutex> lock(mu_);
    can_push_.wait(lock, [&] { return items_.size() < capacity_ || stopped_; });
    if (stopped_) return false;
    items_.push_back(std::move(item));
    can_pop_.notify_one();
    return true;
  }
  // Waits for an item; false at the end (empty after Close) or when stopped.
  bool Pop(T* item) {
    std::unique_lock<std::mutex> lock(mu_);
    can_pop_.wait(lock, [&] { return !items_.empty() || closed_ || stopped_; });
    if (items_.empty() || stopped_) return false;
    *item = std::move(items_.front());
    items_.pop_front();
    can_push_.notify_one();
    return true;
  }
  // The producer is done: Pop returns what is left, then false.
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    can_pop_.notify_all();
  }
  // Either side gives up: Push and Pop return false from now on.
  void Stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = true;
    can_push_.notify_all();
    can_pop_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable can_push_, can_pop_;
  std::deque<T> items_;
  bool closed_ = false, stopped_ = false;
};

}  // namespace tmalign

#endif  // TMALIGN_UTIL_BOUNDED_QUEUE_H_
