// The aligner with the real lexicon: the bundled bulletin against its gold
// alignment, and small hand-made cases for omissions, 1-2 beads, Traditional
// characters and empty sides.
#include "align/aligner.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "align/document_alignment.h"
#include "align/evaluation.h"
#include "shared_lexicon.h"
#include "text/sentence_splitter.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

const std::string kCorpus = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string NoSpace(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  return out;
}

// Offsets of sentence ends in the text with all whitespace removed.
std::set<size_t> Ends(const std::vector<std::string>& sentences) {
  std::set<size_t> ends;
  size_t offset = 0;
  for (const std::string& s : sentences) {
    offset += NoSpace(s).size();
    ends.insert(offset);
  }
  return ends;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!NoSpace(line).empty()) out.push_back(line);
  return out;
}

double BoundaryF1(const std::string& raw_path, const std::string& split_path, Language lang) {
  std::vector<std::string> got;
  for (const Sentence& s : SplitSentences(Slurp(raw_path), lang)) got.push_back(s.text);
  std::vector<std::string> want = Lines(Slurp(split_path));
  std::set<size_t> g = Ends(got), w = Ends(want);
  EXPECT_EQ(*g.rbegin(), *w.rbegin()) << split_path << " does not hold the same text as " << raw_path;
  size_t hits = 0;
  for (size_t e : g) hits += w.count(e);
  double p = static_cast<double>(hits) / g.size(), r = static_cast<double>(hits) / w.size();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

TEST(SplitBulletinTest, ReproducesPresplitFiles) {
  EXPECT_GE(BoundaryF1(kCorpus + "zh.txt", kCorpus + "zh.split", Language::kZh), 0.98);
  EXPECT_GE(BoundaryF1(kCorpus + "en.txt", kCorpus + "en.split", Language::kEn), 0.98);
}

// Every sentence of each side in exactly one bead, ids increasing.
void ExpectPartitionAndMonotone(const std::vector<Bead>& beads, size_t n_src, size_t n_tgt) {
  std::vector<int> src_seen(n_src), tgt_seen(n_tgt);
  int last_src = -1, last_tgt = -1;
  for (const Bead& b : beads) {
    EXPECT_FALSE(b.src.empty() && b.tgt.empty()) << "empty bead";
    for (int s : b.src) {
      ASSERT_GE(s, 0);
      ASSERT_LT(static_cast<size_t>(s), n_src);
      ++src_seen[s];
      EXPECT_EQ(s, last_src + 1) << "src not contiguous/monotone at " << FormatBead(b);
      last_src = s;
    }
    for (int t : b.tgt) {
      ASSERT_GE(t, 0);
      ASSERT_LT(static_cast<size_t>(t), n_tgt);
      ++tgt_seen[t];
      EXPECT_EQ(t, last_tgt + 1) << "tgt not contiguous/monotone at " << FormatBead(b);
      last_tgt = t;
    }
    EXPECT_GE(b.confidence, 0.0) << FormatBead(b);
    EXPECT_LE(b.confidence, 1.0) << FormatBead(b);
  }
  for (size_t i = 0; i < n_src; ++i) EXPECT_EQ(src_seen[i], 1) << "src sentence " << i;
  for (size_t i = 0; i < n_tgt; ++i) EXPECT_EQ(tgt_seen[i], 1) << "tgt sentence " << i;
}

std::vector<Bead> Gold() {
  std::vector<Bead> gold;
  EXPECT_TRUE(ReadBeadFile(kCorpus + "gold.align", &gold).ok());
  return gold;
}

AlignedDocument AlignFiles(const std::string& src, const std::string& tgt, bool presplit,
                           const BilingualLexicon& lexicon) {
  DocumentAlignmentOptions options;
  options.presplit = presplit;
  AlignedDocument doc;
  Status s = AlignDocumentFiles(src, tgt, lexicon, options, &doc);
  EXPECT_TRUE(s.ok()) << s.message();
  return doc;
}

// One test for the bulletin, so the document is aligned a few times in one process.
TEST(AlignBulletinTest, PresplitUnsplitAndMirrored) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  const std::vector<Bead> gold = Gold();

  AlignedDocument presplit = AlignFiles(kCorpus + "zh.split", kCorpus + "en.split", true, *lexicon);
  EXPECT_EQ(presplit.src.lang, Language::kZh);
  EXPECT_EQ(presplit.tgt.lang, Language::kEn);
  ExpectPartitionAndMonotone(presplit.beads, presplit.src.sentences.size(), presplit.tgt.sentences.size());
  AlignmentScores s = ScoreCounts(CountAlignment(gold, presplit.beads));
  EXPECT_GE(s.strict_f1, 0.95) << "P " << s.strict_precision << " R " << s.strict_recall;
  EXPECT_GE(s.lax_f1, s.strict_f1);

  AlignedDocument unsplit = AlignFiles(kCorpus + "zh.txt", kCorpus + "en.txt", false, *lexicon);
  ExpectPartitionAndMonotone(unsplit.beads, unsplit.src.sentences.size(), unsplit.tgt.sentences.size());
  AlignmentScores u = ScoreCounts(CountAlignment(gold, unsplit.beads));
  EXPECT_GE(u.strict_f1, 0.95) << "P " << u.strict_precision << " R " << u.strict_recall;
  // The splitter reproduces the presplit files here, so the beads are the same.
  EXPECT_EQ(unsplit.src.sentences.size(), presplit.src.sentences.size());
  EXPECT_EQ(unsplit.tgt.sentences.size(), presplit.tgt.sentences.size());
  std::vector<std::string> a, b;
  for (const Bead& x : presplit.beads) a.push_back(FormatBead(x));
  for (const Bead& x : unsplit.beads) b.push_back(FormatBead(x));
  EXPECT_EQ(a, b);

  // English first: the same beads with the sides exchanged.
  AlignedDocument mirrored = AlignFiles(kCorpus + "en.split", kCorpus + "zh.split", true, *lexicon);
  EXPECT_EQ(mirrored.src.lang, Language::kEn);
  EXPECT_EQ(mirrored.tgt.lang, Language::kZh);
  ASSERT_EQ(mirrored.beads.size(), presplit.beads.size());
  for (size_t k = 0; k < presplit.beads.size(); ++k) {
    EXPECT_EQ(mirrored.beads[k].src, presplit.beads[k].tgt) << "bead " << k;
    EXPECT_EQ(mirrored.beads[k].tgt, presplit.beads[k].src) << "bead " << k;
  }
}

