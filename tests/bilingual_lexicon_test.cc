#include "dict/bilingual_lexicon.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "text/utf8.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

// Traditional/simplified pairs, polyphones, "u:" pinyin, skipped gloss kinds.
constexpr const char* kCedict =
    "# comment line\n"
    "銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/\n"
    "行 行 [hang2] /row/line/commercial firm/\n"
    "行 行 [xing2] /to walk/to go/capable/\n"
    "綠 绿 [lu:4] /green/\n"
    "綠色 绿色 [lu:4 se4] /green/(of food) organic/\n"
    "王 王 [Wang2] /surname Wang/king or monarch/\n"
    "文 文 [wen2] /language/culture/writing/\n"
    "潔 洁 [jie2] /clean/\n"
    "文潔 文洁 [Wen2 Jie2] /Wenjie (given name)/\n"
    "區塊鏈 区块链 [qu1 kuai4 lian4] /blockchain/\n"
    "聯盟 联盟 [lian2 meng2] /alliance/union/coalition/\n"
    "的 的 [de5] /possessive particle/\n"
    "們 们 [men5] /plural marker for pronouns/\n"
    "經濟 经济 [jing1 ji4] /economy/economic/\n"
    "發展 发展 [fa1 zhan3] /development/growth/to develop/\n"
    "這 这 [zhe4] /this/these/\n";

// Jieba format; 经济发展 is jieba-only, 行 is in both, one zero-frequency line.
constexpr const char* kFrequencies =
    "经济 5000 n\n"
    "发展 4000 vn\n"
    "经济发展 300 n\n"
    "银行 1200 n\n"
    "行 800 v\n"
    "的 90000 uj\n"
    "零频 0 n\n";

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteAll(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

class BilingualLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv("TMALIGN_NO_LEXICON_CACHE");
    std::random_device rd;
    dir_ =
        fs::temp_directory_path() / ("tmalign-lexicon-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir_);
    cedict_ = (dir_ / "cedict.u8").string();
    freq_ = (dir_ / "dict.txt").string();
    WriteAll(cedict_, kCedict);
    WriteAll(freq_, kFrequencies);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::unique_ptr<BilingualLexicon> Reference(const std::string& cedict_text, const std::string& freq) {
    Cedict cedict;
    Status st = Cedict::Parse(cedict_text, "test", &cedict);
    EXPECT_TRUE(st.ok()) << st.ToString();
    auto lexicon = BilingualLexicon::FromCedict(cedict);
    if (!freq.empty()) {
      st = lexicon->AddWordFrequencies(freq);
      EXPECT_TRUE(st.ok()) << st.ToString();
    }
    return lexicon;
  }

  std::unique_ptr<BilingualLexicon> MustLoad(const std::string& freq) {
    std::unique_ptr<BilingualLexicon> lexicon;
    Status st = BilingualLexicon::Load(cedict_, freq, &lexicon);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return lexicon;
  }

  fs::path cache() const { return BilingualLexicon::CachePath(cedict_); }

  fs::path dir_;
  std::string cedict_;
  std::string freq_;
};

// Byte offsets of each character of `w`, and w.size() at the end.
std::vector<size_t> CharStarts(const std::string& w) {
  std::vector<size_t> starts;
  for (size_t p = 0; p < w.size();) {
    starts.push_back(p);
    NextCodePoint(w, &p);
  }
  starts.push_back(w.size());
  return starts;
}

// Every substring of the test headwords, the jieba words and some unknowns.
std::vector<std::string> Probes(const std::string& cedict_text) {
  std::set<std::string> probes = {"", "x", "银", "经济发展", "零频", "不存在", "bank", "银行行"};
  std::istringstream lines(cedict_text + "\n" + kFrequencies);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string a, b;
    fields >> a >> b;
    for (const std::string& w : {a, b}) {
      std::vector<size_t> starts;
      for (size_t p = 0; p < w.size();) {
        starts.push_back(p);
        NextCodePoint(w, &p);
      }
      starts.push_back(w.size());
      for (size_t i = 0; i < starts.size(); ++i) {
        for (size_t j = i + 1; j < starts.size(); ++j)
          probes.insert(w.substr(starts[i], starts[j] - starts[i]));
      }
    }
  }
  return {probes.begin(), probes.end()};
}

