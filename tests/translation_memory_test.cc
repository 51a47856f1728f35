#include "tm/translation_memory.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "temp_dir.h"
#include "tm/schema.h"
#include "tm/sqlite_handle.h"
#include "util/sha256.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

class TranslationMemoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_tm_test");
    ASSERT_FALSE(std::string(dir_).empty());
    path_ = (fs::path(dir_) / "tm.sqlite").string();
  }
  void TearDown() override {
    // Restore permissions a test may have removed, so the tree can be deleted.
    std::error_code ec;
    for (auto& entry : fs::recursive_directory_iterator(dir_, ec)) {
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(dir_, ec);
  }

  std::set<std::string> ListDir() const {
    std::set<std::string> names;
    for (auto& entry : fs::directory_iterator(dir_)) names.insert(entry.path().filename().string());
    return names;
  }

  void WriteFile(const std::string& path, const std::string& content) const {
    std::ofstream out(path, std::ios::binary);
    out << content;
  }

  std::string ReadFile(const std::string& path) const {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  // A plain connection that bypasses TranslationMemory, to inspect or tamper with the file.
  std::unique_ptr<SqliteDb> Raw(const std::string& path) const {
    std::unique_ptr<SqliteDb> db;
    Status s = SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, path, &db);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return db;
  }

  std::string QueryText(SqliteDb* db, const char* sql) const {
    SqliteStatement stmt;
    Status s = SqliteStatement::Prepare(db, sql, &stmt);
    EXPECT_TRUE(s.ok()) << s.ToString();
    bool has_row = false;
    s = stmt.Step(&has_row);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return has_row ? stmt.ColumnText(0) : std::string("<no row>");
  }

  std::unique_ptr<TranslationMemory> MustOpen() const {
    std::unique_ptr<TranslationMemory> tm;
    Status s = TranslationMemory::Open(path_, &tm);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return tm;
  }

  static TmDocument Doc(const std::string& id, const std::string& title) {
    TmDocument d;
    d.id = id;
    d.title = title;
    d.src_lang = "zh";
    d.tgt_lang = "en";
    d.src_path = "corpus/zh.txt";
    d.tgt_path = "corpus/en.txt";
    d.src_sha256 = Sha256Hex("zh");
    d.tgt_sha256 = Sha256Hex("en");
    return d;
  }

  static TmUnit Unit(int position, std::vector<int> src, std::vector<int> tgt, std::string source,
                     std::string target, double confidence) {
    TmUnit u;
    u.position = position;
    u.src_ids = std::move(src);
    u.tgt_ids = std::move(tgt);
    u.source = std::move(source);
    u.target = std::move(target);
    u.confidence = confidence;
    return u;
  }

  static std::vector<TmUnit> FirstUnits() {
    return {Unit(0, {0}, {0}, "梅建平认为，区块链很重要。", "Mei Jianping said blockchain matters.", 0.9),
            Unit(1, {1, 2}, {1}, "第一句。第二句。", "First and second.", 0.75),
            Unit(2, {3}, {}, "未翻译。", "", 0.0)};
  }

  static std::vector<TmUnit> SecondUnits() {
    return {Unit(0, {0}, {0, 1}, "新的。", "New. Again.", 1.0), Unit(1, {}, {2}, "", "Extra.", 0.5)};
  }

  static void ExpectSameUnits(const std::vector<TmUnit>& actual, const std::vector<TmUnit>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < actual.size(); ++i) {
      SCOPED_TRACE("unit " + std::to_string(i));
      EXPECT_EQ(actual[i].position, expected[i].position);
      EXPECT_EQ(actual[i].src_ids, expected[i].src_ids);
      EXPECT_EQ(actual[i].tgt_ids, expected[i].tgt_ids);
      EXPECT_EQ(actual[i].source, expected[i].source);
      EXPECT_EQ(actual[i].target, expected[i].target);
      EXPECT_DOUBLE_EQ(actual[i].confidence, expected[i].confidence);
    }
  }

  std::string dir_;
  std::string path_;
};

