// Import of TMX and TSV files into a translation memory (tm/tm_import.h) through the C++
// API: the summary's counts, which document each unit lands in, and that a file that fails
// leaves nothing behind.
#include "tm/tm_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "temp_dir.h"
#include "tm/tm_export.h"
#include "tm/translation_memory.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

// Four units: two zh+en (the second twice in the file), one fr+en, one de+fr.
const char* kTmx = R"(<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="zh-CN" o-tmf="test"/>
  <body>
    <tu><tuv xml:lang="zh-CN"><seg>我们要积极发展联盟链。</seg></tuv><tuv xml:lang="en-US"><seg>We shall actively develop the alliance chain.</seg></tuv></tu>
    <tu><tuv xml:lang="zh-CN"><seg>区块链技术仍存在潜在风险。</seg></tuv><tuv xml:lang="en-US"><seg>Blockchain technology still has potential risks.</seg></tuv></tu>
    <tu><tuv xml:lang="fr"><seg>La chaîne.</seg></tuv><tuv xml:lang="en"><seg>The chain.</seg></tuv></tu>
    <tu><tuv xml:lang="de"><seg>Die Kette.</seg></tuv><tuv xml:lang="fr"><seg>La chaîne.</seg></tuv></tu>
    <tu><tuv xml:lang="zh-CN"><seg>区块链技术仍存在潜在风险。</seg></tuv><tuv xml:lang="en-US"><seg>Blockchain technology still has potential risks.</seg></tuv></tu>
  </body>
</tmx>
)";

// A unit for each document, named by tmalign's own props, and one without.
const char* kTmxWithDocProps = R"(<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="tmalign" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="zh-CN" o-tmf="tmalign"/>
  <body>
    <tu><prop type="x-tmalign-doc">bulletin-07</prop><prop type="x-tmalign-position">5</prop>
      <tuv xml:lang="zh-CN"><seg>联盟链</seg></tuv><tuv xml:lang="en"><seg>alliance chain</seg></tuv></tu>
    <tu><prop type="x-tmalign-doc">bulletin-08</prop>
      <tuv xml:lang="zh-CN"><seg>区块链</seg></tuv><tuv xml:lang="en"><seg>blockchain</seg></tuv></tu>
    <tu><tuv xml:lang="zh-CN"><seg>数字中国</seg></tuv><tuv xml:lang="en"><seg>Digital China</seg></tuv></tu>
  </body>
</tmx>
)";

class TmImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_import_test");
    ASSERT_FALSE(dir_.empty());
    ASSERT_TRUE(TranslationMemory::Open(dir_ + "/tm.sqlite", &tm_).ok());
  }
  void TearDown() override {
    tm_.reset();
    fs::remove_all(dir_);
  }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  Status Import(const std::string& path, TmImportSummary* summary,
                const std::string& doc_id = std::string()) {
    TmImportOptions options;
    options.doc_id = doc_id;
    return ImportTmFile(tm_.get(), path, options, summary);
  }

  // Document id -> unit count.
  std::map<std::string, int> Documents() {
    std::vector<TmDocumentSummary> docs;
    EXPECT_TRUE(tm_->ListDocuments(&docs).ok());
    std::map<std::string, int> out;
    for (const TmDocumentSummary& d : docs) out[d.doc.id] = d.unit_count;
    return out;
  }

  std::vector<TmUnit> Units(const std::string& doc_id) {
    std::vector<TmUnit> units;
    EXPECT_TRUE(tm_->GetUnits(doc_id, &units).ok());
    return units;
  }

  std::string dir_;
  std::unique_ptr<TranslationMemory> tm_;
};

TEST_F(TmImportTest, TmxSummaryCountsUnitsNewPairsAndSkippedLanguages) {
  TmImportSummary summary;
  Status s = Import(Write("bulletin.tmx", kTmx), &summary);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(summary.units, 3);
  EXPECT_EQ(summary.new_pairs, 2) << "the repeated pair is stored once";
  EXPECT_EQ(summary.skipped, 2);
  EXPECT_EQ(summary.skipped_languages, (std::map<std::string, int64_t>{{"en+fr", 1}, {"de+fr", 1}}));
  EXPECT_EQ(summary.documents, std::vector<std::string>{"bulletin"});
  EXPECT_EQ(Documents(), (std::map<std::string, int>{{"bulletin", 3}}));

  const std::vector<TmUnit> units = Units("bulletin");
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0].source, "我们要积极发展联盟链。");
  EXPECT_EQ(units[0].target, "We shall actively develop the alliance chain.");
  EXPECT_EQ(units[2].position, 2);

  // The same file again: the document is replaced, not doubled. Its old units go first, and
  // with them the pairs no other document holds, so these count as new again.
  s = Import(Write("bulletin.tmx", kTmx), &summary);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(summary.units, 3);
  EXPECT_EQ(summary.new_pairs, 2);
  EXPECT_EQ(Documents(), (std::map<std::string, int>{{"bulletin", 3}}));
}