// Asserts that `got` answers every lookup exactly as `want` does.
void ExpectSameLexicon(const BilingualLexicon& want, const BilingualLexicon& got,
                       const std::string& cedict_text) {
  ASSERT_EQ(want.stem_count(), got.stem_count());
  ASSERT_GT(want.stem_count(), 0);
  for (int id = 0; id < want.stem_count(); ++id) {
    EXPECT_EQ(want.StemText(id), got.StemText(id)) << id;
    EXPECT_EQ(got.FindStem(want.StemText(id)), id) << want.StemText(id);
  }
  EXPECT_EQ(got.FindStem("nosuchstem"), -1);
  EXPECT_EQ(got.FindStem(""), -1);
  EXPECT_EQ(want.word_count(), got.word_count());
  EXPECT_EQ(want.max_word_bytes(), got.max_word_bytes());
  int found = 0;
  for (const std::string& probe : Probes(cedict_text)) {
    auto w = want.FindWord(probe);
    auto g = got.FindWord(probe);
    ASSERT_EQ(w.has_value(), g.has_value()) << probe;
    if (w) {
      ++found;
      // Segmentation looks up no substring longer than the prefix limit: it must cover every word.
      const std::vector<size_t> starts = CharStarts(probe);
      if (starts.size() >= 3) {
        const std::string_view two = std::string_view(probe).substr(0, starts[2]);
        EXPECT_GE(want.MaxWordCharsFrom(two), static_cast<int>(starts.size()) - 1) << probe;
        EXPECT_GE(got.MaxWordCharsFrom(two), static_cast<int>(starts.size()) - 1) << probe;
      }
      EXPECT_EQ(w->log_prob, g->log_prob) << probe;  // exact: same floats
      EXPECT_EQ(std::vector<int>(w->translations.begin(), w->translations.end()),
                std::vector<int>(g->translations.begin(), g->translations.end()))
          << probe;
    }
    for (char32_t c : ToUtf32(probe)) {
      auto rw = want.Readings(c);
      auto rg = got.Readings(c);
      EXPECT_EQ(std::vector<std::string_view>(rw.begin(), rw.end()),
                std::vector<std::string_view>(rg.begin(), rg.end()))
          << probe;
    }
  }
  EXPECT_GT(found, 20);
  EXPECT_TRUE(got.Readings(U'A').empty());
  EXPECT_TRUE(got.Readings(U'\U0002FFFF').empty());
}

TEST_F(BilingualLexiconTest, CacheAnswersExactlyLikeTheTextSources) {
  auto reference = Reference(kCedict, freq_);
  auto cold = MustLoad(freq_);
  ASSERT_TRUE(cold);
  EXPECT_FALSE(cold->from_cache());
  ASSERT_TRUE(fs::exists(cache()));
  auto warm = MustLoad(freq_);
  ASSERT_TRUE(warm);
  EXPECT_TRUE(warm->from_cache());
  EXPECT_EQ(warm->source(), cedict_);
  ExpectSameLexicon(*reference, *cold, kCedict);
  ExpectSameLexicon(*reference, *warm, kCedict);

  // Spot checks that the comparison is about real content.
  auto bank = warm->FindWord("銀行");
  ASSERT_TRUE(bank);
  ASSERT_FALSE(bank->translations.empty());
  EXPECT_EQ(warm->StemText(bank->translations[0]), "bank");
  auto xing = warm->Readings(U'行');
  EXPECT_EQ(std::vector<std::string_view>(xing.begin(), xing.end()),
            (std::vector<std::string_view>{"hang", "xing"}));
  auto lv = warm->Readings(U'绿');
  EXPECT_EQ(std::vector<std::string_view>(lv.begin(), lv.end()), std::vector<std::string_view>{"lu"});
  auto jieba_only = warm->FindWord("经济发展");
  ASSERT_TRUE(jieba_only);
  EXPECT_TRUE(jieba_only->translations.empty());
  EXPECT_GT(jieba_only->log_prob, warm->FindWord("王")->log_prob);
  EXPECT_FALSE(warm->FindWord("零频"));
}

