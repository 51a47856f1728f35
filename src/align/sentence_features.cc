#include "align/sentence_features.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <thread>
#include <unordered_map>

#include "dict/chinese_segmenter.h"
#include "text/english_stemmer.h"
#include "text/normalize.h"
#include "text/numerals.h"
#include "text/utf8.h"

namespace tmalign {
namespace {

// Raw keys are 64-bit: a kind tag in the top byte, then a value.
enum KeyKind : uint64_t { kStem = 1, kOovWord = 2, kName = 3, kNumber = 4, kPunct = 5 };
uint64_t MakeKey(KeyKind kind, uint64_t value) {
  return (static_cast<uint64_t>(kind) << 56) | (value & ((1ULL << 56) - 1));
}
// FNV-1a, so a name's hash can be built syllable by syllable ("wen", "jie").
constexpr uint64_t kFnvBasis = 1469598103934665603ULL;
uint64_t HashUpdate(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}
uint64_t HashString(std::string_view s) { return HashUpdate(kFnvBasis, s); }

constexpr size_t kMaxReadingCombos = 4;
constexpr size_t kScriptSample = 200;  // sentences looked at to tell Traditional from Simplified text
constexpr int kMaxNameChars = 3;

// Raw keys -> ids in the order they are first seen. Open addressing with linear probing:
// a node-based map costs a cache miss or two a lookup, and features look up a key for
// every word and pinyin spelling.
class KeyIds {
 public:
  KeyIds() : slots_(1024) {}
  // The id of `raw`, added when new.
  int IdOf(uint64_t raw) {
    if (2 * (raws_.size() + 1) > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    for (size_t at = Mix(raw) & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.id < 0) {
        slot = Slot{raw, static_cast<int>(raws_.size())};
        raws_.push_back(raw);
        return slot.id;
      }
      if (slot.raw == raw) return slot.id;
    }
  }
  size_t size() const { return raws_.size(); }
  // The raw key of each id, in id order.
  const std::vector<uint64_t>& raws() const { return raws_; }

 private:
  struct Slot {
    uint64_t raw = 0;
    int id = -1;
  };
  static uint64_t Mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
  }
  void Grow() {
    std::vector<Slot> bigger(slots_.size() * 2);
    const size_t mask = bigger.size() - 1;
    for (const Slot& slot : slots_) {
      if (slot.id < 0) continue;
      size_t at = Mix(slot.raw) & mask;
      while (bigger[at].id >= 0) at = (at + 1) & mask;
      bigger[at] = slot;
    }
    slots_.swap(bigger);
  }
  std::vector<Slot> slots_;
  std::vector<uint64_t> raws_;
};

// Words -> ids in the order they are first seen, the same way (a slot holds the word's
// hash, so a lookup compares text only when the hashes agree).
class WordIds {
 public:
  WordIds() : slots_(1024) {}
  int IdOf(std::string_view word) {
    if (2 * (words_.size() + 1) > slots_.size()) Grow();
    const uint64_t hash = std::hash<std::string_view>()(word);
    const size_t mask = slots_.size() - 1;
    for (size_t at = hash & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.id < 0) {
        slot = Slot{hash, static_cast<int>(words_.size())};
        words_.emplace_back(word);
        names_.push_back(&words_.back());
        return slot.id;
      }
      if (slot.hash == hash && *names_[static_cast<size_t>(slot.id)] == word) return slot.id;
    }
  }
  // The word of each id, in id order.
  const std::vector<const std::string*>& names() const { return names_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    int id = -1;
  };
  void Grow() {
    std::vector<Slot> bigger(slots_.size() * 2);
    const size_t mask = bigger.size() - 1;
    for (const Slot& slot : slots_) {
      if (slot.id < 0) continue;
      size_t at = slot.hash & mask;
      while (bigger[at].id >= 0) at = (at + 1) & mask;
      bigger[at] = slot;
    }
    slots_.swap(bigger);
  }
  std::vector<Slot> slots_;
  std::deque<std::string> words_;  // stable addresses for names_
  std::vector<const std::string*> names_;
};

// Collects the per-document work: raw keys -> dense ids, words -> ids.
class Builder {
 public:
  explicit Builder(const BilingualLexicon& lexicon) : lexicon_(lexicon) {}