TEST_F(TmImportTest, TmxDocumentPropsWinOverTheDocOptionAndTheFileName) {
  TmImportSummary summary;
  Status s = Import(Write("export.tmx", kTmxWithDocProps), &summary, "fallback");
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(summary.units, 3);
  EXPECT_EQ(summary.documents, (std::vector<std::string>{"bulletin-07", "bulletin-08", "fallback"}));
  EXPECT_EQ(Documents(),
            (std::map<std::string, int>{{"bulletin-07", 1}, {"bulletin-08", 1}, {"fallback", 1}}));
  ASSERT_EQ(Units("bulletin-07").size(), 1u);
  EXPECT_EQ(Units("bulletin-07")[0].position, 5) << "x-tmalign-position";

  // Without --doc the unit without a prop goes to the file's name.
  s = Import(Write("export.tmx", kTmxWithDocProps), &summary);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(summary.documents, (std::vector<std::string>{"bulletin-07", "bulletin-08", "export"}));
}

// Units are handed between the import's threads in batches that are reused: more units than
// the pipeline's queues hold (so batches come back), each unit with or without markup, props, dates and ids,
// must come out with exactly its own (nothing left over from the unit an earlier batch had in the same
// place).
TEST_F(TmImportTest, EveryUnitOfALargeImportKeepsOnlyItsOwnFields) {
  constexpr int kUnits = 40000;
  std::string tmx = R"(<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="zh-CN" o-tmf="t"/><body>
)";
  for (int i = 0; i < kUnits; ++i) {
    const std::string n = std::to_string(i);
    tmx += i % 5 == 0 ? "<tu changedate=\"20240501T120000Z\">" : "<tu>";
    if (i % 3 == 0) tmx += "<prop type=\"x-tmalign-src-ids\">" + n + "</prop>";
    if (i % 7 == 0) tmx += "<prop type=\"x-note\">note " + n + "</prop>";
    tmx +=
        "<tuv xml:lang=\"zh-CN\"><seg>第" + n + (i % 4 == 0 ? "<ph x=\"1\"/>" : "") + "句联盟链</seg></tuv>";
    tmx += "<tuv xml:lang=\"en\"><seg>Sentence " + n + " of the alliance chain</seg></tuv></tu>\n";
  }
  tmx += "</body></tmx>\n";
  TmImportSummary summary;
  Status s = Import(Write("many.tmx", tmx), &summary);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(summary.units, kUnits);

  std::ostringstream out;
  int64_t exported = 0;
  ASSERT_TRUE(ExportTm(tm_.get(), TmExportOptions{}, out, &exported).ok());
  ASSERT_EQ(exported, kUnits);
  // The export's <tu>s in order, one a unit.
  const std::string text = out.str();
  size_t pos = 0;
  for (int i = 0; i < kUnits; ++i) {
    const size_t begin = text.find("<tu", pos), end = text.find("</tu>", begin);
    ASSERT_NE(end, std::string::npos) << i;
    const std::string tu = text.substr(begin, end - begin);
    pos = end;
    const std::string n = std::to_string(i);
    EXPECT_NE(tu.find("第" + n), std::string::npos) << tu;
    EXPECT_NE(tu.find("Sentence " + n + " "), std::string::npos) << tu;
    EXPECT_EQ(tu.find("2024-05-01") != std::string::npos || tu.find("20240501") != std::string::npos,
              i % 5 == 0)
        << tu;
    EXPECT_EQ(tu.find("x-tmalign-src-ids\">" + n + "<") != std::string::npos, i % 3 == 0) << tu;
    EXPECT_EQ(tu.find("note " + n + "<") != std::string::npos, i % 7 == 0) << tu;
    EXPECT_EQ(tu.find("<ph") != std::string::npos, i % 4 == 0) << tu;
  }
}

TEST_F(TmImportTest, TsvLinesBecomeUnitsOfTheFileOrTheDocOption) {
  const std::string tsv = Write("glossary-pairs.tsv",
                                "联盟链\talliance chain\n"
                                "\n"
                                "区块链\tblockchain\r\n"
                                "联盟链\talliance chain\n");
  TmImportSummary summary;
  Status s = Import(tsv, &summary);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(summary.units, 3) << "the blank line is not a unit";
  EXPECT_EQ(summary.new_pairs, 2);
  EXPECT_EQ(summary.skipped, 0);
  EXPECT_EQ(summary.documents, std::vector<std::string>{"glossary-pairs"});
  const std::vector<TmUnit> units = Units("glossary-pairs");
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[1].target, "blockchain") << "CR of a CRLF line dropped";

  s = Import(tsv, &summary, "terms");
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(summary.documents, std::vector<std::string>{"terms"});
  EXPECT_EQ(summary.new_pairs, 0) << "the pairs are held by glossary-pairs";
  EXPECT_EQ(Documents(), (std::map<std::string, int>{{"glossary-pairs", 3}, {"terms", 3}}));
}

