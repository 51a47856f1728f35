// Unit texts stored compressed (tm/unit_text.h): a large import trains a dictionary and
// stores its texts as zstd BLOBs; every reader (export, GetUnits, ForEachUnitText, match,
// search) gets the same texts back; a short TM stays plain TEXT; a rolled-back import leaves
// no dictionary behind, in the file or in the connection's cache; a damaged value is a clear
// error. Also schema 4's import date stored once per document.
#include "tm/unit_text.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "old_schema_tm.h"
#include "temp_dir.h"
#include "tm/schema.h"
#include "tm/tm_connection.h"
#include "tm/tm_export.h"
#include "tm/tm_import.h"
#include "tm/tm_search.h"
#include "tm/translation_memory.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

// `n` synthetic pairs from a fixed seed: Chinese of 8-20 two-character words, English of as
// many words, each line distinct (its number is in both sides). `other`: another vocabulary.
std::vector<std::pair<std::string, std::string>> MakePairs(size_t n, unsigned seed, bool other = false) {
  static const char* kZh[] = {"发展", "经济", "合作", "技术", "区块", "数字", "中国", "会议", "政策", "市场",
                              "创新", "安全", "建设", "国家", "社会", "改革", "开放", "产业", "金融", "服务"};
  static const char* kEn[] = {"development", "economy",  "cooperation", "technology", "block",
                              "digital",     "China",    "meeting",     "policy",     "market",
                              "innovation",  "security", "building",    "state",      "society",
                              "reform",      "opening",  "industry",    "finance",    "service"};
  static const char* kZh2[] = {"天气", "下雨", "山水", "河流", "森林", "动物", "植物",
                               "海洋", "星空", "月亮", "太阳", "云彩", "春天", "夏天",
                               "秋天", "冬天", "花草", "鸟儿", "鱼虾", "湖泊"};
  static const char* kEn2[] = {"weather", "rain",   "mountains", "rivers", "forest", "animals", "plants",
                               "ocean",   "stars",  "moon",      "sun",    "clouds", "spring",  "summer",
                               "autumn",  "winter", "flowers",   "birds",  "fish",   "lakes"};
  std::mt19937 rng(seed);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (size_t i = 0; i < n; ++i) {
    const int k = 8 + static_cast<int>(rng() % 13);
    std::string zh, en;
    for (int w = 0; w < k; ++w) {
      const size_t j = rng() % 20;
      zh += other ? kZh2[j] : kZh[j];
      if (w > 0) en += ' ';
      en += other ? kEn2[j] : kEn[j];
    }
    zh.append("第").append(std::to_string(i)).append("号。");
    en.append(" number ").append(std::to_string(i)).append(".");
    pairs.emplace_back(zh, en);
  }
  return pairs;
}

void WriteTsv(const std::string& path, const std::vector<std::pair<std::string, std::string>>& pairs,
              const std::string& last_line = "") {
  std::ofstream out(path, std::ios::binary);
  for (const auto& [zh, en] : pairs) out << zh << '\t' << en << '\n';
  out << last_line;
}

std::string QueryText(TranslationMemory* tm, const std::string& sql) {
  SqliteStatement st;
  EXPECT_TRUE(SqliteStatement::Prepare(TmConnection(tm), sql, &st).ok()) << sql;
  bool has_row = false;
  EXPECT_TRUE(st.Step(&has_row).ok()) << sql;
  return has_row ? st.ColumnText(0) : "";
}

std::string ExportTsv(TranslationMemory* tm, Status* status) {
  std::ostringstream out;
  int64_t units = 0;
  TmExportOptions options;
  options.format = TmExportFormat::kTsv;
  *status = ExportTm(tm, options, out, &units);
  return out.str();
}

class UnitTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_unit_text_test");
    ASSERT_FALSE(dir_.empty());
    ASSERT_TRUE(TranslationMemory::Open(dir_ + "/tm.sqlite", &tm_).ok());
  }
  void TearDown() override {
    tm_.reset();
    fs::remove_all(dir_);
  }
  Status Import(const std::string& name, const std::vector<std::pair<std::string, std::string>>& pairs,
                const std::string& last_line = "") {
    const std::string path = dir_ + "/" + name + ".tsv";
    WriteTsv(path, pairs, last_line);
    TmImportSummary summary;
    return ImportTmFile(tm_.get(), path, TmImportOptions(), &summary);
  }
  std::string dir_;
  std::unique_ptr<TranslationMemory> tm_;
};

