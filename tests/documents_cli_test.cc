// The bundled bulletin as documents that LibreOffice wrote (corpora/.../docs, made by
// scripts/make-bulletin-documents): split gives the sentences of the text files, align
// scores against the text's gold, and check finds in a Word draft what it finds in the
// text draft, at paragraph positions.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dict/cedict.h"
#include "run_binary.h"
#include "temp_dir.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;
using testing::RunResult;

const std::string kBulletin = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07";
const std::string kDocs = kBulletin + "/docs";

bool HaveDictionary() {
  std::error_code ec;
  return fs::exists(DefaultCedictPath(), ec);
}

// Strict F1 from `tmalign eval`'s output ("strict\tP\tR\tF1").
double StrictF1(const std::string& eval_out) {
  std::istringstream in(eval_out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("strict\t", 0) == 0) return std::stod(line.substr(line.rfind('\t') + 1));
  }
  return -1;
}

class DocumentsCliTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_documents_cli");
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

TEST_P(DocumentsCliTest, SplitGivesTheTextFilesSentences) {
  const std::string ext = GetParam();
  for (const char* lang : {"zh", "en"}) {
    RunResult text = testing::RunTmalign("split '" + kBulletin + "/" + lang + ".txt'");
    RunResult doc = testing::RunTmalign("split '" + kDocs + "/" + lang + "." + ext + "'");
    ASSERT_EQ(text.exit_code, 0) << text.err;
    ASSERT_EQ(doc.exit_code, 0) << doc.err;
    if (ext == std::string("pdf")) continue;  // PDF: scored by alignment below
    EXPECT_EQ(doc.out, text.out) << lang << "." << ext;
  }
}

TEST_P(DocumentsCliTest, AlignScoresAgainstTheTextsGold) {
  if (!HaveDictionary()) GTEST_SKIP() << "CC-CEDICT not found (run scripts/fetch-cedict)";
  const std::string ext = GetParam();
  const std::string out = dir_ + "/test.align";
  RunResult r = testing::RunTmalign("align '" + kDocs + "/zh." + ext + "' '" + kDocs + "/en." + ext +
                                    "' -o '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunResult eval = testing::RunTmalign("eval '" + kBulletin + "/gold.align' '" + out + "'");
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  const double f1 = StrictF1(eval.out);
  if (ext == std::string("pdf")) {
    EXPECT_GE(f1, 0.98) << eval.out;
  } else {
    EXPECT_EQ(f1, 1.0) << eval.out;
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, DocumentsCliTest, ::testing::Values("docx", "odt", "html", "pdf"));

TEST(DocumentsMixedTest, AChinesePdfAgainstAnEnglishDocx) {
  if (!HaveDictionary()) GTEST_SKIP() << "CC-CEDICT not found (run scripts/fetch-cedict)";
  const std::string dir = ::tmalign::testing::MakeTempDir("tmalign_documents_mixed");
  RunResult r =
      testing::RunTmalign("align '" + kDocs + "/zh.pdf' '" + kDocs + "/en.docx' -o '" + dir + "/t.align'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunResult eval = testing::RunTmalign("eval '" + kBulletin + "/gold.align' '" + dir + "/t.align'");
  EXPECT_GE(StrictF1(eval.out), 0.98) << eval.out;
  fs::remove_all(dir);
}

// The findings of `check --json` on the Word draft are those on the text draft, each at the
// paragraph that holds the text draft's line (blank lines separate its paragraphs).
TEST(DocumentsCheckTest, WordDraftGivesTheTextDraftsFindingsAtParagraphs) {
  const std::string glossary = std::string(TMALIGN_SOURCE_DIR) + "/glossary/blockchain.tsv";
  RunResult text = testing::RunTmalign("check --json --glossary '" + glossary + "' --target '" + kBulletin +
                                       "/draft-en.txt'");
  RunResult docx = testing::RunTmalign("check --json --glossary '" + glossary + "' --target '" + kDocs +
                                       "/draft-en.docx'");
  ASSERT_EQ(text.exit_code, 1) << text.err;  // the draft has mistakes
  ASSERT_EQ(docx.exit_code, 1) << docx.err;
  const nlohmann::json a = nlohmann::json::parse(text.out), b = nlohmann::json::parse(docx.out);
  ASSERT_EQ(a.size(), b.size()) << docx.out;
  ASSERT_GT(a.size(), 0u);
  // Paragraph number of each text line: non-blank lines counted.
  std::vector<int> paragraph_of_line = {0};
  {
    std::istringstream in(testing::ReadFile(kBulletin + "/draft-en.txt"));
    std::string line;
    int p = 0;
    while (std::getline(in, line)) paragraph_of_line.push_back(line.empty() ? -1 : ++p);
  }
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(b[i]["kind"], a[i]["kind"]);
    EXPECT_EQ(b[i]["found"], a[i]["found"]);
    EXPECT_EQ(b[i]["term_zh"], a[i]["term_zh"]);
    EXPECT_EQ(b[i]["column"], a[i]["column"]);
    const int text_line = a[i]["line"].get<int>();
    EXPECT_EQ(b[i]["line"].get<int>(), paragraph_of_line[static_cast<size_t>(text_line)]) << b[i].dump();
    EXPECT_EQ(b[i]["paragraph"], b[i]["line"]);
    EXPECT_FALSE(a[i].contains("paragraph"));
  }
}

}  // namespace
}  // namespace tmalign
