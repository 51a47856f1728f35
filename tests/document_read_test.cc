// ReadDocument on what is not a regular file: a pipe is read as text (as `split <(cmd)`
// reads it), a folder is refused by name.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "doc/document.h"
#include "temp_dir.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

TEST(DocumentReadTest, APipeIsReadAsText) {
  const std::string dir = ::tmalign::testing::MakeTempDir("tmalign_document_read");
  ASSERT_FALSE(dir.empty());
  const std::string fifo = dir + "/pipe";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] { std::ofstream(fifo) << "First sentence. Second one.\n"; });
  DocumentText doc;
  const Status s = ReadDocument(fifo, DocumentReadOptions(), &doc);
  writer.join();
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(doc.format, DocumentFormat::kText);
  EXPECT_EQ(doc.utf8, "First sentence. Second one.\n");
  EXPECT_FALSE(doc.sha256.empty());
  fs::remove_all(dir);
}

TEST(DocumentReadTest, AFolderIsRefusedByName) {
  const std::string dir = ::tmalign::testing::MakeTempDir("tmalign_document_read");
  ASSERT_FALSE(dir.empty());
  DocumentText doc;
  const Status s = ReadDocument(dir, DocumentReadOptions(), &doc);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), dir + ": is a directory");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tmalign