TEST_F(UnitTextTest, LargeImportIsCompressedAndReadsBackTheSame) {
  const auto pairs = MakePairs(kUnitTextTrainingUnits + 500, 1);
  ASSERT_TRUE(Import("big", pairs).ok());
  EXPECT_EQ(QueryText(tm_.get(), "SELECT count(*) FROM text_dictionaries"), "1");
  const int64_t blobs =
      std::stoll(QueryText(tm_.get(), "SELECT count(*) FROM units WHERE typeof(source) = 'blob'"));
  EXPECT_GT(blobs, static_cast<int64_t>(pairs.size() * 9 / 10));
  EXPECT_EQ(QueryText(tm_.get(), "SELECT count(*) FROM units WHERE typeof(target) = 'blob'"),
            QueryText(tm_.get(), "SELECT count(*) FROM units"));
  // Smaller on disk than the text.
  EXPECT_LT(std::stoll(QueryText(tm_.get(),
                                 "SELECT sum(length(CAST(source AS BLOB)) + length(CAST(target AS BLOB)))"
                                 " FROM units")),
            std::stoll(QueryText(tm_.get(),
                                 "SELECT sum(length(CAST(tm_text(source) AS BLOB))"
                                 " + length(CAST(tm_text(target) AS BLOB))) FROM units")) *
                2 / 3);

  // Export: the file's lines, in order.
  Status s;
  std::ostringstream want;
  for (const auto& [zh, en] : pairs) want << zh << '\t' << en << '\n';
  EXPECT_EQ(ExportTsv(tm_.get(), &s), want.str());
  ASSERT_TRUE(s.ok()) << s.ToString();

  // GetUnits and ForEachUnitText.
  std::vector<TmUnit> units;
  ASSERT_TRUE(tm_->GetUnits("big", &units).ok());
  ASSERT_EQ(units.size(), pairs.size());
  const size_t late = pairs.size() - 7;  // after the training units
  EXPECT_EQ(units[late].source, pairs[late].first);
  EXPECT_EQ(units[late].target, pairs[late].second);
  size_t seen = 0;
  ASSERT_TRUE(tm_->ForEachUnitText("big",
                                   [&](const TmUnitText& u) {
                                     EXPECT_EQ(u.source, pairs[seen].first);
                                     EXPECT_EQ(u.target, pairs[seen].second);
                                     ++seen;
                                     return true;
                                   })
                  .ok());
  EXPECT_EQ(seen, pairs.size());

  // Match verifies candidates on the decoded text; search too.
  std::unique_ptr<TmSearcher> searcher;
  ASSERT_TRUE(TmSearcher::Create(tm_.get(), &searcher).ok());
  std::vector<TmMatch> matches;
  ASSERT_TRUE(searcher->Match(pairs[777].first, TmMatchOptions(), &matches).ok());
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].score, 100);
  EXPECT_EQ(matches[0].pair.source, pairs[777].first);
  EXPECT_EQ(matches[0].pair.target, pairs[777].second);
  std::vector<TmHit> hits;
  ASSERT_TRUE(searcher->Search("number " + std::to_string(late), 5, &hits).ok());
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].pair.source, pairs[late].second);  // a hit on the English side comes reversed

  // The same pair again is found through its compressed unit (deduplicated, not a new pair);
  // a short later import uses the TM's dictionary.
  std::vector<std::pair<std::string, std::string>> more = {pairs[5], {"新的句子。", "A new sentence."}};
  const std::string path = dir_ + "/more.tsv";
  WriteTsv(path, more);
  TmImportSummary summary;
  ASSERT_TRUE(ImportTmFile(tm_.get(), path, TmImportOptions(), &summary).ok());
  EXPECT_EQ(summary.new_pairs, 1);
  EXPECT_EQ(QueryText(tm_.get(), "SELECT typeof(source) FROM units WHERE doc_id = 'more' AND position = 0"),
            "blob");
  ASSERT_TRUE(tm_->GetUnits("more", &units).ok());
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].source, pairs[5].first);
  EXPECT_EQ(units[1].target, "A new sentence.");
}

TEST_F(UnitTextTest, ShortTmStaysPlainText) {
  ASSERT_TRUE(Import("bulletin", MakePairs(40, 2)).ok());
  EXPECT_EQ(QueryText(tm_.get(), "SELECT count(*) FROM text_dictionaries"), "0");
  EXPECT_EQ(QueryText(tm_.get(), "SELECT count(*) FROM units WHERE typeof(source) <> 'text'"), "0");
}

// An import that fails after its dictionary was stored and read leaves nothing; the next
// import trains another dictionary under the same id, and the connection must not decode
// with the first one.
TEST_F(UnitTextTest, RolledBackDictionaryIsForgotten) {
  auto first = MakePairs(kUnitTextTrainingUnits + 2000, 3);
  // A repeated pair after the training units: its stored text is read back (decoded) then.
  first.insert(first.begin() + kUnitTextTrainingUnits + 100, first[0]);
  EXPECT_FALSE(Import("a", first, "no tab on this line\n").ok());
  EXPECT_EQ(QueryText(tm_.get(), "SELECT count(*) FROM text_dictionaries"), "0");
  EXPECT_EQ(QueryText(tm_.get(), "SELECT count(*) FROM units"), "0");

  // Other words, so another dictionary.
  const auto second = MakePairs(kUnitTextTrainingUnits + 100, 4, /*other=*/true);
  ASSERT_TRUE(Import("b", second).ok());
  std::vector<TmUnit> units;
  ASSERT_TRUE(tm_->GetUnits("b", &units).ok());
  ASSERT_EQ(units.size(), second.size());
  EXPECT_EQ(units[3].source, second[3].first);
  EXPECT_EQ(units[3].target, second[3].second);
}

