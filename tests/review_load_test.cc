// The review server under load (tests/review_load.h): many clients at once on one document,
// then the final document must equal a serial replay of the accepted edits in their commit
// order, every stale edit must have been answered 409 and every bad request 4xx with a JSON
// error. Small enough for CI; bench/review runs 200 clients x 50 requests.
#include "review_load.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "review/review_server.h"
#include "temp_dir.h"
#include "tm/translation_memory.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

TEST(ReviewLoadTest, ConcurrentClientsEndInTheSerialReplayOfTheAcceptedEdits) {
  const std::string dir = ::tmalign::testing::MakeTempDir("tmalign_review_load");
  ASSERT_FALSE(dir.empty());
  {
    std::unique_ptr<TranslationMemory> tm;
    ASSERT_TRUE(TranslationMemory::Open(dir + "/tm.sqlite", &tm).ok());
    TmDocument doc;
    doc.id = "load";
    doc.src_lang = "zh";
    doc.tgt_lang = "en";
    ASSERT_TRUE(tm->ReplaceDocument(doc, testing::ReviewLoadUnits(60)).ok());
  }  // closed: the WAL is checkpointed into the file, which can now be copied
  fs::copy_file(dir + "/tm.sqlite", dir + "/replay.sqlite");
  std::unique_ptr<TranslationMemory> tm, replay;
  ASSERT_TRUE(TranslationMemory::OpenExisting(dir + "/tm.sqlite", &tm).ok());
  ASSERT_TRUE(TranslationMemory::OpenExisting(dir + "/replay.sqlite", &replay).ok());
  TmDocument before;
  ASSERT_TRUE(tm->RequireDocument("load", &before).ok());

  ReviewServer server(tm.get(), "load", nullptr);
  ASSERT_TRUE(server.Bind(0).ok());
  Status run_status;
  std::thread runner([&] { run_status = server.Run(); });
  for (int i = 0; i < 500 && !server.IsRunning(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_TRUE(server.IsRunning());
  testing::ReviewLoadOptions options;
  options.port = server.port();
  options.token = server.token();
  options.clients = 24;
  options.requests = 15;
  const testing::ReviewLoadResult load = testing::RunReviewLoad(options);
  server.Stop();
  runner.join();
  EXPECT_TRUE(run_status.ok()) << run_status.message();

  for (const std::string& p : load.problems) ADD_FAILURE() << p;
  EXPECT_GT(load.reads, 0);
  EXPECT_GT(load.edits, 0);
  EXPECT_GT(load.stale_sent, 0);
  EXPECT_EQ(load.stale_409, load.stale_sent);
  EXPECT_GT(load.bad_sent, 0);
  EXPECT_EQ(load.bad_4xx_json, load.bad_sent);
  // Each accepted edit made exactly one version: none lost, none applied twice.
  ASSERT_EQ(static_cast<int>(load.accepted.size()), load.edits);
  for (size_t k = 0; k < load.accepted.size(); ++k)
    ASSERT_EQ(load.accepted[k].version, before.version + 1 + static_cast<int64_t>(k));
  EXPECT_EQ(testing::ReplayAndCompare(tm.get(), replay.get(), "load", load.accepted), "");

  tm.reset();
  replay.reset();
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace tmalign
