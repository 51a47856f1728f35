// The load driver of bench/review: starts `tmalign review` on a fresh TM holding one document,
// runs 200 clients x 50 requests against it (tests/review_load.h: reads, edits, stale edits,
// bad requests), then prints the answers, p50/p95 latencies of reads and edits, the server's
// resident memory before and after, and whether the final document equals a serial replay of
// the accepted edits in their commit order. Exits 1 if any check fails.
//
// usage: tmalign_review_load BINARY [--clients N] [--requests N] [--units N] [--seed N]
#include "review_load.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using namespace tmalign;

// A field of /proc/PID/status in kB ("VmRSS", "VmHWM"), -1 if unreadable.
long StatusKb(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
  }
  return -1;
}

int Usage() {
  std::fprintf(stderr,
               "usage: tmalign_review_load BINARY [--clients N] [--requests N] [--units N] [--seed N]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string binary = argv[1];
  testing::ReviewLoadOptions options;
  options.clients = 200;
  options.requests = 50;
  int units = 300;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const int value = std::atoi(argv[i + 1]);
    if (flag == "--clients")
      options.clients = value;
    else if (flag == "--requests")
      options.requests = value;
    else if (flag == "--units")
      units = value;
    else if (flag == "--seed")
      options.seed = static_cast<uint32_t>(value);
    else
      return Usage();
  }

  const std::string dir = testing::MakeTempDir("tmalign_bench_review");
  const std::string tm_path = dir + "/tm.sqlite", replay_path = dir + "/replay.sqlite";
  {
    std::unique_ptr<TranslationMemory> tm;
    Status s = TranslationMemory::Open(tm_path, &tm);
    TmDocument doc;
    doc.id = "load";
    doc.src_lang = "zh";
    doc.tgt_lang = "en";
    if (s.ok()) s = tm->ReplaceDocument(doc, testing::ReviewLoadUnits(units));
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
  }
  fs::copy_file(tm_path, replay_path);

  // The server, as a user starts it; its first line of output is the URL with the token.
  int out_pipe[2];
  if (pipe(out_pipe) != 0) return 1;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_pipe[1], 1);
    close(out_pipe[0]);
    execl(binary.c_str(), binary.c_str(), "review", "--tm", tm_path.c_str(), "--doc", "load",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out_pipe[1]);
  std::string url;
  char c;
  while (read(out_pipe[0], &c, 1) == 1 && c != '\n') url += c;
  const size_t colon = url.find(':', 7), slash = url.find('/', colon), token_at = url.find("token=");
  if (colon == std::string::npos || slash == std::string::npos || token_at == std::string::npos) {
    std::fprintf(stderr, "tmalign review printed no URL (%s)\n", url.c_str());
    return 1;
  }
  options.port = std::atoi(url.substr(colon + 1, slash - colon - 1).c_str());
  options.token = url.substr(token_at + 6);

  // Warm up with a few reads (allocator pools, page cache), then measure from there.
  {
    httplib::Client http("127.0.0.1", options.port);
    for (int i = 0; i < 5; ++i) http.Get(("/api/document?token=" + options.token).c_str());
  }
  const long rss_before = StatusKb(pid, "VmRSS");
  const auto t0 = std::chrono::steady_clock::now();
  const testing::ReviewLoadResult load = testing::RunReviewLoad(options);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const long rss_after = StatusKb(pid, "VmRSS"), rss_peak = StatusKb(pid, "VmHWM");
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);

  std::unique_ptr<TranslationMemory> live, replay;
  std::string replay_result = "cannot open the TMs";
  if (TranslationMemory::OpenExisting(tm_path, &live).ok() &&
      TranslationMemory::OpenExisting(replay_path, &replay).ok()) {
    replay_result = testing::ReplayAndCompare(live.get(), replay.get(), "load", load.accepted);
  }
  live.reset();
  replay.reset();
  std::error_code ec;
  fs::remove_all(dir, ec);

  const int total = options.clients * options.requests;
  std::printf(
      "review server under load: %d clients x %d requests = %d, on a document of %d units, in %.1f s (%.0f "
      "requests/s)\n",
      options.clients, options.requests, total, units, secs, secs > 0 ? total / secs : 0.0);
  std::printf("  reads:        %6d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms\n", load.reads,
              testing::Percentile(load.read_ms, 50), testing::Percentile(load.read_ms, 95),
              testing::Percentile(load.read_ms, 100));
  std::printf(
      "  edits:        %6zu  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (accepted %d, refused 409 as another "
      "client was first %d)\n",
      load.edit_ms.size(), testing::Percentile(load.edit_ms, 50), testing::Percentile(load.edit_ms, 95),
      testing::Percentile(load.edit_ms, 100), load.edits, load.conflicts);
  std::printf("  stale edits:  %6d  answered 409: %d\n", load.stale_sent, load.stale_409);
  std::printf("  bad requests: %6d  answered 4xx with a JSON error: %d\n", load.bad_sent, load.bad_4xx_json);
  std::printf("  other problems (no answer, 5xx, wrong status): %zu\n", load.problems.size());
  for (size_t i = 0; i < load.problems.size() && i < 5; ++i)
    std::printf("    %s\n", load.problems[i].c_str());
  std::printf("  server memory (VmRSS): %.1f MB before, %.1f MB after: +%.1f MB (peak %.1f MB)\n",
              rss_before / 1024.0, rss_after / 1024.0, (rss_after - rss_before) / 1024.0, rss_peak / 1024.0);
  std::printf("  final document = serial replay of the %zu accepted edits in commit order: %s\n",
              load.accepted.size(), replay_result.empty() ? "yes" : replay_result.c_str());
  const bool ok = load.problems.empty() && load.stale_409 == load.stale_sent &&
                  load.bad_4xx_json == load.bad_sent && replay_result.empty() &&
                  rss_after - rss_before < 50 * 1024;
  std::printf("%s\n", ok ? "OK" : "FAILED");
  return ok ? 0 : 1;
}
