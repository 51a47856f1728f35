#include "cli/interrupt.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <thread>

namespace tmalign::cli {
namespace {

// Lock-free atomics: safe in a signal handler, and read by worker threads (AlignPairs' stop).
std::atomic<int> g_signal{0};
std::atomic<int> g_deferring{0};
static_assert(std::atomic<int>::is_always_lock_free);
const char* g_message = "";

extern "C" void OnInterrupt(int sig) {
  int none = 0;
  g_signal.compare_exchange_strong(none, sig);
  if (g_deferring.load() == 0) {
    // Not inside a TM write: nothing is half-done, stop now (write and _exit are async-signal-safe).
    ssize_t ignored = write(STDERR_FILENO, g_message, std::strlen(g_message));
    (void)ignored;
    _exit(128 + sig);
  }
}

}  // namespace

void CatchInterrupts(const char* message) {
  g_message = message;
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // a noted signal must not make reads and writes fail
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

DeferInterrupts::DeferInterrupts() { ++g_deferring; }
DeferInterrupts::~DeferInterrupts() { --g_deferring; }

int InterruptSignal() { return g_signal.load(); }

int InterruptExitCode() { return 128 + g_signal.load(); }

const char* InterruptName() { return g_signal.load() == SIGTERM ? "SIGTERM" : "SIGINT"; }

bool InterruptedAtCommit() {
  PauseForTest("commit");
  return Interrupted();
}

void PauseForTest(const char* point) {
  static int calls = 0;
  const char* want = std::getenv("TMALIGN_TEST_PAUSE");
  if (want == nullptr) return;
  const std::string_view spec(want);
  const size_t colon = spec.find(':');
  if (spec.substr(0, colon) != point) return;
  const int nth = colon == std::string_view::npos ? 1 : std::atoi(want + colon + 1);
  if (++calls != nth) return;
  std::fprintf(stderr, "tmalign: paused at %s\n", want);
  std::fflush(stderr);
  for (int i = 0; i < 6000 && !Interrupted(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

}  // namespace tmalign::cli