// Hand-made parallel sentences with plain dictionary words.
const std::vector<std::pair<std::string, std::string>> kPairs = {
    {"上海是中国最大的城市。", "Shanghai is the largest city in China."},
    {"科学家在实验室研究新的电池技术。", "Scientists study new battery technology in the laboratory."},
    {"政府支持农业和教育的发展。", "The government supports the development of agriculture and education."},
    {"这家医院有三百名医生。", "This hospital has three hundred doctors."},
    {"学生们每天早上在公园里跑步。", "Students run in the park every morning."},
    {"这座桥连接了河两岸的村庄。", "The bridge connects the villages on both banks of the river."},
};

std::vector<std::string> Bead2Strings(const std::vector<Bead>& beads) {
  std::vector<std::string> out;
  for (const Bead& b : beads) out.push_back(FormatBead(b));
  return out;
}

std::vector<Bead> AlignSentences(const BilingualLexicon& lexicon, std::vector<std::string> zh,
                                 std::vector<std::string> en) {
  AlignInput input;
  input.zh = std::move(zh);
  input.en = std::move(en);
  std::vector<Bead> beads;
  Status s = Aligner(lexicon).Align(input, &beads);
  EXPECT_TRUE(s.ok()) << s.message();
  ExpectPartitionAndMonotone(beads, input.zh.size(), input.en.size());
  return beads;
}

