// WordNet in the lexicon: the reader (dict/wordnet.h) on a small database written here in
// WordNet 3.0's format, the synonyms and irregular forms it gives a lexicon (built and
// cached), and sentences that only WordNet links.
#include "dict/wordnet.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "align/sentence_features.h"
#include "dict/bilingual_lexicon.h"
#include "dict/cedict.h"
#include "dict/lexicon_loader.h"
#include "run_binary.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

void WriteAll(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

// A licence-like header, as the real files have (lines starting with two spaces).
constexpr const char* kHeader = "  1 This is a test database in WordNet 3.0's format.\n";

// Writes data.POS and index.POS: `synsets` are lists of lemmas; a lemma's senses are the
// synsets that hold it, in the order given (WordNet's: most frequent first).
void WritePos(const fs::path& dir, const std::string& pos, char tag,
              const std::vector<std::vector<std::string>>& synsets) {
  std::string data = kHeader;
  std::vector<std::pair<std::string, std::vector<size_t>>> senses;  // lemma -> offsets
  for (const auto& synset : synsets) {
    const size_t offset = data.size();
    char head[32];
    std::snprintf(head, sizeof head, "%08zu 29 %c %02zx", offset, tag, synset.size());
    data += head;
    for (const std::string& lemma : synset) data += " " + lemma + " 0";
    data += " 000 | a test synset\n";
    for (const std::string& lemma : synset) {
      std::string bare = lemma.substr(0, lemma.find('('));
      std::transform(bare.begin(), bare.end(), bare.begin(), [](unsigned char c) { return std::tolower(c); });
      auto it = std::find_if(senses.begin(), senses.end(), [&](const auto& s) { return s.first == bare; });
      if (it == senses.end()) it = senses.insert(senses.end(), {bare, {}});
      it->second.push_back(offset);
    }
  }
  std::sort(senses.begin(), senses.end());
  std::string index = kHeader;
  for (const auto& [lemma, offsets] : senses) {
    index += lemma + " " + tag + " " + std::to_string(offsets.size()) + " 1 @ " +
             std::to_string(offsets.size()) + " 0";
    for (size_t o : offsets) {
      char buf[16];
      std::snprintf(buf, sizeof buf, " %08zu", o);
      index += buf;
    }
    index += "  \n";
  }
  WriteAll(dir / ("data." + pos), data);
  WriteAll(dir / ("index." + pos), index);
}

void WriteTestWordNet(const fs::path& dir) {
  fs::create_directories(dir);
  WritePos(dir, "verb", 'v',
           {{"shriek", "screech", "scream_out"},  // shriek's first sense: screech (not the two-word lemma)
            {"shout"},                            // shout's first sense has no other lemma
            {"shout", "yell"},                    // its second sense is not used
            {"bellow", "roar"},                   // roar is second here: not a synonym of "to roar"
            {"see"}});
  WritePos(dir, "noun", 'n', {{"mountain", "mount", "Mt"}});
  WritePos(dir, "adj", 'a', {{"large(a)", "big"}});
  WritePos(dir, "adv", 'r', {{"loudly", "aloud"}});
  WriteAll(dir / "verb.exc", "abetted abet\nsaw see\nwent go\n");
  WriteAll(dir / "noun.exc", "men man\nmice mouse\n");
  WriteAll(dir / "adj.exc", "better good well\n");
  WriteAll(dir / "adv.exc", "best well\n");
}

constexpr const char* kCedict =
    "尖叫 尖叫 [jian1 jiao4] /to shriek/\n"
    "喊 喊 [han3] /to shout/\n"
    "吼 吼 [hou3] /to roar/\n"
    "看 看 [kan4] /to see/to look at/\n"
    "山 山 [shan1] /mountain/hill/\n"
    "大 大 [da4] /large/\n"
    "男人 男人 [nan2 ren2] /man/\n"
    "好 好 [hao3] /good/\n";

class WordNetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv("TMALIGN_NO_LEXICON_CACHE");
    std::random_device rd;
    dir_ =
        fs::temp_directory_path() / ("tmalign-wordnet-test-" + std::to_string(rd()) + std::to_string(rd()));
    wordnet_dir_ = (dir_ / "wordnet").string();
    WriteTestWordNet(wordnet_dir_);
    cedict_path_ = (dir_ / "cedict.u8").string();
    WriteAll(cedict_path_, kCedict);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::unique_ptr<WordNet> MustLoadWordNet() {
    std::unique_ptr<WordNet> wordnet;
    Status st = WordNet::Load(wordnet_dir_, &wordnet);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return wordnet;
  }

  std::unique_ptr<BilingualLexicon> Build(const WordNet* wordnet) {
    Cedict cedict;
    Status st = Cedict::Parse(kCedict, "test", &cedict);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return BilingualLexicon::FromCedict(cedict, wordnet);
  }

  fs::path dir_;
  std::string wordnet_dir_, cedict_path_;
};