const std::regex kIsoUtc(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");

TEST_F(TranslationMemoryTest, CreateAndReopenKeepsData) {
  {
    auto tm = MustOpen();
    ASSERT_TRUE(tm);
    EXPECT_EQ(tm->schema_version(), LatestTmSchemaVersion());
    // Stored out of order; read back ordered by position.
    std::vector<TmUnit> shuffled = FirstUnits();
    std::swap(shuffled[0], shuffled[2]);
    ASSERT_TRUE(tm->ReplaceDocument(Doc("bulletin-7", "Bulletin 7"), shuffled).ok());
  }
  auto tm = MustOpen();
  ASSERT_TRUE(tm);
  TmDocument doc;
  bool found = false;
  ASSERT_TRUE(tm->GetDocument("bulletin-7", &doc, &found).ok());
  ASSERT_TRUE(found);
  TmDocument want = Doc("bulletin-7", "Bulletin 7");
  EXPECT_EQ(doc.title, want.title);
  EXPECT_EQ(doc.src_lang, "zh");
  EXPECT_EQ(doc.tgt_lang, "en");
  EXPECT_EQ(doc.src_path, want.src_path);
  EXPECT_EQ(doc.tgt_path, want.tgt_path);
  EXPECT_EQ(doc.src_sha256, want.src_sha256);
  EXPECT_EQ(doc.tgt_sha256, want.tgt_sha256);
  EXPECT_TRUE(std::regex_match(doc.created_at, kIsoUtc)) << doc.created_at;
  EXPECT_EQ(doc.updated_at, doc.created_at);

  std::vector<TmUnit> units;
  ASSERT_TRUE(tm->GetUnits("bulletin-7", &units).ok());
  ExpectSameUnits(units, FirstUnits());

  std::vector<TmDocumentSummary> docs;
  ASSERT_TRUE(tm->ListDocuments(&docs).ok());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].doc.id, "bulletin-7");
  EXPECT_EQ(docs[0].unit_count, 3);

  ASSERT_TRUE(tm->GetDocument("absent", &doc, &found).ok());
  EXPECT_FALSE(found);
  ASSERT_TRUE(tm->GetUnits("absent", &units).ok());
  EXPECT_TRUE(units.empty());
}

TEST_F(TranslationMemoryTest, SetsUserVersionApplicationIdAndWal) {
  ASSERT_TRUE(MustOpen());
  auto raw = Raw(path_);
  EXPECT_EQ(QueryText(raw.get(), "PRAGMA user_version"), std::to_string(LatestTmSchemaVersion()));
  EXPECT_EQ(QueryText(raw.get(), "PRAGMA application_id"), std::to_string(kTmApplicationId));
  EXPECT_EQ(QueryText(raw.get(), "PRAGMA journal_mode"), "wal");
}

TEST_F(TranslationMemoryTest, MigrationsAreNumberedWithoutGaps) {
  const auto& migrations = TmMigrations();
  ASSERT_FALSE(migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1));
}

TEST_F(TranslationMemoryTest, UnitLookupsByDocumentUseAnIndex) {
  ASSERT_TRUE(MustOpen());
  auto raw = Raw(path_);
  SqliteStatement stmt;
  ASSERT_TRUE(SqliteStatement::Prepare(
                  raw.get(), "EXPLAIN QUERY PLAN SELECT source FROM units WHERE doc_id = 'x'", &stmt)
                  .ok());
  std::string plan;
  bool has_row = false;
  while (stmt.Step(&has_row).ok() && has_row) plan += stmt.ColumnText(3) + ";";  // column 3: detail
  EXPECT_NE(plan.find("INDEX"), std::string::npos) << plan;
}

TEST_F(TranslationMemoryTest, ReplaceTwiceKeepsOnlySecondUnitsAndCreatedAt) {
  auto tm = MustOpen();
  ASSERT_TRUE(tm);
  ASSERT_TRUE(tm->ReplaceDocument(Doc("d", "First"), FirstUnits()).ok());
  // Backdate created_at so that keeping it is distinguishable from rewriting it.
  const std::string kOld = "2000-01-01T00:00:00Z";
  {
    auto raw = Raw(path_);
    ASSERT_TRUE(
        raw->Exec("UPDATE documents SET created_at = '" + kOld + "', updated_at = '" + kOld + "'").ok());
  }
  ASSERT_TRUE(tm->ReplaceDocument(Doc("d", "Second"), SecondUnits()).ok());

  TmDocument doc;
  bool found = false;
  ASSERT_TRUE(tm->GetDocument("d", &doc, &found).ok());
  ASSERT_TRUE(found);
  EXPECT_EQ(doc.title, "Second");
  EXPECT_EQ(doc.created_at, kOld);
  EXPECT_NE(doc.updated_at, kOld);
  EXPECT_TRUE(std::regex_match(doc.updated_at, kIsoUtc)) << doc.updated_at;

  std::vector<TmUnit> units;
  ASSERT_TRUE(tm->GetUnits("d", &units).ok());
  ExpectSameUnits(units, SecondUnits());
  auto raw = Raw(path_);
  EXPECT_EQ(QueryText(raw.get(), "SELECT count(*) FROM units"), "2");
}