TEST_F(BilingualLexiconTest, TermsRaiseThePrefixLimitOfACachedLexicon) {
  ASSERT_TRUE(MustLoad(freq_));
  auto warm = MustLoad(freq_);
  ASSERT_TRUE(warm && warm->from_cache());
  EXPECT_LT(warm->MaxWordCharsFrom("联盟"), 7);  // 联盟
  warm->AddTerm("联盟链技术平台", "alliance chain technology platform");
  EXPECT_GE(warm->MaxWordCharsFrom("联盟"), 7);
  EXPECT_GE(warm->MaxWordCharsFrom("经济"), 4);  // 经济发展, from the frequency list
}

TEST_F(BilingualLexiconTest, CacheWithoutFrequencyList) {
  auto reference = Reference(kCedict, "");
  auto cold = MustLoad("");
  auto warm = MustLoad("");
  EXPECT_FALSE(cold->from_cache());
  EXPECT_TRUE(warm->from_cache());
  ExpectSameLexicon(*reference, *warm, kCedict);
}

TEST_F(BilingualLexiconTest, SwitchingTheFrequencyListRebuilds) {
  MustLoad(freq_);
  auto without = MustLoad("");
  EXPECT_FALSE(without->from_cache());
  ExpectSameLexicon(*Reference(kCedict, ""), *without, kCedict);
  auto with = MustLoad(freq_);
  EXPECT_FALSE(with->from_cache());
  ExpectSameLexicon(*Reference(kCedict, freq_), *with, kCedict);
}

TEST_F(BilingualLexiconTest, ChangedDictionaryRebuildsTheCache) {
  MustLoad(freq_);
  ASSERT_TRUE(MustLoad(freq_)->from_cache());

  // A new entry changes the size.
  std::string grown = std::string(kCedict) + "貓 猫 [mao1] /cat/\n";
  WriteAll(cedict_, grown);
  auto rebuilt = MustLoad(freq_);
  EXPECT_FALSE(rebuilt->from_cache());
  ASSERT_TRUE(rebuilt->FindWord("猫"));
  auto warm = MustLoad(freq_);
  EXPECT_TRUE(warm->from_cache());
  ExpectSameLexicon(*Reference(grown, freq_), *warm, grown);

  // Same size, new mtime: "cat" becomes "dog".
  std::string edited = grown;
  edited.replace(edited.find("/cat/"), 5, "/dog/");
  WriteAll(cedict_, edited);
  fs::last_write_time(cedict_, fs::last_write_time(cedict_) + std::chrono::seconds(5));
  auto changed = MustLoad(freq_);
  EXPECT_FALSE(changed->from_cache());
  auto cat = changed->FindWord("猫");
  ASSERT_TRUE(cat);
  ASSERT_EQ(cat->translations.size(), 1u);
  EXPECT_EQ(changed->StemText(cat->translations[0]), "dog");
  ExpectSameLexicon(*Reference(edited, freq_), *MustLoad(freq_), edited);
}

TEST_F(BilingualLexiconTest, ChangedFrequencyListRebuildsTheCache) {
  MustLoad(freq_);
  std::string more = std::string(kFrequencies) + "区块链 700 n\n";
  WriteAll(freq_, more);
  auto rebuilt = MustLoad(freq_);
  EXPECT_FALSE(rebuilt->from_cache());
  auto warm = MustLoad(freq_);
  EXPECT_TRUE(warm->from_cache());
  ExpectSameLexicon(*Reference(kCedict, freq_), *warm, kCedict);
}