// The import turns foreign key checks off for its transaction (it stores each document
// before its units); afterwards they are on again, so deleting a document still deletes its
// units on the same connection.
TEST_F(TmImportTest, DeletingADocumentAfterAnImportDeletesItsUnits) {
  TmImportSummary summary;
  Status s = Import(Write("a.tmx", kTmxWithDocProps), &summary);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(Units("bulletin-07").size(), 1u);
  bool found = false;
  ASSERT_TRUE(tm_->DeleteDocument("bulletin-07", &found).ok());
  EXPECT_TRUE(found);
  EXPECT_TRUE(Units("bulletin-07").empty());
  EXPECT_EQ(Documents(), (std::map<std::string, int>{{"a", 1}, {"bulletin-08", 1}}));
}

// More units than one INSERT statement holds (the writer inserts units several rows at a
// time): a pair repeated right after itself and one repeated further on are each stored once,
// and a unit that fails is named, with nothing of the file left.
TEST_F(TmImportTest, ManyUnitsRepeatedPairsAndAFailingUnit) {
  std::string tsv;
  for (int i = 0; i < 40; ++i) {
    const int n = i == 21 ? 20 : i == 33 ? 3 : i;  // line 22 repeats line 21, line 34 line 4
    tsv += "句子" + std::to_string(n) + "\tsentence " + std::to_string(n) + "\n";
  }
  TmImportSummary summary;
  Status s = Import(Write("many.tsv", tsv), &summary);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(summary.units, 40);
  EXPECT_EQ(summary.new_pairs, 38);
  TmStats stats;
  ASSERT_TRUE(tm_->GetStats(&stats).ok());
  EXPECT_EQ(stats.units, 40);
  EXPECT_EQ(stats.pairs, 38);
  EXPECT_EQ(stats.shared_pairs, 2);
  const std::vector<TmUnit> units = Units("many");
  ASSERT_EQ(units.size(), 40u);
  EXPECT_EQ(units[37].source, "句子37");
  EXPECT_EQ(units[21].target, "sentence 20");

  // Position 30 twice, in the middle of a statement's rows.
  std::string tmx =
      "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"zh-CN\" adminlang=\"en\" "
      "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
      "datatype=\"plaintext\"/><body>";
  for (int i = 0; i < 40; ++i) {
    tmx += "<tu><prop type=\"x-tmalign-doc\">d</prop><prop type=\"x-tmalign-position\">" +
           std::to_string(i == 35 ? 30 : i) + "</prop><tuv xml:lang=\"zh-CN\"><seg>第" + std::to_string(i) +
           "句</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence " + std::to_string(i) + "</seg></tuv></tu>";
  }
  tmx += "</body></tmx>";
  s = Import(Write("dup.tmx", tmx), &summary);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("document 'd' unit at position 30: "), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("UNIQUE constraint failed"), std::string::npos) << s.message();
  EXPECT_EQ(summary.units, 0);
  EXPECT_EQ(Documents(), (std::map<std::string, int>{{"many", 40}}));
}

TEST_F(TmImportTest, MalformedFileImportsNothing) {
  TmImportSummary summary;
  ASSERT_TRUE(Import(Write("before.tsv", "联盟链\talliance chain\n"), &summary).ok());

  // The first lines are fine; the third has no tab: nothing of the file stays.
  Status s = Import(Write("bad.tsv", "区块链\tblockchain\n数字中国\tDigital China\nno tab here\n"), &summary);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.tsv:3: expected source<TAB>target"), std::string::npos) << s.message();
  EXPECT_EQ(summary.units, 0);
  EXPECT_TRUE(summary.documents.empty());

  // A TMX broken after its first unit.
  const std::string tmx = kTmx;
  s = Import(Write("broken.tmx", tmx.substr(0, tmx.find("</tu>") + 5) + "\n<tu><tuv>"), &summary);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(summary.units, 0);

  s = Import(Write("bad-utf8.tsv", "区块链\tblock\xC3 chain\n"), &summary);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("invalid UTF-8"), std::string::npos) << s.message();

  // An empty file is an error whatever its format, not an import of nothing.
  for (const char* name : {"empty.tsv", "empty.tmx", "empty.sdlxliff", "empty.dat"}) {
    s = Import(Write(name, ""), &summary);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << name;
    EXPECT_NE(s.message().find(std::string(name) + ": file is empty"), std::string::npos) << s.message();
  }

  EXPECT_EQ(Documents(), (std::map<std::string, int>{{"before", 1}}));
}

TEST_F(TmImportTest, UnknownFileTypeIsAUsageError) {
  TmImportSummary summary;
  Status s = Import(Write("pairs.csv", "联盟链,alliance chain\n"), &summary);
  EXPECT_EQ(s.code(), Status::Code::kUsage);
  EXPECT_TRUE(Documents().empty());
}

}  // namespace
}  // namespace tmalign
