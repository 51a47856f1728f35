#include "review/bead_editor.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "old_schema_tm.h"
#include "temp_dir.h"
#include "tm/schema.h"
#include "tm/translation_memory.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

TmUnit Unit(std::vector<int> src, std::vector<int> tgt, std::vector<std::string> zh,
            std::vector<std::string> en, double confidence) {
  TmUnit u;
  u.src_ids = std::move(src);
  u.tgt_ids = std::move(tgt);
  for (const auto& s : zh) u.source += s;
  for (size_t i = 0; i < en.size(); ++i) {
    if (i > 0) u.target += ' ';
    u.target += en[i];
  }
  u.src_sentences = std::move(zh);
  u.tgt_sentences = std::move(en);
  u.confidence = confidence;
  return u;
}

// A compact picture of a document: "zh ids:en ids=source|target" per unit.
std::string Picture(const std::vector<TmUnit>& units) {
  std::string out;
  for (size_t i = 0; i < units.size(); ++i) {
    const TmUnit& u = units[i];
    EXPECT_EQ(u.position, static_cast<int>(i)) << "positions stay 0, 1, 2...";
    auto ids = [](const std::vector<int>& v) {
      std::string s;
      for (int id : v) {
        if (!s.empty()) s += ',';
        s += std::to_string(id);
      }
      return s;
    };
    for (const std::string& part :
         {std::string("["), ids(u.src_ids), std::string(":"), ids(u.tgt_ids), std::string("="), u.source,
          std::string("|"), u.target, std::string("]")}) {
      out += part;  // appended piece by piece: GCC 12 misreports a chained + (-Wrestrict)
    }
  }
  return out;
}

class BeadEditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_editor_test");
    ASSERT_FALSE(std::string(dir_).empty());
    path_ = (fs::path(dir_) / "tm.sqlite").string();
    ASSERT_TRUE(TranslationMemory::Open(path_, &tm_).ok());
    TmDocument doc;
    doc.id = "d";
    doc.src_lang = "zh";
    doc.tgt_lang = "en";
    std::vector<TmUnit> units = {
        Unit({0}, {0}, {"甲。"}, {"A."}, 0.9),
        Unit({1, 2}, {1}, {"乙。", "丙。"}, {"B and C."}, 0.4),
        Unit({3}, {}, {"丁。"}, {}, 0.2),
        Unit({}, {2}, {}, {"D."}, 0.3),
    };
    for (size_t i = 0; i < units.size(); ++i) units[i].position = static_cast<int>(i);
    ASSERT_TRUE(tm_->ReplaceDocument(doc, units).ok());
    editor_ = std::make_unique<BeadEditor>(tm_.get(), "d");
  }
  void TearDown() override {
    editor_.reset();
    tm_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string Now() {
    std::vector<TmUnit> units;
    EXPECT_TRUE(tm_->GetUnits("d", &units).ok());
    return Picture(units);
  }
  int64_t Version() {
    TmDocument doc;
    bool found = false;
    EXPECT_TRUE(tm_->GetDocument("d", &doc, &found).ok());
    return doc.version;
  }

  const std::string kStart = "[0:0=甲。|A.][1,2:1=乙。丙。|B and C.][3:=丁。|][:2=|D.]";
  std::string dir_, path_;
  std::unique_ptr<TranslationMemory> tm_;
  std::unique_ptr<BeadEditor> editor_;
  EditOutcome out_;
};

TEST_F(BeadEditorTest, MergeJoinsIdsAndTextsAsEachLanguageWrites) {
  ASSERT_EQ(Now(), kStart);
  const int64_t v = Version();
  ASSERT_TRUE(editor_->Merge(v, 0, &out_).ok());
  EXPECT_EQ(out_.version, v + 1);
  EXPECT_EQ(Version(), v + 1);
  EXPECT_EQ(Now(), "[0,1,2:0,1=甲。乙。丙。|A. B and C.][3:=丁。|][:2=|D.]");
  std::vector<TmUnit> units;
  ASSERT_TRUE(tm_->GetUnits("d", &units).ok());
  EXPECT_DOUBLE_EQ(units[0].confidence, 0.4);  // the lower of the two
  EXPECT_EQ(units[0].src_sentences, (std::vector<std::string>{"甲。", "乙。", "丙。"}));
  EXPECT_EQ(units[0].tgt_sentences, (std::vector<std::string>{"A.", "B and C."}));
}

TEST_F(BeadEditorTest, SplitAtSentenceBoundaries) {
  ASSERT_TRUE(editor_->Split(Version(), 1, 1, 1, &out_).ok());
  EXPECT_EQ(Now(), "[0:0=甲。|A.][1:1=乙。|B and C.][2:=丙。|][3:=丁。|][:2=|D.]");
  // Neither part may be empty; split points must lie inside the bead.
  const int64_t v = Version();
  EXPECT_FALSE(editor_->Split(v, 0, 0, 0, &out_).ok());
  EXPECT_FALSE(editor_->Split(v, 0, 1, 1, &out_).ok());
  EXPECT_FALSE(editor_->Split(v, 0, 2, 0, &out_).ok());
  EXPECT_FALSE(editor_->Split(v, 0, -1, 0, &out_).ok());
  EXPECT_FALSE(out_.stale);
  EXPECT_EQ(Version(), v);
}