TEST_F(BilingualLexiconTest, CorruptOrTruncatedCacheIsIgnoredAndRebuilt) {
  MustLoad(freq_);
  const std::string good = ReadAll(cache());
  ASSERT_GT(good.size(), 200u);
  auto reference = Reference(kCedict, freq_);

  std::vector<std::pair<std::string, std::string>> bad = {
      {"empty", ""},
      {"tiny", good.substr(0, 10)},
      {"header only", good.substr(0, 150)},
      {"half", good.substr(0, good.size() / 2)},
      {"one byte short", good.substr(0, good.size() - 1)},
      {"trailing byte", good + "x"},
      {"garbage", std::string(good.size(), '\x5a')},
  };
  for (size_t pos :
       {size_t{0}, size_t{9}, size_t{20}, size_t{60}, good.size() / 3, good.size() / 2, good.size() - 3}) {
    std::string flipped = good;
    flipped[pos] = static_cast<char>(flipped[pos] ^ 0x10);
    bad.emplace_back("flip at " + std::to_string(pos), flipped);
  }
  for (const auto& [name, bytes] : bad) {
    SCOPED_TRACE(name);
    WriteAll(cache(), bytes);
    auto lexicon = MustLoad(freq_);
    ASSERT_TRUE(lexicon);
    EXPECT_FALSE(lexicon->from_cache());
    ExpectSameLexicon(*reference, *lexicon, kCedict);
    EXPECT_EQ(ReadAll(cache()).size(), good.size());  // rewritten
    EXPECT_TRUE(MustLoad(freq_)->from_cache());
  }
}

TEST_F(BilingualLexiconTest, UnwritableCachePathOnlyCostsARebuild) {
  fs::create_directories(cache());  // a directory where the file should go
  auto first = MustLoad(freq_);
  auto second = MustLoad(freq_);
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->from_cache());
  ExpectSameLexicon(*Reference(kCedict, freq_), *second, kCedict);
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".tmp."), std::string::npos) << "temp file left: " << entry.path();
  }
}

TEST_F(BilingualLexiconTest, EnvironmentSwitchDisablesTheCache) {
  ::setenv("TMALIGN_NO_LEXICON_CACHE", "1", 1);
  MustLoad(freq_);
  EXPECT_FALSE(fs::exists(cache()));
  ::unsetenv("TMALIGN_NO_LEXICON_CACHE");
}

TEST_F(BilingualLexiconTest, InternStemOnCachedLexiconAppendsNewIds) {
  MustLoad(freq_);
  auto warm = MustLoad(freq_);
  ASSERT_TRUE(warm->from_cache());
  const int n = warm->stem_count();
  EXPECT_EQ(warm->InternStem("bank"), warm->FindStem("bank"));
  EXPECT_EQ(warm->stem_count(), n);
  EXPECT_EQ(warm->InternStem("zebra"), n);
  EXPECT_EQ(warm->InternStem("zebra"), n);
  EXPECT_EQ(warm->FindStem("zebra"), n);
  EXPECT_EQ(warm->StemText(n), "zebra");
  EXPECT_EQ(warm->stem_count(), n + 1);
  EXPECT_FALSE(warm->AddWordFrequencies(freq_).ok());
}

TEST_F(BilingualLexiconTest, MissingDictionaryIsAnErrorNotACacheHit) {
  MustLoad(freq_);
  fs::remove(cedict_);
  std::unique_ptr<BilingualLexicon> lexicon;
  Status st = BilingualLexicon::Load(cedict_, freq_, &lexicon);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(cedict_), std::string::npos);
}

}  // namespace
}  // namespace tmalign