std::vector<std::string> Synonyms(const WordNet& wordnet, std::string_view lemma, WordNet::Pos pos) {
  std::vector<std::string> out;
  wordnet.Synonyms(lemma, pos, 1, 1, &out);
  return out;
}

std::vector<std::string_view> StemsOf(const BilingualLexicon& lexicon, std::span<const int> ids) {
  std::vector<std::string_view> out;
  for (int id : ids) out.push_back(lexicon.StemText(id));
  return out;
}

std::vector<std::string_view> SynonymsOf(const BilingualLexicon& lexicon, std::string_view word) {
  auto w = lexicon.FindWord(word);
  EXPECT_TRUE(w.has_value()) << word;
  return w ? StemsOf(lexicon, w->synonyms) : std::vector<std::string_view>{};
}

using Views = std::vector<std::string_view>;

TEST_F(WordNetTest, ReadsSynonymsOfTheFirstSensesWhereTheWordHeadsTheSynset) {
  auto wordnet = MustLoadWordNet();
  ASSERT_TRUE(wordnet);
  EXPECT_EQ(Synonyms(*wordnet, "shriek", WordNet::kVerb), (std::vector<std::string>{"screech"}));
  EXPECT_TRUE(Synonyms(*wordnet, "shout", WordNet::kVerb).empty());
  EXPECT_TRUE(Synonyms(*wordnet, "roar", WordNet::kVerb).empty());
  EXPECT_EQ(Synonyms(*wordnet, "mountain", WordNet::kNoun), (std::vector<std::string>{"mount"}));
  EXPECT_EQ(Synonyms(*wordnet, "large", WordNet::kAdj), (std::vector<std::string>{"big"}));
  EXPECT_TRUE(Synonyms(*wordnet, "mountain", WordNet::kVerb).empty());
  EXPECT_TRUE(Synonyms(*wordnet, "nosuchword", WordNet::kNoun).empty());
  // Looser settings reach further.
  std::vector<std::string> more;
  wordnet->Synonyms("shout", WordNet::kVerb, 2, 1, &more);
  EXPECT_EQ(more, (std::vector<std::string>{"yell"}));
  more.clear();
  wordnet->Synonyms("roar", WordNet::kVerb, 1, 2, &more);
  EXPECT_EQ(more, (std::vector<std::string>{"bellow"}));
}

TEST_F(WordNetTest, ReadsIrregularForms) {
  auto wordnet = MustLoadWordNet();
  ASSERT_TRUE(wordnet);
  EXPECT_EQ(wordnet->BaseForms("saw"), Views{"see"});
  EXPECT_EQ(wordnet->BaseForms("better"), (Views{"good", "well"}));
  EXPECT_EQ(wordnet->BaseForms("men"), Views{"man"});
  EXPECT_TRUE(wordnet->BaseForms("walked").empty());
}

TEST_F(WordNetTest, MissingOrMalformedDatabaseIsAnError) {
  std::unique_ptr<WordNet> wordnet;
  Status st = WordNet::Load((dir_ / "nowhere").string(), &wordnet);
  EXPECT_EQ(st.code(), Status::Code::kNotFound) << st.ToString();
  fs::remove(fs::path(wordnet_dir_) / "adj.exc");
  st = WordNet::Load(wordnet_dir_, &wordnet);
  EXPECT_EQ(st.code(), Status::Code::kNotFound) << st.ToString();
  EXPECT_NE(st.message().find("adj.exc"), std::string::npos);
  WriteAll(fs::path(wordnet_dir_) / "adj.exc", "better good\nlonely\n");
  st = WordNet::Load(wordnet_dir_, &wordnet);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput) << st.ToString();
  EXPECT_NE(st.message().find("adj.exc:2"), std::string::npos) << st.message();
  WriteAll(fs::path(wordnet_dir_) / "adj.exc", "");
  WriteAll(fs::path(wordnet_dir_) / "index.noun", std::string(kHeader) + "mountain n 1 0 1 0 99999999\n");
  st = WordNet::Load(wordnet_dir_, &wordnet);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput) << st.ToString();
  EXPECT_NE(st.message().find("index.noun:2"), std::string::npos) << st.message();
}