  int Dense(uint64_t raw) { return dense_.IdOf(raw); }
  int WordId(std::string_view word) { return words_.IdOf(word); }
  // The raw key of each dense id, and the word of each word id, in id order (for merging builders).
  const std::vector<uint64_t>& raw_keys() const { return dense_.raws(); }
  const std::vector<const std::string*>& word_names() const { return words_.names(); }
  uint64_t StemKey(std::string_view stem) {
    int id = lexicon_.FindStem(stem);
    return id >= 0 ? MakeKey(kStem, static_cast<uint64_t>(id)) : MakeKey(kOovWord, HashString(stem));
  }
  int key_count() const { return static_cast<int>(dense_.size()); }

  void BeginUnit(SentenceFeatures* s, int word_id) {
    FeatureUnit u;
    u.word_id = word_id;
    u.key_begin = u.key_end = static_cast<uint32_t>(s->keys.size());
    s->units.push_back(u);
  }
  // A unit matches when any of its keys does, so duplicate keys are harmless.
  void AddKey(SentenceFeatures* s, uint64_t raw) { AddDenseKey(s, Dense(raw)); }
  void AddDenseKey(SentenceFeatures* s, int k) {
    s->keys.push_back(k);
    s->units.back().key_end = static_cast<uint32_t>(s->keys.size());
  }
  // Dense keys of a Chinese word's translations, computed once per distinct word.
  // `word` must be the word of `word_id`: one lookup of the word serves both. The keys stay
  // valid until the next call.
  const std::vector<int>& TranslationKeys(int word_id, std::string_view word);
  // Drops the last unit if it got no key (a word with no translation evidence).
  void EndUnit(SentenceFeatures* s) {
    if (s->units.back().key_begin == s->units.back().key_end) s->units.pop_back();
  }

  const BilingualLexicon& lexicon() const { return lexicon_; }

  // ExtractChinese's working memory, kept from sentence to sentence.
  struct ChineseScratch {
    std::vector<ChineseToken> tokens;
    std::vector<uint64_t> spellings, longer;
    std::vector<BilingualLexicon::ReadingList> han;
    std::vector<size_t> token_han_start;
  };
  ChineseScratch& chinese_scratch() { return chinese_scratch_; }

 private:
  const BilingualLexicon& lexicon_;
  ChineseScratch chinese_scratch_;
  KeyIds dense_;
  WordIds words_;
  std::vector<std::optional<std::vector<int>>> translation_keys_;  // by word id
};

// Extends the hashes of pinyin spellings by one character ("文" -> "文洁":
// hash("wen") -> hash("wenjie")), several readings for polyphones, capped.
// Empty when the character has no reading.
void ExtendSpellings(const BilingualLexicon::ReadingList& readings, const std::vector<uint64_t>& prefixes,
                     std::vector<uint64_t>* out) {
  out->clear();
  for (uint64_t prefix : prefixes) {
    for (std::string_view r : readings) {
      if (out->size() >= kMaxReadingCombos) return;
      out->push_back(HashUpdate(prefix, r));
    }
  }
}

// Translations of a word the dictionary lacks (a jieba-only compound): the
// union of its longest dictionary parts'.
void FallbackTranslations(const BilingualLexicon& lexicon, std::string_view word, std::vector<int>* out) {
  size_t pos = 0;
  while (pos < word.size()) {
    size_t best_end = 0;
    std::optional<BilingualLexicon::Word> best;
    size_t probe = pos;
    for (int chars = 0; probe < word.size() && chars < 6; ++chars) {
      NextCodePoint(word, &probe);
      std::optional<BilingualLexicon::Word> w = lexicon.FindWord(word.substr(pos, probe - pos));
      if (w && !w->translations.empty()) {
        best = w;
        best_end = probe;
      }
    }
    if (!best) {
      NextCodePoint(word, &pos);
      continue;
    }
    out->insert(out->end(), best->translations.begin(), best->translations.end());
    out->insert(out->end(), best->synonyms.begin(), best->synonyms.end());
    pos = best_end;
  }
}

const std::vector<int>& Builder::TranslationKeys(int word_id, std::string_view word) {
  if (translation_keys_.size() <= static_cast<size_t>(word_id))
    translation_keys_.resize(static_cast<size_t>(word_id) + 1);
  std::optional<std::vector<int>>& cached = translation_keys_[static_cast<size_t>(word_id)];
  if (cached) return *cached;
  std::optional<BilingualLexicon::Word> entry = lexicon_.FindWord(word);
  std::vector<int> ids;
  if (entry && !entry->translations.empty()) {
    ids.assign(entry->translations.begin(), entry->translations.end());
    ids.insert(ids.end(), entry->synonyms.begin(), entry->synonyms.end());
  } else
    FallbackTranslations(lexicon_, word, &ids);
  std::vector<int> keys;
  for (int id : ids) keys.push_back(Dense(MakeKey(kStem, static_cast<uint64_t>(id))));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  cached = std::move(keys);
  return *cached;
}