TEST_F(BeadEditorTest, MoveSentencesToNeighboursAndDropEmptiedUnits) {
  ASSERT_TRUE(editor_->MoveFirstToPrevious(Version(), 1, BeadSide::kSource, &out_).ok());
  EXPECT_EQ(Now(), "[0,1:0=甲。乙。|A.][2:1=丙。|B and C.][3:=丁。|][:2=|D.]");
  // Unit 2 (丁 alone) gives its only sentence to unit 3 and disappears.
  ASSERT_TRUE(editor_->MoveLastToNext(Version(), 2, BeadSide::kSource, &out_).ok());
  EXPECT_EQ(Now(), "[0,1:0=甲。乙。|A.][2:1=丙。|B and C.][3:2=丁。|D.]");
  ASSERT_TRUE(editor_->MoveLastToNext(Version(), 0, BeadSide::kTarget, &out_).ok());
  EXPECT_EQ(Now(), "[0,1:=甲。乙。|][2:0,1=丙。|A. B and C.][3:2=丁。|D.]");
  const int64_t v = Version();
  EXPECT_FALSE(editor_->MoveFirstToPrevious(v, 0, BeadSide::kSource, &out_).ok());  // no previous
  EXPECT_FALSE(editor_->MoveLastToNext(v, 2, BeadSide::kSource, &out_).ok());       // no next
  EXPECT_FALSE(editor_->MoveLastToNext(v, 0, BeadSide::kTarget, &out_).ok());       // empty side
  EXPECT_EQ(Version(), v);
}

TEST_F(BeadEditorTest, EditSentenceTextValidatesInput) {
  ASSERT_TRUE(editor_->EditSentence(Version(), 1, BeadSide::kSource, 1, "  丙丙。 ", &out_).ok());
  EXPECT_EQ(Now(), "[0:0=甲。|A.][1,2:1=乙。丙丙。|B and C.][3:=丁。|][:2=|D.]");
  const int64_t v = Version();
  const std::string before = Now();
  EXPECT_FALSE(editor_->EditSentence(v, 1, BeadSide::kSource, 2, "x", &out_).ok());     // no sentence 2
  EXPECT_FALSE(editor_->EditSentence(v, 1, BeadSide::kSource, 0, "a\nb", &out_).ok());  // line break
  EXPECT_FALSE(editor_->EditSentence(v, 1, BeadSide::kSource, 0, " \t ", &out_).ok());  // blank
  EXPECT_FALSE(
      editor_->EditSentence(v, 1, BeadSide::kSource, 0, "bad \xC3\x28", &out_).ok());  // invalid UTF-8
  EXPECT_FALSE(editor_->EditSentence(v, 1, BeadSide::kSource, 0, std::string(70000, 'a'), &out_).ok());
  EXPECT_FALSE(editor_->EditSentence(v, 9, BeadSide::kSource, 0, "x", &out_).ok());  // no unit 9
  EXPECT_EQ(Now(), before);
  EXPECT_EQ(Version(), v);
}

TEST_F(BeadEditorTest, ReviewedMarkIsStoredAndClearedByEdits) {
  ASSERT_TRUE(editor_->SetReviewed(Version(), 0, true, &out_).ok());
  std::vector<TmUnit> units;
  ASSERT_TRUE(tm_->GetUnits("d", &units).ok());
  EXPECT_TRUE(units[0].reviewed);
  EXPECT_FALSE(units[1].reviewed);
  ASSERT_TRUE(editor_->Merge(Version(), 0, &out_).ok());
  ASSERT_TRUE(tm_->GetUnits("d", &units).ok());
  EXPECT_FALSE(units[0].reviewed) << "an edited unit needs a fresh look";
}

TEST_F(BeadEditorTest, UndoRestoresEachEditInTurn) {
  ASSERT_TRUE(editor_->Merge(Version(), 0, &out_).ok());
  const std::string after_merge = Now();
  ASSERT_TRUE(editor_->SetReviewed(Version(), 1, true, &out_).ok());
  ASSERT_TRUE(editor_->Split(Version(), 0, 2, 1, &out_).ok());
  int depth = 0;
  ASSERT_TRUE(editor_->UndoDepth(&depth).ok());
  EXPECT_EQ(depth, 3);

  ASSERT_TRUE(editor_->Undo(Version(), &out_).ok());
  EXPECT_EQ(Now(), after_merge);
  std::vector<TmUnit> units;
  ASSERT_TRUE(tm_->GetUnits("d", &units).ok());
  EXPECT_TRUE(units[1].reviewed);
  ASSERT_TRUE(editor_->Undo(Version(), &out_).ok());
  ASSERT_TRUE(tm_->GetUnits("d", &units).ok());
  EXPECT_FALSE(units[1].reviewed);
  ASSERT_TRUE(editor_->Undo(Version(), &out_).ok());
  EXPECT_EQ(Now(), kStart);
  ASSERT_TRUE(tm_->GetUnits("d", &units).ok());
  EXPECT_EQ(units[1].src_sentences, (std::vector<std::string>{"乙。", "丙。"}));
  EXPECT_DOUBLE_EQ(units[1].confidence, 0.4);
  const int64_t v = Version();
  EXPECT_EQ(v, 6) << "undo is a change too: the version never goes back";
  Status s = editor_->Undo(v, &out_);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("nothing to undo"), std::string::npos);
}