TEST_F(TranslationMemoryTest, FailedReplaceLeavesPreviousVersionIntact) {
  auto tm = MustOpen();
  ASSERT_TRUE(tm);
  ASSERT_TRUE(tm->ReplaceDocument(Doc("d", "First"), FirstUnits()).ok());

  std::vector<TmUnit> bad = SecondUnits();
  bad.push_back(Unit(2, {5}, {5}, "坏", "bad", 2.0));  // violates the confidence CHECK after valid units
  Status s = tm->ReplaceDocument(Doc("d", "Broken"), bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message().rfind(path_ + ": document 'd' unit at position 2: ", 0), 0u) << s.message();
  EXPECT_NE(s.message().find("CHECK constraint failed"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find('\n'), std::string::npos);

  std::vector<TmUnit> units;
  ASSERT_TRUE(tm->GetUnits("d", &units).ok());
  ExpectSameUnits(units, FirstUnits());
  TmDocument doc;
  bool found = false;
  ASSERT_TRUE(tm->GetDocument("d", &doc, &found).ok());
  EXPECT_EQ(doc.title, "First");

  // The store stays usable after the rollback.
  ASSERT_TRUE(tm->ReplaceDocument(Doc("d", "Second"), SecondUnits()).ok());
  ASSERT_TRUE(tm->GetUnits("d", &units).ok());
  ExpectSameUnits(units, SecondUnits());
}

TEST_F(TranslationMemoryTest, RejectsBadUnitsWithoutStoringAnything) {
  auto tm = MustOpen();
  ASSERT_TRUE(tm);
  std::vector<TmUnit> duplicate = {Unit(0, {0}, {0}, "a", "a", 0.5), Unit(0, {1}, {1}, "b", "b", 0.5)};
  EXPECT_EQ(tm->ReplaceDocument(Doc("dup", ""), duplicate).code(), Status::Code::kInvalidInput);
  std::vector<TmUnit> nan = {Unit(0, {0}, {0}, "a", "a", std::nan(""))};
  EXPECT_EQ(tm->ReplaceDocument(Doc("nan", ""), nan).code(), Status::Code::kInvalidInput);
  std::vector<TmUnit> negative_id = {Unit(0, {-1}, {0}, "a", "a", 0.5)};
  EXPECT_EQ(tm->ReplaceDocument(Doc("neg", ""), negative_id).code(), Status::Code::kInvalidInput);
  EXPECT_EQ(tm->ReplaceDocument(Doc("", ""), {}).code(), Status::Code::kInvalidInput);

  std::vector<TmDocumentSummary> docs;
  ASSERT_TRUE(tm->ListDocuments(&docs).ok());
  EXPECT_TRUE(docs.empty());
}

TEST_F(TranslationMemoryTest, DeleteDocumentCascadesToUnits) {
  auto tm = MustOpen();
  ASSERT_TRUE(tm);
  ASSERT_TRUE(tm->ReplaceDocument(Doc("a", ""), FirstUnits()).ok());
  ASSERT_TRUE(tm->ReplaceDocument(Doc("b", ""), SecondUnits()).ok());
  bool found = false;
  ASSERT_TRUE(tm->DeleteDocument("a", &found).ok());
  EXPECT_TRUE(found);
  ASSERT_TRUE(tm->DeleteDocument("a", &found).ok());
  EXPECT_FALSE(found);

  auto raw = Raw(path_);
  EXPECT_EQ(QueryText(raw.get(), "SELECT count(*) FROM units WHERE doc_id = 'a'"), "0");
  EXPECT_EQ(QueryText(raw.get(), "SELECT count(*) FROM units"), "2");
  std::vector<TmDocumentSummary> docs;
  ASSERT_TRUE(tm->ListDocuments(&docs).ok());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].doc.id, "b");
  EXPECT_EQ(docs[0].unit_count, 2);
}