// A punctuation mark that survives translation: a unit of its own with one key, the same in
// both languages.
void AddPunctUnit(Builder& b, SentenceFeatures* s, std::string_view word, char mark) {
  b.BeginUnit(s, b.WordId(word));
  b.AddKey(s, MakeKey(kPunct, static_cast<unsigned char>(mark)));
  b.EndUnit(s);
}

// Trailing off and stammering (我…… 我…… / "I... I...") survive translation as an
// ellipsis in either script: …, ... or the typeset ". . .".
bool HasEllipsis(std::string_view text) {
  return text.find("\u2026") != std::string_view::npos || text.find("...") != std::string_view::npos ||
         text.find(". . .") != std::string_view::npos;
}

void ExtractChinese(Builder& b, std::string_view text, SentenceFeatures* s) {
  const BilingualLexicon& lexicon = b.lexicon();
  for (size_t pos = 0; pos < text.size();) {
    char32_t c = NextCodePoint(text, &pos);
    if (c != U' ' && c != U'\t' && c != U'\u3000') ++s->length;
  }

  Builder::ChineseScratch& scratch = b.chinese_scratch();
  std::vector<ChineseToken>& tokens = scratch.tokens;
  std::vector<uint64_t>& spellings = scratch.spellings;
  std::vector<uint64_t>& longer = scratch.longer;
  // Readings of the sentence's Han characters in order, for name windows that cross tokens.
  std::vector<BilingualLexicon::ReadingList>& han = scratch.han;
  std::vector<size_t>& token_han_start = scratch.token_han_start;
  SegmentChinese(text, lexicon, &tokens);
  han.clear();
  token_han_start.clear();
  for (const ChineseToken& t : tokens) {
    token_han_start.push_back(han.size());
    if (!t.is_han) continue;
    for (size_t pos = 0; pos < t.text.size();) han.push_back(lexicon.Readings(NextCodePoint(t.text, &pos)));
  }
  for (size_t ti = 0; ti < tokens.size(); ++ti) {
    const ChineseToken& t = tokens[ti];
    const int word_id = b.WordId(t.text);
    b.BeginUnit(s, word_id);
    if (t.is_han) {
      const std::vector<int>& translation_keys = b.TranslationKeys(word_id, t.text);
      for (int k : translation_keys) b.AddDenseKey(s, k);
      // Pinyin windows of 1-3 characters from here, for names; function words
      // (no translation left after stopwords) get none and are dropped.
      const size_t start = token_han_start[ti];
      spellings.assign(1, kFnvBasis);
      for (size_t len = 1; !translation_keys.empty() && len <= kMaxNameChars && start + len <= han.size();
           ++len) {
        ExtendSpellings(han[start + len - 1], spellings, &longer);
        spellings.swap(longer);
        if (spellings.empty()) break;
        for (uint64_t h : spellings) b.AddKey(s, MakeKey(kName, h));
      }
      size_t first = 0;
      int64_t value;
      if (IsChineseNumeralChar(NextCodePoint(t.text, &first))) {
        std::u32string run = ToUtf32(t.text);
        // A lone 一 is usually "a", not the number one, unless it numbers a heading (一、).
        const bool heading =
            ti == 0 && text.substr(t.text.data() + t.text.size() - text.data()).starts_with("、");
        if (ParseChineseNumeral(run, &value) && !(first == t.text.size() && value <= 1 && !heading)) {
          b.AddKey(s, MakeKey(kNumber, static_cast<uint64_t>(value)));
        } else if (ParsePlanNumber(run, &value)) {
          b.AddKey(s, MakeKey(kNumber, static_cast<uint64_t>(value)));
        }
      }
    } else {
      std::string lower;
      bool digits = true;
      for (char c : t.text) {
        char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        lower.push_back(l);
        if (c < '0' || c > '9') digits = false;
      }
      if (digits && !lower.empty()) {
        b.AddKey(s, MakeKey(kNumber, std::strtoull(lower.c_str(), nullptr, 10)));
      } else {
        b.AddKey(s, b.StemKey(StemEnglishWord(lower)));
        b.AddKey(s, MakeKey(kName, HashString(lower)));
      }
    }
    b.EndUnit(s);
  }
  // Questions, exclamations and quoted speech usually survive translation.
  for (char p : {'?', '!', '"'}) {  // normalized: ？！“” are ASCII by now
    if (text.find(p) != std::string_view::npos) AddPunctUnit(b, s, std::string_view(&p, 1), p);
  }
  if (HasEllipsis(text)) AddPunctUnit(b, s, "...", '.');
}

