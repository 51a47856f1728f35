// The light English stemmer: inflections meet their base form, derivation stays.
#include "text/english_stemmer.h"

#include <gtest/gtest.h>

namespace tmalign {
namespace {

void ExpectSameStem(const char* a, const char* b) {
  EXPECT_EQ(StemEnglishWord(a), StemEnglishWord(b)) << a << " vs " << b;
}

TEST(EnglishStemmerTest, InflectionsMeetBaseForm) {
  ExpectSameStem("chains", "chain");
  ExpectSameStem("reinforced", "reinforce");
  ExpectSameStem("reinforces", "reinforce");
  ExpectSameStem("cities", "city");
  ExpectSameStem("stopped", "stop");
  ExpectSameStem("stopping", "stop");
  ExpectSameStem("classes", "class");
  ExpectSameStem("branches", "branch");
  ExpectSameStem("studied", "study");
}

TEST(EnglishStemmerTest, PossessiveDropped) {
  ExpectSameStem("china's", "china");
  ExpectSameStem("countries'", "country");
  EXPECT_EQ(StemEnglishWord("china's"), StemEnglishWord("china"));
}

TEST(EnglishStemmerTest, KeepsDoubleLetterAndSNotPlurals) {
  EXPECT_NE(StemEnglishWord("call"), "cal");
  EXPECT_NE(StemEnglishWord("pass"), "pas");
  EXPECT_EQ(StemEnglishWord("called"), StemEnglishWord("call"));
  EXPECT_EQ(StemEnglishWord("analysis"), "analysis");
  EXPECT_EQ(StemEnglishWord("status"), "status");
}

TEST(EnglishStemmerTest, DerivationKept) {
  EXPECT_EQ(StemEnglishWord("decentralization"), "decentralization");
  EXPECT_EQ(StemEnglishWord("digitalization"), "digitalization");
  EXPECT_NE(StemEnglishWord("decentralization"), StemEnglishWord("decentralize"));
}

TEST(EnglishStemmerTest, ShortWordsUnchanged) {
  EXPECT_EQ(StemEnglishWord("is"), "is");
  EXPECT_EQ(StemEnglishWord("gas"), "gas");
  EXPECT_EQ(StemEnglishWord("bed"), "bed");
  EXPECT_EQ(StemEnglishWord(""), "");
}

}  // namespace
}  // namespace tmalign