TEST_F(UnitTextTest, DamagedValueIsAClearError) {
  ASSERT_TRUE(Import("big", MakePairs(kUnitTextTrainingUnits + 10, 5)).ok());
  ASSERT_TRUE(TmConnection(tm_.get())->Exec("UPDATE units SET target = x'01ff00ff' WHERE position = 3").ok());
  Status s;
  ExportTsv(tm_.get(), &s);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("a compressed unit text is damaged"), std::string::npos) << s.message();
  ASSERT_TRUE(TmConnection(tm_.get())->Exec("UPDATE units SET target = x'07ff00ff' WHERE position = 3").ok());
  ExportTsv(tm_.get(), &s);
  EXPECT_NE(s.message().find("no dictionary 7"), std::string::npos) << s.message();
}

// Units imported without a date of their own take the document's import time (stored once);
// a TMX date stays the unit's own.
TEST_F(UnitTextTest, ImportDateIsStoredOncePerDocument) {
  const std::string path = dir_ + "/dated.tmx";
  std::ofstream(path) << R"(<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="zh-CN" o-tmf="t"/>
<body>
<tu creationdate="20200102T030405Z"><tuv xml:lang="zh-CN"><seg>甲。</seg></tuv><tuv xml:lang="en"><seg>A.</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg>乙。</seg></tuv><tuv xml:lang="en"><seg>B.</seg></tuv></tu>
</body></tmx>
)";
  TmImportSummary summary;
  ASSERT_TRUE(ImportTmFile(tm_.get(), path, TmImportOptions(), &summary).ok());
  EXPECT_EQ(QueryText(tm_.get(), "SELECT created_at FROM units WHERE position = 1"), "");
  const std::string imported = QueryText(tm_.get(), "SELECT imported_at FROM documents WHERE id = 'dated'");
  EXPECT_EQ(imported.size(), 20u) << imported;
  std::ostringstream out;
  int64_t units = 0;
  ASSERT_TRUE(ExportTm(tm_.get(), TmExportOptions(), out, &units).ok());
  EXPECT_NE(out.str().find("<prop type=\"x-tmalign-created\">2020-01-02T03:04:05Z</prop>"),
            std::string::npos);
  EXPECT_NE(out.str().find("<prop type=\"x-tmalign-created\">" + imported + "</prop>"), std::string::npos)
      << out.str();
}

// A TM of schema 3 opens as schema 4 with its units, texts and dates as they were.
TEST(UnitTextMigrationTest, VersionThreeTmIsMigrated) {
  const std::string dir = ::tmalign::testing::MakeTempDir("tmalign_unit_text_mig");
  ASSERT_FALSE(dir.empty());
  const std::string path = dir + "/v3.sqlite";
  ASSERT_TRUE(::tmalign::testing::WriteTmAtSchema(
      path, 3,
      "INSERT INTO documents (id, src_lang, tgt_lang, created_at, updated_at)"
      " VALUES ('old', 'zh', 'en', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z');"
      "INSERT INTO units (doc_id, position, source, target, confidence, created_at)"
      " VALUES ('old', 0, '一。', 'One.', 1, '2021-01-01T00:00:00Z');"));
  std::unique_ptr<TranslationMemory> tm;
  ASSERT_TRUE(TranslationMemory::Open(path, &tm).ok());
  EXPECT_EQ(tm->schema_version(), 4);
  EXPECT_EQ(QueryText(tm.get(), "SELECT count(*) FROM text_dictionaries"), "0");
  std::ostringstream out;
  int64_t units = 0;
  ASSERT_TRUE(ExportTm(tm.get(), TmExportOptions(), out, &units).ok());
  EXPECT_EQ(units, 1);
  EXPECT_NE(out.str().find("<seg>一。</seg>"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("<prop type=\"x-tmalign-created\">2021-01-01T00:00:00Z</prop>"),
            std::string::npos);
  std::unique_ptr<TmSearcher> searcher;
  ASSERT_TRUE(TmSearcher::Create(tm.get(), &searcher).ok());
  std::vector<TmMatch> matches;
  ASSERT_TRUE(searcher->Match("一。", TmMatchOptions(), &matches).ok());
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].pair.target, "One.");
  tm.reset();
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace tmalign