void ExtractEnglish(Builder& b, std::string_view text, SentenceFeatures* s) {
  for (char c : text)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ++s->length;
  // Walk the original text to know which words were capitalized.
  size_t pos = 0;
  int64_t pending_tens = -1;
  while (pos < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      ++pos;
      if (c != '-') pending_tens = -1;
      continue;
    }
    size_t start = pos;
    std::string lower;
    while (pos < text.size()) {
      unsigned char d = static_cast<unsigned char>(text[pos]);
      if ((d >= 'a' && d <= 'z') || (d >= '0' && d <= '9'))
        lower.push_back(static_cast<char>(d));
      else if (d >= 'A' && d <= 'Z')
        lower.push_back(static_cast<char>(d - 'A' + 'a'));
      else if (d == '\'' && pos + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[pos + 1])))
        lower.push_back('\'');
      else
        break;
      ++pos;
    }
    bool capitalized = text[start] >= 'A' && text[start] <= 'Z';
    std::string bare = lower.ends_with("'s") ? lower.substr(0, lower.size() - 2) : lower;
    int64_t value;
    bool is_digits = std::all_of(bare.begin(), bare.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    // Ordinals ("14th") and heading numerals ("II.", and "I." opening a sentence) are numbers too.
    std::string_view original = text.substr(start, pos - start);
    bool roman = ParseRomanNumeral(original, &value) &&
                 (original.size() > 1 ||
                  (start == text.find_first_not_of(" \t") && pos < text.size() && text[pos] == '.'));
    if (roman || ParseEnglishOrdinal(bare, &value)) {
      b.BeginUnit(s, b.WordId(bare));
      b.AddKey(s, MakeKey(kNumber, static_cast<uint64_t>(value)));
      b.EndUnit(s);
      pending_tens = -1;
      continue;
    }
    if (is_digits) {
      b.BeginUnit(s, b.WordId(bare));
      b.AddKey(s, MakeKey(kNumber, std::strtoull(bare.c_str(), nullptr, 10)));
      b.EndUnit(s);
      pending_tens = -1;
      continue;
    }
    bool number_word = ParseEnglishNumberWord(bare, &value);
    if (IsEnglishStopword(bare) && !number_word) {
      pending_tens = -1;
      continue;
    }
    std::string stem = StemEnglishWord(bare);
    b.BeginUnit(s, b.WordId(stem));
    b.AddKey(s, b.StemKey(stem));
    // "saw" also means "see", which a gloss "to see" gives.
    for (int id : b.lexicon().IrregularBaseStems(bare))
      b.AddKey(s, MakeKey(kStem, static_cast<uint64_t>(id)));
    if (capitalized) {
      std::string name;
      for (char ch : bare)
        if (ch != '\'') name.push_back(ch);
      b.AddKey(s, MakeKey(kName, HashString(name)));
    }
    if (number_word) {
      // "twenty-eight" -> 28
      if (pending_tens >= 20 && value < 10) value += pending_tens;
      b.AddKey(s, MakeKey(kNumber, static_cast<uint64_t>(value)));
      pending_tens = (value >= 20 && value < 100 && value % 10 == 0) ? value : -1;
    } else {
      pending_tens = -1;
    }
    b.EndUnit(s);
  }
  // Quoted speech: straight or curly double quotes, or a single quote opening the sentence (British style).
  const size_t lead = text.find_first_not_of(" \t");
  const bool quoted = text.find('"') != std::string_view::npos ||
                      text.find("\u201C") != std::string_view::npos ||
                      text.find("\u201D") != std::string_view::npos ||
                      (lead != std::string_view::npos &&
                       (text.substr(lead).starts_with("'") || text.substr(lead).starts_with("\u2018")));
  for (char p : {'?', '!', '"'}) {
    if (p == '"' ? quoted : text.find(p) != std::string_view::npos)
      AddPunctUnit(b, s, std::string_view(&p, 1), p);
  }
  if (HasEllipsis(text)) AddPunctUnit(b, s, "...", '.');
}

