// LexiconImage: a BilingualLexicon compiled into one flat, position-independent
// buffer (open-addressing hash tables over string blobs), saved as a cache file
// and used in place through mmap, so a warm load parses and allocates nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace tmalign {

// The text sources an image was compiled from; any difference makes it stale.
struct LexiconSourceKey {
  uint64_t cedict_size = 0;
  int64_t cedict_mtime_ns = 0;
  uint64_t frequency_size = 0;
  int64_t frequency_mtime_ns = 0;
  std::string frequency_path;    // empty: built without a frequency list
  uint64_t wordnet_size = 0;     // WordNet's files' sizes summed
  int64_t wordnet_mtime_ns = 0;  // the latest of their mtimes
  std::string wordnet_dir;       // empty: built without WordNet

  bool operator==(const LexiconSourceKey&) const = default;
};

// Sizes and mtimes of the sources (`frequency_path`, `wordnet_dir` may be empty: not
// used); IoError when one cannot be stat'ed.
Status StatLexiconSources(const std::string& cedict_path, const std::string& frequency_path,
                          const std::string& wordnet_dir, LexiconSourceKey* out);

// What an image holds, as views into the builder's containers.
struct LexiconImageContents {
  struct Word {
    std::string_view text;
    std::span<const int> translations;  // at most 255
    std::span<const int> synonyms;      // at most 255
    float log_prob = 0;
  };
  // An irregular English form and the stems of its base forms.
  struct Irregular {
    std::string_view form;
    std::span<const int> stems;
  };
  struct CharReadings {
    char32_t c = 0;
    std::span<const std::string> syllables;
  };
  std::vector<Word> words;
  std::span<const std::string> stems;  // index = stem id
  std::vector<CharReadings> readings;
  std::vector<Irregular> irregular;
  int max_word_bytes = 0;
};

// Serializes `contents` into the image format, stamped with `key`; empty if
// the contents exceed the format's field widths (then there is no cache).
std::string EncodeLexiconImage(const LexiconSourceKey& key, const LexiconImageContents& contents);

// Writes `bytes` to a temp file beside `path`, then renames it over `path`.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

class LexiconImage {
 public:
  // Bump whenever the layout or the way the builder derives its contents changes: an old
  // cache must never be read by a new binary. The cache file's name carries it, so binaries
  // of two versions sharing a dictionary folder do not rebuild each other's cache.
  // 2: word prefix limits. 3: WordNet's synonyms and irregular forms.
  static constexpr uint32_t kFormatVersion = 3;
  // Most readings kept per character (the builder caps lists at this size).
  static constexpr size_t kMaxReadings = 6;

  // Maps `path`. NotFound if absent; InvalidInput if truncated, corrupt, of
  // another format version, or compiled from sources other than `key`.
  static Status Open(const std::string& path, const LexiconSourceKey& key,
                     std::unique_ptr<LexiconImage>* out);
  ~LexiconImage();
  LexiconImage(const LexiconImage&) = delete;
  LexiconImage& operator=(const LexiconImage&) = delete;

  // False when `text` is not a headword.
  bool FindWord(std::string_view text, std::span<const int>* translations, std::span<const int>* synonyms,
                float* log_prob) const;
  // The base form stems of an irregular English form; empty when there are none.
  std::span<const int> FindIrregular(std::string_view form) const;
  // Starts loading the memory FindWord(text) reads first, so that several lookups can wait
  // for memory at once; changes nothing.
  void PrefetchWord(std::string_view text) const;
  // -1 when unknown.
  int FindStem(std::string_view stem) const;
  std::string_view StemText(int id) const;
  // Writes up to kMaxReadings syllables of `c` to `out`; returns how many.
  size_t Readings(char32_t c, std::string_view* out) const;

  // The words' prefix limits (word_prefix_limits.h), kWordPrefixBuckets bytes.
  const uint8_t* prefix_limits() const;

  int stem_count() const;
  size_t word_count() const;
  int max_word_bytes() const;

 private:
  LexiconImage() = default;
  const unsigned char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace tmalign
