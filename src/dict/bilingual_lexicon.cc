#include "dict/bilingual_lexicon.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <unordered_set>

#include "dict/lexicon_image.h"
#include "dict/word_prefix_limits.h"
#include "dict/wordnet.h"
#include "text/english_stemmer.h"
#include "text/utf8.h"

namespace tmalign {
namespace {

constexpr size_t kMaxTranslationsPerWord = 24;
// WordNet synonyms of a gloss: only a gloss of one content word ("to shout", "mountain")
// is expanded, with the lemmas of its most frequent sense's synset, and only when the
// gloss word heads that synset (is its first lemma: a word further down is a rarer name for
// the sense). Looser choices (two senses, or the gloss word second in the synset) linked
// more unrelated sentences: the bulletin lost a bead, MAC-Dev x7 fell (README).
constexpr int kSynonymSenses = 1;
constexpr int kSynonymRank = 1;
constexpr size_t kMaxSynonymsPerWord = 8;

const std::unordered_set<std::string_view>& Stopwords() {
  static const std::unordered_set<std::string_view> words = {
      "a",       "an",      "the",      "of",         "to",     "in",        "on",      "at",
      "by",      "for",     "with",     "from",       "into",   "onto",      "as",      "and",
      "or",      "but",     "nor",      "so",         "if",     "than",      "that",    "this",
      "these",   "those",   "there",    "here",       "be",     "is",        "am",      "are",
      "was",     "were",    "been",     "being",      "it",     "its",       "it's",    "i",
      "me",      "my",      "we",       "us",         "our",    "you",       "your",    "he",
      "him",     "his",     "she",      "her",        "hers",   "they",      "them",    "their",
      "one's",   "oneself", "do",       "does",       "did",    "done",      "have",    "has",
      "had",     "having",  "not",      "no",         "will",   "would",     "shall",   "should",
      "can",     "could",   "may",      "might",      "must",   "which",     "who",     "whom",
      "whose",   "what",    "when",     "where",      "why",    "how",       "all",     "any",
      "some",    "such",    "very",     "also",       "just",   "only",      "up",      "out",
      "about",   "over",    "under",    "again",      "then",   "too",       "s",       "t",
      "etc",     "e.g",     "i.e",      "sth",        "sb",     "something", "someone", "somebody",
      "oneself", "esp",     "particle", "expression", "used",   "modal",     "marker",  "indicating",
      "etc.",    "lit",     "fig",      "sb's",       "sth's",  "o",         "let",     "get",
      "got",     "make",    "made",     "thing",      "things", "way",       "kind",    "each",
      "every",   "other",   "another",  "more",       "most",   "much",      "many",    "being",
      "because", "while",   "though",   "although",   "yet",    "still",     "even",    "ever",
      "own"};
  return words;
}

// "surname Wang" -> "wang"; parenthetical and bracketed notes are dropped.
void GlossWords(std::string_view gloss, std::vector<std::string>* out,
                std::vector<std::string>* raw = nullptr, bool* verb = nullptr) {
  out->clear();
  if (raw) raw->clear();
  if (gloss.starts_with("CL:") || gloss.starts_with("variant of") || gloss.starts_with("old variant of") ||
      gloss.starts_with("see ") || gloss.starts_with("used in ") || gloss.starts_with("abbr. for") ||
      gloss.starts_with("Japanese variant of") || gloss.starts_with("erhua variant of") ||
      gloss.starts_with("also written") || gloss.starts_with("also pr.") || gloss.starts_with("pr. ")) {
    return;
  }
  std::string cleaned;
  int depth = 0;
  for (char c : gloss) {
    if (c == '(' || c == '[')
      ++depth;
    else if (c == ')' || c == ']')
      depth = std::max(0, depth - 1);
    else if (depth == 0)
      cleaned.push_back(c);
  }
  std::string_view view(cleaned);
  if (view.starts_with("surname ")) view.remove_prefix(8);
  if (verb) *verb = view.starts_with("to ");
  if (view.starts_with("to ")) view.remove_prefix(3);
  ForEachEnglishWord(view, [&](std::string_view w) {
    if (w.size() < 2 || IsEnglishStopword(w)) return;
    if (static_cast<unsigned char>(w[0]) >= 0x80) return;
    out->push_back(StemEnglishWord(w));
    if (raw) raw->emplace_back(w);
  });
}

}  // namespace

bool IsEnglishStopword(std::string_view word) { return Stopwords().count(word) > 0; }

BilingualLexicon::BilingualLexicon() = default;
BilingualLexicon::~BilingualLexicon() = default;

std::string BilingualLexicon::CachePath(const std::string& cedict_path) {
  return cedict_path + ".tmalign-cache-v" + std::to_string(LexiconImage::kFormatVersion);
}

Status BilingualLexicon::Load(const std::string& cedict_path, const std::string& frequency_path,
                              std::unique_ptr<BilingualLexicon>* out, const std::string& wordnet_dir) {
  const char* no_cache = std::getenv("TMALIGN_NO_LEXICON_CACHE");
  // Stat before reading: if a source changes meanwhile, the cache is stamped
  // with the old stamp and the next Load rebuilds it.
  LexiconSourceKey key;
  bool cacheable = !(no_cache && *no_cache && std::string_view(no_cache) != "0") &&
                   StatLexiconSources(cedict_path, frequency_path, wordnet_dir, &key).ok();
  const std::string cache_path = CachePath(cedict_path);
  if (cacheable) {
    std::unique_ptr<LexiconImage> image;
    if (LexiconImage::Open(cache_path, key, &image).ok()) {
      auto lexicon = std::make_unique<BilingualLexicon>();
      lexicon->image_stem_count_ = image->stem_count();
      lexicon->max_word_bytes_ = image->max_word_bytes();
      lexicon->image_ = std::move(image);
      lexicon->source_ = cedict_path;
      *out = std::move(lexicon);
      return Status::Ok();
    }
  }
  Cedict cedict;
  TMALIGN_RETURN_IF_ERROR(Cedict::Load(cedict_path, &cedict));
  std::unique_ptr<WordNet> wordnet;
  if (!wordnet_dir.empty()) TMALIGN_RETURN_IF_ERROR(WordNet::Load(wordnet_dir, &wordnet));
  auto lexicon = FromCedict(cedict, wordnet.get());
  lexicon->source_ = cedict_path;
  if (!frequency_path.empty()) TMALIGN_RETURN_IF_ERROR(lexicon->AddWordFrequencies(frequency_path));
  if (cacheable) lexicon->WriteCache(cache_path, key);
  *out = std::move(lexicon);
  return Status::Ok();
}

void BilingualLexicon::WriteCache(const std::string& path, const LexiconSourceKey& key) const {
  LexiconImageContents contents;
  contents.words.reserve(words_.size());
  for (const auto& [text, entry] : words_) {
    contents.words.push_back(
        LexiconImageContents::Word{text, entry.translations, entry.synonyms, entry.log_prob});
  }
  contents.irregular.reserve(irregular_.size());
  for (const auto& [form, stems] : irregular_)
    contents.irregular.push_back(LexiconImageContents::Irregular{form, stems});
  contents.stems = stems_;
  contents.readings.reserve(readings_.size());
  for (const auto& [c, list] : readings_)
    contents.readings.push_back(LexiconImageContents::CharReadings{c, list});
  contents.max_word_bytes = max_word_bytes_;
  std::string bytes = EncodeLexiconImage(key, contents);
  // An unwritable folder only costs the next Load a rebuild.
  if (!bytes.empty()) (void)WriteFileAtomically(path, bytes);
}

std::unique_ptr<BilingualLexicon> BilingualLexicon::FromCedict(const Cedict& cedict, const WordNet* wordnet) {
  auto lexicon = std::make_unique<BilingualLexicon>();
  lexicon->words_.reserve(cedict.entries().size() * 2);
  for (const CedictEntry& e : cedict.entries()) lexicon->AddEntry(e, wordnet);
  if (wordnet) {
    // Irregular forms the stemmer does not fold ("saw" -> "see", "men" -> "man").
    auto plain = [](std::string_view w) {
      return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    for (const auto& [form, base] : wordnet->irregular_forms()) {
      if (!plain(form) || !plain(base)) continue;
      std::string form_stem = StemEnglishWord(form), base_stem = StemEnglishWord(base);
      if (form_stem == base_stem) continue;  // the stemmer already folds it ("abetted")
      int id = lexicon->InternStem(base_stem);
      std::vector<int>& ids = lexicon->irregular_[std::string(form)];
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  // Without a frequency list every word is equally likely: segmentation then
  // prefers the fewest (longest) words.
  float uniform = -std::log(static_cast<float>(lexicon->words_.size() + 1));
  for (auto& [_, word] : lexicon->words_) word.log_prob = uniform;
  lexicon->source_ = cedict.path();
  return lexicon;
}

BilingualLexicon::Entry& BilingualLexicon::WordFor(std::string_view headword) {
  auto it = words_.find(headword);
  if (it == words_.end()) {
    it = words_.emplace(std::string(headword), Entry{}).first;
    max_word_bytes_ = std::max(max_word_bytes_, static_cast<int>(headword.size()));
    if (prefix_limits_.empty()) prefix_limits_.assign(kWordPrefixBuckets, 0);
    AddWordPrefix(headword, prefix_limits_.data());
  }
  return it->second;
}

void BilingualLexicon::AddEntry(const CedictEntry& e, const WordNet* wordnet) {
  // Translations: content words of every gloss, in dictionary order.
  std::vector<int> translations, synonyms;
  std::vector<std::string> words, raw, syn;
  size_t pos = 0;
  while (pos <= e.glosses.size()) {
    size_t slash = e.glosses.find('/', pos);
    if (slash == std::string_view::npos) slash = e.glosses.size();
    bool verb = false;
    GlossWords(e.glosses.substr(pos, slash - pos), &words, &raw, &verb);
    for (const std::string& w : words) {
      int id = InternStem(w);
      if (std::find(translations.begin(), translations.end(), id) == translations.end())
        translations.push_back(id);
    }
    if (wordnet && raw.size() == 1) {
      // "to shout" is a verb; any other gloss may be a noun, an adjective or an adverb.
      syn.clear();
      if (verb) {
        wordnet->Synonyms(raw[0], WordNet::kVerb, kSynonymSenses, kSynonymRank, &syn);
      } else {
        for (WordNet::Pos p : {WordNet::kNoun, WordNet::kAdj, WordNet::kAdv})
          wordnet->Synonyms(raw[0], p, kSynonymSenses, kSynonymRank, &syn);
      }
      for (const std::string& w : syn) {
        if (IsEnglishStopword(w) || w.size() < 2) continue;
        int id = InternStem(StemEnglishWord(w));
        if (std::find(synonyms.begin(), synonyms.end(), id) == synonyms.end()) synonyms.push_back(id);
      }
    }
    pos = slash + 1;
  }

  for (std::string_view head : {e.simplified, e.traditional}) {
    Entry& word = WordFor(head);
    for (int id : translations) {
      if (word.translations.size() >= kMaxTranslationsPerWord) break;
      if (std::find(word.translations.begin(), word.translations.end(), id) == word.translations.end()) {
        word.translations.push_back(id);
      }
    }
    for (int id : synonyms) {
      if (word.synonyms.size() >= kMaxSynonymsPerWord) break;
      if (std::find(word.translations.begin(), word.translations.end(), id) == word.translations.end() &&
          std::find(word.synonyms.begin(), word.synonyms.end(), id) == word.synonyms.end()) {
        word.synonyms.push_back(id);
      }
    }
    if (e.simplified == e.traditional) break;
  }

  // Readings of single characters, for pinyin anchors (梅 -> "mei").
  size_t p = 0;
  char32_t c = NextCodePoint(e.simplified, &p);
  if (p != e.simplified.size() || !IsHan(c)) return;
  std::string syllable;
  for (char ch : e.pinyin) {
    if (ch >= 'A' && ch <= 'Z')
      syllable.push_back(static_cast<char>(ch - 'A' + 'a'));
    else if (ch >= 'a' && ch <= 'z')
      syllable.push_back(ch);
    else if (ch == ':')
      continue;  // "lu:3" -> "lu"
    else if (ch == ' ')
      break;
  }
  if (syllable.empty()) return;
  for (std::string_view head : {e.simplified, e.traditional}) {
    size_t q = 0;
    char32_t hc = NextCodePoint(head, &q);
    auto& list = readings_[hc];
    if (std::find(list.begin(), list.end(), syllable) == list.end() && list.size() < ReadingList::kMax)
      list.push_back(syllable);
  }
}

Status BilingualLexicon::AddWordFrequencies(const std::string& path) {
  if (image_) return Status::Internal(path + ": cannot add word frequencies to a cached lexicon");
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot read the word-frequency list");
  std::vector<std::pair<std::string, double>> entries;
  double total = 0;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    size_t sp = line.find(' ');
    if (sp == std::string::npos || sp == 0) {
      if (line.empty()) continue;
      return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": expected 'word frequency [tag]'");
    }
    double freq = std::atof(line.c_str() + sp + 1);
    if (freq <= 0) continue;
    total += freq;
    entries.emplace_back(line.substr(0, sp), freq);
  }
  if (entries.empty()) return Status::InvalidInput(path + ": no words");
  // Words in CEDICT but not in the list get the weight of a word seen once.
  float floor = static_cast<float>(std::log(1.0 / total));
  for (auto& [_, word] : words_) word.log_prob = floor;
  for (auto& [w, freq] : entries) {
    auto it = words_.find(w);
    float lp = static_cast<float>(std::log(freq / total));
    if (it != words_.end()) {
      it->second.log_prob = std::max(it->second.log_prob, lp);
    } else {
      // Jieba-only words segment well but carry no translations of their own;
      // feature extraction falls back to their CEDICT parts.
      WordFor(w).log_prob = lp;
    }
  }
  return Status::Ok();
}

void BilingualLexicon::AddTerm(std::string_view zh, std::string_view english) {
  // As likely as a fairly common word: beats the sum of its parts in segmentation.
  constexpr float kTermLogProb = -8.0f;
  if (zh.empty()) return;
  Entry& entry = terms_[std::string(zh)];
  entry.log_prob = kTermLogProb;
  if (auto known = FindWordOutsideTerms(zh)) {
    for (int id : known->translations) {
      if (std::find(entry.translations.begin(), entry.translations.end(), id) == entry.translations.end()) {
        entry.translations.push_back(id);
      }
    }
    entry.synonyms.assign(known->synonyms.begin(), known->synonyms.end());
  }
  ForEachEnglishWord(english, [&](std::string_view w) {
    if (IsEnglishStopword(w)) return;
    int id = InternStem(StemEnglishWord(w));
    if (std::find(entry.translations.begin(), entry.translations.end(), id) == entry.translations.end()) {
      entry.translations.insert(entry.translations.begin(), id);  // the glossary's rendering comes first
    }
  });
  max_word_bytes_ = std::max(max_word_bytes_, static_cast<int>(zh.size()));
  if (prefix_limits_.empty()) prefix_limits_.assign(kWordPrefixBuckets, 0);
  AddWordPrefix(zh, prefix_limits_.data());
}

std::optional<BilingualLexicon::Word> BilingualLexicon::FindWord(std::string_view word) const {
  if (!terms_.empty()) {
    auto it = terms_.find(word);
    if (it != terms_.end()) return Word{it->second.translations, it->second.synonyms, it->second.log_prob};
  }
  return FindWordOutsideTerms(word);
}

std::optional<BilingualLexicon::Word> BilingualLexicon::FindWordOutsideTerms(std::string_view word) const {
  if (image_) {
    Word w;
    if (!image_->FindWord(word, &w.translations, &w.synonyms, &w.log_prob)) return std::nullopt;
    return w;
  }
  auto it = words_.find(word);
  if (it == words_.end()) return std::nullopt;
  return Word{it->second.translations, it->second.synonyms, it->second.log_prob};
}

void BilingualLexicon::PrefetchWord(std::string_view word) const {
  if (image_) image_->PrefetchWord(word);
}

int BilingualLexicon::max_word_bytes() const { return max_word_bytes_; }

int BilingualLexicon::MaxWordCharsFrom(std::string_view first_two_chars) const {
  const size_t bucket = WordPrefixBucket(first_two_chars);
  int limit = prefix_limits_.empty() ? 0 : prefix_limits_[bucket];
  if (image_) limit = std::max<int>(limit, image_->prefix_limits()[bucket]);
  return limit;
}

size_t BilingualLexicon::word_count() const { return image_ ? image_->word_count() : words_.size(); }

BilingualLexicon::ReadingList BilingualLexicon::Readings(char32_t c) const {
  static_assert(ReadingList::kMax == LexiconImage::kMaxReadings);
  ReadingList list;
  if (image_) {
    list.size_ = image_->Readings(c, list.items_.data());
    return list;
  }
  auto it = readings_.find(c);
  if (it == readings_.end()) return list;
  for (const std::string& r : it->second) {
    if (list.size_ == ReadingList::kMax) break;
    list.items_[list.size_++] = r;
  }
  return list;
}

int BilingualLexicon::FindStem(std::string_view stem) const {
  if (image_) {
    int id = image_->FindStem(stem);
    if (id >= 0) return id;
  }
  auto it = stem_ids_.find(stem);
  return it == stem_ids_.end() ? -1 : it->second;
}

int BilingualLexicon::InternStem(std::string_view stem) {
  int found = FindStem(stem);
  if (found >= 0) return found;
  int id = image_stem_count_ + static_cast<int>(stems_.size());
  stems_.emplace_back(stem);
  stem_ids_.emplace(std::string(stem), id);
  return id;
}

std::string_view BilingualLexicon::StemText(int id) const {
  if (id < image_stem_count_) return image_->StemText(id);
  return stems_[static_cast<size_t>(id - image_stem_count_)];
}

std::span<const int> BilingualLexicon::IrregularBaseStems(std::string_view form) const {
  if (image_) return image_->FindIrregular(form);
  auto it = irregular_.find(form);
  if (it == irregular_.end()) return {};
  return it->second;
}

int BilingualLexicon::stem_count() const { return image_stem_count_ + static_cast<int>(stems_.size()); }

}  // namespace tmalign