// idf weights per side; a word in every sentence still weighs a little.
void Weigh(std::vector<SentenceFeatures>* side) {
  // Word ids are dense: count sentences per word with a stamp per sentence.
  int max_id = 0;
  for (const auto& s : *side)
    for (const auto& u : s.units) max_id = std::max(max_id, u.word_id);
  std::vector<int> df(static_cast<size_t>(max_id) + 1, 0), last(static_cast<size_t>(max_id) + 1, -1);
  for (size_t k = 0; k < side->size(); ++k) {
    for (const auto& u : (*side)[k].units) {
      if (last[static_cast<size_t>(u.word_id)] == static_cast<int>(k)) continue;
      last[static_cast<size_t>(u.word_id)] = static_cast<int>(k);
      ++df[static_cast<size_t>(u.word_id)];
    }
  }
  const double n = static_cast<double>(side->size());
  for (auto& s : *side) {
    s.total_weight = 0;
    for (auto& u : s.units) {
      u.weight =
          static_cast<float>(std::max(0.1, std::log((n + 1.0) / (df[static_cast<size_t>(u.word_id)] + 0.5))));
      s.total_weight += u.weight;
    }
  }
}

// One chunk of one side: its sentences' features with the ids of the chunk's own builder.
struct FeatureChunk {
  bool zh = false;
  size_t begin = 0, end = 0;
  std::unique_ptr<Builder> builder;
};

// The shared ids of each chunk's builder-local key and word ids: dense keys in the order
// chunks first meet them, words per side likewise.
struct ChunkIdMaps {
  std::vector<int> keys, words;
};

void MapKeys(const std::vector<FeatureChunk>& chunks, std::vector<ChunkIdMaps>* maps, int* key_count) {
  KeyIds dense;
  for (size_t c = 0; c < chunks.size(); ++c) {
    std::vector<int>& key_map = (*maps)[c].keys;
    key_map.reserve(chunks[c].builder->raw_keys().size());
    for (uint64_t raw : chunks[c].builder->raw_keys()) key_map.push_back(dense.IdOf(raw));
  }
  *key_count = static_cast<int>(dense.size());
}

void MapWords(const std::vector<FeatureChunk>& chunks, std::vector<ChunkIdMaps>* maps) {
  StringMap<int> zh_words, en_words;
  for (size_t c = 0; c < chunks.size(); ++c) {
    StringMap<int>& words = chunks[c].zh ? zh_words : en_words;
    std::vector<int>& word_map = (*maps)[c].words;
    word_map.reserve(chunks[c].builder->word_names().size());
    for (const std::string* w : chunks[c].builder->word_names())
      word_map.push_back(words.try_emplace(*w, static_cast<int>(words.size())).first->second);
  }
}

// Rewrites a chunk's sentences to the shared ids and sets their key sets, each key in the
// order first met (a stamp per key, `seen` sized to the key count: sorting them was a sixth of
// a Chinese chunk's time, and nothing needs them sorted).
void RewriteChunk(const ChunkIdMaps& maps, std::vector<SentenceFeatures>::iterator first,
                  std::vector<SentenceFeatures>::iterator last, std::vector<uint32_t>* seen, uint32_t* tick) {
  for (auto s = first; s != last; ++s) {
    for (int& k : s->keys) k = maps.keys[static_cast<size_t>(k)];
    for (FeatureUnit& u : s->units) u.word_id = maps.words[static_cast<size_t>(u.word_id)];
    const uint32_t stamp = ++*tick;
    s->key_set.clear();
    for (int k : s->keys) {
      if ((*seen)[static_cast<size_t>(k)] == stamp) continue;
      (*seen)[static_cast<size_t>(k)] = stamp;
      s->key_set.push_back(k);
    }
  }
}

}  // namespace