TEST_F(TranslationMemoryTest, InjectionLookingTextRoundTrips) {
  const std::string evil = "x'); DROP TABLE units;--";
  auto tm = MustOpen();
  ASSERT_TRUE(tm);
  TmDocument doc = Doc(evil, evil + " \"title\"");
  doc.src_path = evil;
  std::vector<TmUnit> units = {Unit(0, {0}, {0}, evil, "Robert'); DROP TABLE documents;--", 0.5),
                               Unit(1, {1}, {1}, std::string("nul\0byte", 8), "%s %n ? ?1 :x", 0.5)};
  ASSERT_TRUE(tm->ReplaceDocument(doc, units).ok());

  TmDocument got;
  bool found = false;
  ASSERT_TRUE(tm->GetDocument(evil, &got, &found).ok());
  ASSERT_TRUE(found);
  EXPECT_EQ(got.id, evil);
  EXPECT_EQ(got.title, doc.title);
  EXPECT_EQ(got.src_path, evil);
  std::vector<TmUnit> back;
  ASSERT_TRUE(tm->GetUnits(evil, &back).ok());
  ExpectSameUnits(back, units);
  ASSERT_TRUE(tm->DeleteDocument(evil, &found).ok());
  EXPECT_TRUE(found);

  auto raw = Raw(path_);
  EXPECT_EQ(QueryText(raw.get(), "SELECT count(*) FROM sqlite_master WHERE name IN ('units', 'documents')"),
            "2");
}

TEST_F(TranslationMemoryTest, TwoConnectionsCanWriteTheSameFile) {
  auto first = MustOpen();
  auto second = MustOpen();
  ASSERT_TRUE(first && second);
  ASSERT_TRUE(first->ReplaceDocument(Doc("a", ""), FirstUnits()).ok());
  ASSERT_TRUE(second->ReplaceDocument(Doc("b", ""), SecondUnits()).ok());
  std::vector<TmDocumentSummary> docs;
  ASSERT_TRUE(first->ListDocuments(&docs).ok());
  EXPECT_EQ(docs.size(), 2u);
}

TEST_F(TranslationMemoryTest, EmptyExistingFileBecomesATm) {
  WriteFile(path_, "");
  auto tm = MustOpen();
  ASSERT_TRUE(tm);
  EXPECT_EQ(tm->schema_version(), LatestTmSchemaVersion());
}

TEST_F(TranslationMemoryTest, MissingFolderFailsAndCreatesNothing) {
  std::string path = dir_ + "/no/such/dir/tm.sqlite";
  std::unique_ptr<TranslationMemory> tm;
  Status s = TranslationMemory::Open(path, &tm);
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_EQ(s.message(), path + ": folder does not exist");
  EXPECT_FALSE(tm);
  EXPECT_TRUE(ListDir().empty());
  EXPECT_EQ(TranslationMemory::CheckWritable(path).message(), path + ": folder does not exist");
}

TEST_F(TranslationMemoryTest, ParentThatIsAFileFails) {
  std::string file = dir_ + "/notes.txt";
  WriteFile(file, "hello\n");
  std::string path = file + "/tm.sqlite";
  std::unique_ptr<TranslationMemory> tm;
  Status s = TranslationMemory::Open(path, &tm);
  EXPECT_EQ(s.message(), path + ": " + file + " is not a folder");
  EXPECT_EQ(ListDir(), std::set<std::string>{"notes.txt"});
  EXPECT_EQ(ReadFile(file), "hello\n");
}

TEST_F(TranslationMemoryTest, FolderAsTmPathFails) {
  std::unique_ptr<TranslationMemory> tm;
  Status s = TranslationMemory::Open(dir_, &tm);
  EXPECT_EQ(s.message(), dir_ + ": is a folder, not a file");
}

TEST_F(TranslationMemoryTest, ReadOnlyFolderFailsAndCreatesNothing) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores permission bits";
  ASSERT_EQ(chmod(dir_.c_str(), 0555), 0);
  std::unique_ptr<TranslationMemory> tm;
  Status s = TranslationMemory::Open(path_, &tm);
  EXPECT_EQ(s.message(), path_ + ": folder is not writable");
  EXPECT_EQ(TranslationMemory::CheckWritable(path_).message(), path_ + ": folder is not writable");
  chmod(dir_.c_str(), 0755);
  EXPECT_TRUE(ListDir().empty());
}