// News-like text, nearly all 1-1 (written for these tests, tests/data/news): a change that
// helps literary text must not cost anything here.
TEST(AlignNewsTest, OneToOneTextStaysPerfect) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  const std::string dir = std::string(TMALIGN_SOURCE_DIR) + "/tests/data/news/";
  const std::vector<std::string> zh = Lines(Slurp(dir + "zh.split")), en = Lines(Slurp(dir + "en.split"));
  std::vector<Bead> gold;
  ASSERT_TRUE(ReadBeadFile(dir + "gold.align", &gold).ok());
  ASSERT_EQ(zh.size(), 30u);
  EXPECT_EQ(Bead2Strings(AlignSentences(*lexicon, zh, en)), Bead2Strings(gold));

  // An English sentence dropped by the translator: its Chinese becomes a 1-0 bead.
  std::vector<std::string> en_dropped = en;
  en_dropped.erase(en_dropped.begin() + 17);
  std::vector<std::string> want;
  for (int i = 0; i < 30; ++i)
    want.push_back(i < 17    ? FormatBead(Bead{{i}, {i}})
                   : i == 17 ? "[17]:[]"
                             : FormatBead(Bead{{i}, {i - 1}}));
  EXPECT_EQ(Bead2Strings(AlignSentences(*lexicon, zh, en_dropped)), want);
}

// The news text twice over (60 sentences a side, past SentenceChance::kSmallDocument, so
// each sentence is weighed against its own chance coverage), with the same English sentence
// dropped in each half: still every 1-1 bead and both 1-0 beads, whatever the threads and
// chunks.
TEST(AlignNewsTest, TwiceOverWithChancePerSentence) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  const std::string dir = std::string(TMALIGN_SOURCE_DIR) + "/tests/data/news/";
  const std::vector<std::string> zh = Lines(Slurp(dir + "zh.split")), en = Lines(Slurp(dir + "en.split"));
  ASSERT_EQ(zh.size(), 30u);
  ASSERT_EQ(en.size(), 30u);
  AlignInput input;
  for (int copy = 0; copy < 2; ++copy) {
    input.zh.insert(input.zh.end(), zh.begin(), zh.end());
    for (int j = 0; j < 30; ++j)
      if (j != 17) input.en.push_back(en[static_cast<size_t>(j)]);
  }
  std::vector<std::string> want;
  int e = 0;
  for (int i = 0; i < 60; ++i) {
    if (i == 17 || i == 47) {
      want.push_back(FormatBead(Bead{{i}, {}}));
    } else {
      want.push_back(FormatBead(Bead{{i}, {e++}}));
    }
  }
  for (auto [threads, chunk] : {std::pair{1, 1500}, std::pair{2, 7}, std::pair{3, 4}}) {
    AlignOptions options;
    options.threads = threads;
    options.feature_chunk = chunk;
    std::vector<Bead> beads;
    ASSERT_TRUE(Aligner(*lexicon, options).Align(input, &beads).ok());
    EXPECT_EQ(Bead2Strings(beads), want) << threads << " threads, chunks of " << chunk;
  }
}

// The same beads whatever the number of threads and however the sentences are chunked for
// feature extraction.
TEST(AlignNewsTest, DeterministicWhateverTheThreads) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  const std::string dir = std::string(TMALIGN_SOURCE_DIR) + "/tests/data/news/";
  AlignInput input;
  input.zh = Lines(Slurp(dir + "zh.split"));
  input.en = Lines(Slurp(dir + "en.split"));
  input.en.erase(input.en.begin() + 17);
  std::vector<std::vector<std::string>> results;
  for (auto [threads, chunk] : {std::pair{1, 1500}, std::pair{1, 7}, std::pair{2, 7}, std::pair{3, 4}}) {
    AlignOptions options;
    options.threads = threads;
    options.feature_chunk = chunk;
    std::vector<Bead> beads;
    ASSERT_TRUE(Aligner(*lexicon, options).Align(input, &beads).ok());
    results.push_back(Bead2Strings(beads));
  }
  for (size_t k = 1; k < results.size(); ++k) EXPECT_EQ(results[0], results[k]) << "variant " << k;
}