TEST_F(WordNetTest, LexiconGainsSynonymsAndIrregularForms) {
  auto wordnet = MustLoadWordNet();
  ASSERT_TRUE(wordnet);
  auto lexicon = Build(wordnet.get());
  EXPECT_EQ(SynonymsOf(*lexicon, "尖叫"), Views{"screech"});
  EXPECT_EQ(SynonymsOf(*lexicon, "山"), Views{"mount"});
  EXPECT_EQ(SynonymsOf(*lexicon, "大"), Views{"big"});
  EXPECT_TRUE(SynonymsOf(*lexicon, "喊").empty());
  EXPECT_TRUE(SynonymsOf(*lexicon, "吼").empty());
  EXPECT_TRUE(SynonymsOf(*lexicon, "看").empty());  // "see" is alone in its first sense
  // The translations themselves are CEDICT's.
  EXPECT_EQ(StemsOf(*lexicon, lexicon->FindWord("尖叫")->translations), Views{"shriek"});
  EXPECT_EQ(StemsOf(*lexicon, lexicon->IrregularBaseStems("saw")), Views{"see"});
  EXPECT_EQ(StemsOf(*lexicon, lexicon->IrregularBaseStems("men")), Views{"man"});
  EXPECT_EQ(StemsOf(*lexicon, lexicon->IrregularBaseStems("better")), (Views{"good", "well"}));
  EXPECT_TRUE(lexicon->IrregularBaseStems("abetted").empty());  // the stemmer folds it already
  EXPECT_TRUE(lexicon->IrregularBaseStems("walked").empty());

  auto plain = Build(nullptr);
  EXPECT_TRUE(SynonymsOf(*plain, "尖叫").empty());
  EXPECT_TRUE(plain->IrregularBaseStems("saw").empty());
}

TEST_F(WordNetTest, CachedLexiconKeepsThemAndNoticesWordNetChanging) {
  auto reference = Build(MustLoadWordNet().get());
  auto load = [&](const std::string& wordnet_dir) {
    std::unique_ptr<BilingualLexicon> lexicon;
    Status st = BilingualLexicon::Load(cedict_path_, "", &lexicon, wordnet_dir);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return lexicon;
  };
  auto cold = load(wordnet_dir_);
  ASSERT_TRUE(cold);
  EXPECT_FALSE(cold->from_cache());
  auto warm = load(wordnet_dir_);
  ASSERT_TRUE(warm);
  EXPECT_TRUE(warm->from_cache());
  for (const auto* lexicon : {cold.get(), warm.get()}) {
    for (std::string_view word : {"尖叫", "山", "大", "喊", "看", "男人"}) {
      EXPECT_EQ(SynonymsOf(*lexicon, word), SynonymsOf(*reference, word)) << word;
      EXPECT_EQ(StemsOf(*lexicon, lexicon->FindWord(word)->translations),
                StemsOf(*reference, reference->FindWord(word)->translations))
          << word;
    }
    for (std::string_view form : {"saw", "men", "better", "went", "mice", "abetted", "walked", ""}) {
      EXPECT_EQ(StemsOf(*lexicon, lexicon->IrregularBaseStems(form)),
                StemsOf(*reference, reference->IrregularBaseStems(form)))
          << form;
    }
  }
  // Without WordNet the cache is stale: rebuilt, with neither.
  auto without = load("");
  EXPECT_FALSE(without->from_cache());
  EXPECT_TRUE(SynonymsOf(*without, "尖叫").empty());
  EXPECT_TRUE(without->IrregularBaseStems("saw").empty());
  auto without_warm = load("");
  EXPECT_TRUE(without_warm->from_cache());
  EXPECT_TRUE(SynonymsOf(*without_warm, "尖叫").empty());
  EXPECT_TRUE(without_warm->IrregularBaseStems("saw").empty());
  // A WordNet file that changes makes it stale again.
  load(wordnet_dir_);
  WriteAll(fs::path(wordnet_dir_) / "verb.exc", "saw see\nwent go\n");
  auto changed = load(wordnet_dir_);
  EXPECT_FALSE(changed->from_cache());
  EXPECT_TRUE(changed->IrregularBaseStems("abetted").empty());
  EXPECT_EQ(StemsOf(*changed, changed->IrregularBaseStems("saw")), Views{"see"});
  // A WordNet that cannot be read is an error, not a lexicon without it.
  std::unique_ptr<BilingualLexicon> lexicon;
  Status st = BilingualLexicon::Load(cedict_path_, "", &lexicon, (dir_ / "nowhere").string());
  EXPECT_FALSE(st.ok());
}