void FeatureExtractor::Extract(const std::vector<std::string>& zh, const std::vector<int>& zh_paragraphs,
                               const std::vector<std::string>& en, const std::vector<int>& en_paragraphs,
                               DocumentPairFeatures* out, int threads, int chunk_sentences) const {
  out->zh.assign(zh.size(), SentenceFeatures());
  out->en.assign(en.size(), SentenceFeatures());
  // Matching sees the normalized form (Traditional -> Simplified, full width ->
  // half width), so a Taiwan or Hong Kong original aligns like a mainland one.
  // OpenCC is the costly step: when a sample of the text has nothing
  // Traditional, skip it (CEDICT's Traditional headwords still match).
  const MatchNormalizer& normalizer = MatchNormalizer::Shared();
  bool traditional = false;
  for (size_t i = 0; i < zh.size() && i < kScriptSample && !traditional; ++i) {
    traditional = normalizer.ToSimplified(zh[i]) != zh[i];
  }
  // Both sides, in chunks, on `threads` threads; each chunk has its own builder, and the
  // chunks are merged in order afterwards. Ids then depend on the chunking, but only
  // number keys and words: the alignment does not (aligner_test checks it).
  threads = std::max(threads, 1);
  std::vector<FeatureChunk> chunks;
  for (bool is_zh : {true, false}) {
    const size_t n = is_zh ? zh.size() : en.size();
    // One chunk a thread and side (each chunk has its own caches), never under chunk_sentences.
    const size_t chunk = std::max(static_cast<size_t>(std::max(chunk_sentences, 1)),
                                  (n + static_cast<size_t>(threads) - 1) / static_cast<size_t>(threads));
    for (size_t b = 0; b < n; b += chunk)
      chunks.push_back(FeatureChunk{is_zh, b, std::min(n, b + chunk), nullptr});
  }
  auto extract = [&](FeatureChunk& c) {
    c.builder = std::make_unique<Builder>(lexicon_);
    for (size_t i = c.begin; i < c.end; ++i) {
      if (c.zh) {
        std::string normalized =
            traditional ? normalizer.Normalize(zh[i]) : normalizer.FoldWidthAndCase(zh[i]);
        ExtractChinese(*c.builder, normalized, &out->zh[i]);
        out->zh[i].paragraph = zh_paragraphs.empty() ? static_cast<int>(i) : zh_paragraphs[i];
      } else {
        ExtractEnglish(*c.builder, en[i], &out->en[i]);
        out->en[i].paragraph = en_paragraphs.empty() ? static_cast<int>(i) : en_paragraphs[i];
      }
    }
  };
  // Largest work first: a Chinese chunk costs several English ones (segmentation, pinyin).
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t c; (c = next.fetch_add(1)) < chunks.size();) extract(chunks[c]);
  };
  threads = std::clamp(threads, 1, static_cast<int>(chunks.size()));
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& w : workers) w.join();

  // Merging: the key and the word maps are built at once (each in chunk order), then the
  // chunks are rewritten on the threads.
  std::vector<ChunkIdMaps> maps(chunks.size());
  if (threads > 1) {
    std::thread word_mapper([&] { MapWords(chunks, &maps); });
    MapKeys(chunks, &maps, &out->key_count);
    word_mapper.join();
  } else {
    MapWords(chunks, &maps);
    MapKeys(chunks, &maps, &out->key_count);
  }
  next = 0;
  auto rewrite = [&] {
    std::vector<uint32_t> seen(static_cast<size_t>(out->key_count), 0);
    uint32_t tick = 0;
    for (size_t c; (c = next.fetch_add(1)) < chunks.size();) {
      auto& side = chunks[c].zh ? out->zh : out->en;
      RewriteChunk(maps[c], side.begin() + static_cast<long>(chunks[c].begin),
                   side.begin() + static_cast<long>(chunks[c].end), &seen, &tick);
      chunks[c].builder.reset();
    }
  };
  workers.clear();
  for (int t = 1; t < threads; ++t) workers.emplace_back(rewrite);
  rewrite();
  for (std::thread& w : workers) w.join();
  if (threads > 1) {  // the two sides' weights are independent
    std::thread zh_weigher([out] { Weigh(&out->zh); });
    Weigh(&out->en);
    zh_weigher.join();
  } else {
    Weigh(&out->zh);
    Weigh(&out->en);
  }
  double zh_chars = 0, en_chars = 0;
  for (auto& s : out->zh) zh_chars += s.length;
  for (auto& s : out->en) en_chars += s.length;
  out->en_per_zh_chars = zh_chars > 0 && en_chars > 0 ? en_chars / zh_chars : 3.0;
}

int WordIdCount(const std::vector<SentenceFeatures>& side) {
  int n = 0;
  for (const SentenceFeatures& s : side)
    for (const FeatureUnit& u : s.units) n = std::max(n, u.word_id + 1);
  return n;
}

}  // namespace tmalign