TEST(AlignSyntheticTest, HandMadeCases) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  std::vector<std::string> zh, en;
  for (const auto& [z, e] : kPairs) {
    zh.push_back(z);
    en.push_back(e);
  }
  EXPECT_EQ(Bead2Strings(AlignSentences(*lexicon, zh, en)),
            (std::vector<std::string>{"[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4]", "[5]:[5]"}));

  // An untranslated Chinese sentence in the middle becomes a 1-0 bead.
  {
    std::vector<std::string> zh_extra = zh;
    zh_extra.insert(zh_extra.begin() + 3, "天气预报说明天下午会下大雨。");
    EXPECT_EQ(Bead2Strings(AlignSentences(*lexicon, zh_extra, en)),
              (std::vector<std::string>{"[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[]", "[4]:[3]", "[5]:[4]",
                                        "[6]:[5]"}));
  }

  // One Chinese sentence translated as two English ones: a 1-2 bead.
  {
    std::vector<std::string> zh2 = zh, en2 = en;
    zh2.insert(zh2.begin() + 3, "这家公司去年开设了十家新工厂，并雇用了两千名工人。");
    en2.insert(en2.begin() + 3, "Last year the company opened ten new factories.");
    en2.insert(en2.begin() + 4, "It also hired two thousand workers.");
    EXPECT_EQ(Bead2Strings(AlignSentences(*lexicon, zh2, en2)),
              (std::vector<std::string>{"[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3,4]", "[4]:[5]", "[5]:[6]",
                                        "[6]:[7]"}));
  }

  // Two sentences translated as two others with their content crossed: one 2-2 bead, not
  // two wrong 1-1 beads.
  {
    std::vector<std::string> zh2 = {kPairs[0].first,          kPairs[1].first, "上海和北京都有很多科学家，",
                                    "而医生大多在医院工作。", kPairs[4].first, kPairs[5].first};
    std::vector<std::string> en2 = {kPairs[0].second,
                                    kPairs[1].second,
                                    "Doctors mostly work in hospitals in Shanghai.",
                                    "Beijing also has many scientists.",
                                    kPairs[4].second,
                                    kPairs[5].second};
    EXPECT_EQ(Bead2Strings(AlignSentences(*lexicon, zh2, en2)),
              (std::vector<std::string>{"[0]:[0]", "[1]:[1]", "[2,3]:[2,3]", "[4]:[4]", "[5]:[5]"}));
  }

  // Traditional characters align as the Simplified ones do.
  {
    std::vector<std::string> trad = {"上海是中國最大的城市。",       "科學家在實驗室研究新的電池技術。",
                                     "政府支持農業和教育的發展。",   "這家醫院有三百名醫生。",
                                     "學生們每天早上在公園裡跑步。", "這座橋連接了河兩岸的村莊。"};
    std::vector<std::string> en_extra = en;
    en_extra.insert(en_extra.begin() + 2,
                    "The weather forecast says it will rain heavily tomorrow afternoon.");
    EXPECT_EQ(Bead2Strings(AlignSentences(*lexicon, trad, en_extra)),
              Bead2Strings(AlignSentences(*lexicon, zh, en_extra)));
    EXPECT_EQ(Bead2Strings(AlignSentences(*lexicon, trad, en_extra)),
              (std::vector<std::string>{"[0]:[0]", "[1]:[1]", "[]:[2]", "[2]:[3]", "[3]:[4]", "[4]:[5]",
                                        "[5]:[6]"}));
  }

  // An empty side: every sentence of the other side is skipped.
  {
    std::vector<Bead> only_zh = AlignSentences(*lexicon, zh, {});
    ASSERT_EQ(only_zh.size(), zh.size());
    for (size_t k = 0; k < only_zh.size(); ++k) {
      EXPECT_EQ(only_zh[k].src, std::vector<int>{static_cast<int>(k)});
      EXPECT_TRUE(only_zh[k].tgt.empty());
    }
    std::vector<Bead> only_en = AlignSentences(*lexicon, {}, en);
    ASSERT_EQ(only_en.size(), en.size());
    for (size_t k = 0; k < only_en.size(); ++k) {
      EXPECT_TRUE(only_en[k].src.empty());
      EXPECT_EQ(only_en[k].tgt, std::vector<int>{static_cast<int>(k)});
    }
    EXPECT_TRUE(AlignSentences(*lexicon, {}, {}).empty());
  }
}

}  // namespace
}  // namespace tmalign