// The permission tests above skip as root (CI runs as root); /proc refuses new files to root too.
TEST_F(TranslationMemoryTest, UnwritableFolderFailsEvenForRoot) {
  const std::string path = "/proc/tmalign-test-tm.sqlite";
  std::unique_ptr<TranslationMemory> tm;
  Status s = TranslationMemory::Open(path, &tm);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind(path + ": ", 0), 0u) << s.message();
  EXPECT_EQ(tm, nullptr);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(TranslationMemoryTest, ReadOnlyFileFails) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores permission bits";
  ASSERT_TRUE(MustOpen());
  ASSERT_EQ(chmod(path_.c_str(), 0444), 0);
  std::unique_ptr<TranslationMemory> tm;
  Status s = TranslationMemory::Open(path_, &tm);
  EXPECT_EQ(s.message(), path_ + ": file is not writable");
  EXPECT_EQ(TranslationMemory::CheckWritable(path_).message(), path_ + ": file is not writable");
}

TEST_F(TranslationMemoryTest, GarbageFileFailsAndIsLeftAlone) {
  const std::string garbage(4096, 'z');
  WriteFile(path_, garbage);
  std::unique_ptr<TranslationMemory> tm;
  Status s = TranslationMemory::Open(path_, &tm);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), path_ + ": not a SQLite database");
  EXPECT_EQ(ListDir(), std::set<std::string>{"tm.sqlite"});
  EXPECT_EQ(ReadFile(path_), garbage);
}

TEST_F(TranslationMemoryTest, ForeignDatabaseFailsAndIsLeftAlone) {
  {
    auto raw = Raw(path_);
    ASSERT_TRUE(raw->Exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada')").ok());
  }
  std::string before = ReadFile(path_);
  std::unique_ptr<TranslationMemory> tm;
  Status s = TranslationMemory::Open(path_, &tm);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), path_ + ": not a tmalign translation memory (a SQLite database with other content)");
  EXPECT_EQ(ListDir(), std::set<std::string>{"tm.sqlite"});
  EXPECT_EQ(ReadFile(path_), before);  // in particular, not switched to WAL
}

TEST_F(TranslationMemoryTest, NewerSchemaFailsAndIsLeftAlone) {
  {
    auto raw = Raw(path_);
    ASSERT_TRUE(raw->Exec("CREATE TABLE future (x); PRAGMA application_id = " +
                          std::to_string(kTmApplicationId) + "; PRAGMA user_version = 7")
                    .ok());
  }
  std::string before = ReadFile(path_);
  std::unique_ptr<TranslationMemory> tm;
  Status s = TranslationMemory::Open(path_, &tm);
  EXPECT_EQ(s.message(), path_ + ": schema version 7 is newer than this tmalign (" +
                             std::to_string(LatestTmSchemaVersion()) + "); upgrade tmalign");
  EXPECT_EQ(ListDir(), std::set<std::string>{"tm.sqlite"});
  EXPECT_EQ(ReadFile(path_), before);
}

TEST_F(TranslationMemoryTest, CheckWritableCreatesNothing) {
  EXPECT_TRUE(TranslationMemory::CheckWritable(path_).ok());
  EXPECT_TRUE(ListDir().empty());
  ASSERT_TRUE(MustOpen());
  EXPECT_TRUE(TranslationMemory::CheckWritable(path_).ok());
  EXPECT_EQ(TranslationMemory::CheckWritable("").code(), Status::Code::kUsage);
}

TEST(DefaultTmPathTest, HonoursEnvironment) {
  const char* saved = std::getenv("TMALIGN_TM");
  std::string saved_value = saved ? saved : "";
  setenv("TMALIGN_TM", "/data/team.sqlite", 1);
  EXPECT_EQ(DefaultTmPath(), "/data/team.sqlite");
  setenv("TMALIGN_TM", "", 1);
  EXPECT_EQ(DefaultTmPath(), "tm.sqlite");
  unsetenv("TMALIGN_TM");
  EXPECT_EQ(DefaultTmPath(), "tm.sqlite");
  if (saved) setenv("TMALIGN_TM", saved_value.c_str(), 1);
}

}  // namespace
}  // namespace tmalign