TEST_F(BeadEditorTest, StaleVersionIsRefusedAndChangesNothing) {
  ASSERT_TRUE(editor_->Merge(0, 2, &out_).ok());
  const std::string now = Now();
  // Another connection (a second tab, another process) still on version 0.
  std::unique_ptr<TranslationMemory> other;
  ASSERT_TRUE(TranslationMemory::Open(path_, &other).ok());
  BeadEditor stale(other.get(), "d");
  Status s = stale.Merge(0, 0, &out_);
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(out_.stale);
  EXPECT_EQ(out_.version, 1);
  EXPECT_NE(s.message().find("reload"), std::string::npos) << s.message();
  EXPECT_FALSE(stale.Undo(0, &out_).ok());
  EXPECT_TRUE(out_.stale);
  EXPECT_EQ(Now(), now);
  EXPECT_TRUE(stale.Merge(1, 0, &out_).ok());
}

TEST_F(BeadEditorTest, RealigningBumpsVersionAndForgetsUndo) {
  ASSERT_TRUE(editor_->Merge(0, 0, &out_).ok());
  TmDocument doc;
  bool found = false;
  ASSERT_TRUE(tm_->GetDocument("d", &doc, &found).ok());
  ASSERT_TRUE(tm_->ReplaceDocument(doc, {Unit({0}, {0}, {"甲。"}, {"A."}, 1)}).ok());
  EXPECT_EQ(Version(), 2);
  int depth = -1;
  ASSERT_TRUE(editor_->UndoDepth(&depth).ok());
  EXPECT_EQ(depth, 0);
  EXPECT_FALSE(editor_->Undo(2, &out_).ok());
}

TEST_F(BeadEditorTest, UnknownDocumentIsNotFound) {
  BeadEditor none(tm_.get(), "nope");
  Status s = none.Merge(0, 0, &out_);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
}

TEST(UnitSentencesTest, WithoutStoredSentencesTheJoinedTextIsResplit) {
  TmUnit u;
  u.src_ids = {4, 5};
  u.source = "今天下雨。明天晴。";
  u.tgt_ids = {7};
  u.target = "Rain today, sun tomorrow.";
  auto zh = UnitSentences(u, BeadSide::kSource, Language::kZh);
  ASSERT_EQ(zh.size(), 2u);
  EXPECT_EQ(zh[0].ids, std::vector<int>{4});
  EXPECT_EQ(zh[0].text, "今天下雨。");
  EXPECT_EQ(zh[1].text, "明天晴。");
  auto en = UnitSentences(u, BeadSide::kTarget, Language::kEn);
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].ids, std::vector<int>{7});
  // A text that does not re-split into its ids stays one piece with all of them.
  u.source = "今天下雨明天晴";
  zh = UnitSentences(u, BeadSide::kSource, Language::kZh);
  ASSERT_EQ(zh.size(), 1u);
  EXPECT_EQ(zh[0].ids, (std::vector<int>{4, 5}));
  EXPECT_EQ(zh[0].text, "今天下雨明天晴");
}

// A TM written at schema version 1 (before review existed) opens, migrates and can be edited.
TEST(BeadEditorMigrationTest, VersionOneTmIsMigratedAndEditable) {
  const std::string tmpl = ::tmalign::testing::MakeTempDir("tmalign_editor_mig");
  ASSERT_FALSE(tmpl.empty());
  const std::string path = tmpl + "/old.sqlite";
  ASSERT_TRUE(::tmalign::testing::WriteTmAtSchema(
      path, 1,
      "INSERT INTO documents (id, src_lang, tgt_lang, created_at, updated_at)"
      " VALUES ('old', 'zh', 'en', 'x', 'x');"
      "INSERT INTO units (doc_id, position, src_ids, tgt_ids, source, target, confidence, created_at)"
      " VALUES ('old', 0, '0,1', '0', '一。二。', 'One. Two.', 0.5, 'x'),"
      "        ('old', 1, '2', '', '三。', '', 0.1, 'x');"));
  std::unique_ptr<TranslationMemory> tm;
  ASSERT_TRUE(TranslationMemory::Open(path, &tm).ok());
  EXPECT_EQ(tm->schema_version(), LatestTmSchemaVersion());
  BeadEditor editor(tm.get(), "old");
  EditOutcome out;
  ASSERT_TRUE(editor.Split(0, 0, 1, 1, &out).ok());
  std::vector<TmUnit> units;
  ASSERT_TRUE(tm->GetUnits("old", &units).ok());
  EXPECT_EQ(Picture(units), "[0:0=一。|One. Two.][1:=二。|][2:=三。|]");
  std::error_code ec;
  fs::remove_all(tmpl, ec);
}

}  // namespace
}  // namespace tmalign
