#include "terms/glossary_terms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "dict/chinese_segmenter.h"
#include "dict/lexicon_loader.h"
#include "terms/glossary_files.h"
#include "text/english_stemmer.h"

namespace tmalign {
namespace {

// A lexicon of its own: AddTerm changes it, so the shared one is not used.
std::unique_ptr<BilingualLexicon> LoadRealLexicon() {
  std::unique_ptr<BilingualLexicon> lexicon;
  std::error_code ec;
  if (!std::filesystem::exists(DefaultCedictPath(), ec)) return lexicon;
  EXPECT_TRUE(LoadLexicon("", "", &lexicon).ok());
  return lexicon;
}

bool HasToken(const std::vector<ChineseToken>& tokens, std::string_view word) {
  return std::any_of(tokens.begin(), tokens.end(), [&](const ChineseToken& t) { return t.text == word; });
}

TEST(GlossaryTermsTest, TermsStayWholeAndTranslateAsTheGlossarySays) {
  auto lexicon = LoadRealLexicon();
  if (!lexicon) GTEST_SKIP() << "CC-CEDICT not found at " << DefaultCedictPath();
  Glossary glossary;
  ASSERT_TRUE(LoadGlossaryFile(std::string(TMALIGN_SOURCE_DIR) + "/glossary/blockchain.tsv", &glossary).ok());
  AddGlossaryTerms(glossary, lexicon.get());

  EXPECT_TRUE(HasToken(SegmentChinese("发展联盟链技术", *lexicon), "联盟链"));
  EXPECT_TRUE(HasToken(SegmentChinese("坚持“四个强化”", *lexicon), "四个强化"));

  auto word = lexicon->FindWord("联盟链");
  ASSERT_TRUE(word.has_value());
  ASSERT_GE(word->translations.size(), 2u);
  std::vector<std::string> stems;
  for (int id : word->translations) stems.emplace_back(lexicon->StemText(id));
  // The approved rendering's words come first.
  EXPECT_NE(std::find(stems.begin(), stems.begin() + 2, StemEnglishWord("alliance")), stems.begin() + 2);
  EXPECT_NE(std::find(stems.begin(), stems.begin() + 2, StemEnglishWord("chain")), stems.begin() + 2);
}

TEST(GlossaryTermsTest, KnownWordsKeepTheirDictionaryTranslations) {
  auto lexicon = LoadRealLexicon();
  if (!lexicon) GTEST_SKIP() << "CC-CEDICT not found at " << DefaultCedictPath();
  auto before = lexicon->FindWord("区块链");
  ASSERT_TRUE(before.has_value());
  std::vector<int> old_ids(before->translations.begin(), before->translations.end());
  lexicon->AddTerm("区块链", "distributed ledger");
  auto after = lexicon->FindWord("区块链");
  ASSERT_TRUE(after.has_value());
  for (int id : old_ids) {
    EXPECT_NE(std::find(after->translations.begin(), after->translations.end(), id),
              after->translations.end());
  }
  EXPECT_EQ(lexicon->StemText(after->translations.front()), StemEnglishWord("ledger"));
}

}  // namespace
}  // namespace tmalign