// How many keys the Chinese and the English sentence share.
int SharedKeys(const BilingualLexicon& lexicon, const std::string& zh, const std::string& en) {
  DocumentPairFeatures f;
  FeatureExtractor(lexicon).Extract({zh}, {}, {en}, {}, &f);
  int shared = 0;
  for (int k : f.zh[0].key_set)
    if (std::find(f.en[0].key_set.begin(), f.en[0].key_set.end(), k) != f.en[0].key_set.end()) ++shared;
  return shared;
}

TEST_F(WordNetTest, LinksSentencesThroughIrregularFormsAndSynonyms) {
  auto wordnet = MustLoadWordNet();
  ASSERT_TRUE(wordnet);
  auto with = Build(wordnet.get());
  auto without = Build(nullptr);
  // "saw" is "see" only through verb.exc.
  EXPECT_EQ(SharedKeys(*without, "看", "it saw"), 0);
  EXPECT_GT(SharedKeys(*with, "看", "it saw"), 0);
  // "men" is "man" only through noun.exc.
  EXPECT_EQ(SharedKeys(*without, "男人", "men"), 0);
  EXPECT_GT(SharedKeys(*with, "男人", "men"), 0);
  // "screeched" is "to shriek" only through the synset.
  EXPECT_EQ(SharedKeys(*without, "尖叫", "it screeched"), 0);
  EXPECT_GT(SharedKeys(*with, "尖叫", "it screeched"), 0);
  EXPECT_GT(SharedKeys(*with, "山", "the mount"), 0);
  // Not through a second sense.
  EXPECT_EQ(SharedKeys(*with, "喊", "it yelled"), 0);
  // What CEDICT links stays linked.
  EXPECT_GT(SharedKeys(*without, "尖叫", "it shrieked"), 0);
  EXPECT_GT(SharedKeys(*with, "尖叫", "it shrieked"), 0);
}

TEST(WordNetDefault, EnvironmentChoosesTheFolder) {
  const char* old = std::getenv("TMALIGN_WORDNET");
  const std::string saved = old ? old : "";
  ::setenv("TMALIGN_WORDNET", "none", 1);
  EXPECT_EQ(DefaultWordNetDir(), "");
  ::setenv("TMALIGN_WORDNET", "/some/where", 1);
  EXPECT_EQ(DefaultWordNetDir(), "/some/where");
  ::unsetenv("TMALIGN_WORDNET");
  std::error_code ec;
  EXPECT_EQ(DefaultWordNetDir(),
            fs::exists(std::string(kDefaultWordNetDir) + "/index.verb", ec) ? kDefaultWordNetDir : "");
  if (old) ::setenv("TMALIGN_WORDNET", saved.c_str(), 1);
}

// The bulletin aligns to its gold with WordNet and without it; a WordNet asked for but
// missing stops align with exit 2 naming the file.
TEST(WordNetCli, AlignsWithoutWordNetAndStopsOnAMissingOne) {
  std::error_code ec;
  if (!fs::exists(DefaultCedictPath(), ec)) GTEST_SKIP() << "CC-CEDICT not found at " << DefaultCedictPath();
  const std::string corpus = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/";
  const std::string args = "align --presplit '" + corpus + "zh.split' '" + corpus + "en.split'";
  const std::string gold = testing::ReadFile(corpus + "gold.align");
  ASSERT_FALSE(gold.empty());
  // Without WordNet the cache is not used: a lexicon cached without it would make the other
  // tests' loads (with it) rebuild the cache.
  for (const char* env : {"env TMALIGN_WORDNET=none TMALIGN_NO_LEXICON_CACHE=1", "env -u TMALIGN_WORDNET"}) {
    testing::RunResult r = testing::RunTmalign(args, "", env);
    EXPECT_EQ(r.exit_code, 0) << env << ": " << r.err;
    EXPECT_EQ(r.out, gold) << env;
  }
  testing::RunResult r = testing::RunTmalign(args, "", "env TMALIGN_WORDNET=/nonexistent-wordnet");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent-wordnet/index.noun"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace tmalign
