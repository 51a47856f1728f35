#include "dict/lexicon_image.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>

#include "dict/lexicon_hash.h"
#include "dict/word_prefix_limits.h"

namespace tmalign {
namespace {

constexpr uint32_t kFormatVersion = LexiconImage::kFormatVersion;
constexpr char kMagic[8] = {'T', 'M', 'L', 'E', 'X', 'I', 'M', 'G'};
constexpr uint32_t kByteOrderMark = 0x01020304;

enum SectionId {
  kFrequencyPath,
  kWordSlots,
  kWordRecords,
  kWordBlob,
  kTranslations,
  kStemSlots,
  kStemRecords,
  kStemBlob,
  kReadingRecords,
  kSyllableRecords,
  kSyllableBlob,
  kPrefixLimits,  // word_prefix_limits.h: kWordPrefixBuckets bytes
  kWordNetDir,
  kIrregularSlots,
  kIrregularRecords,  // WordRecords: the form, its base stems in kIrregularStems
  kIrregularBlob,
  kIrregularStems,
  kSectionCount
};

struct Section {
  uint64_t offset;
  uint64_t size;
};

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t byte_order;
  uint64_t file_size;
  uint64_t checksum;  // of the whole file with this field zero
  uint64_t cedict_size;
  int64_t cedict_mtime_ns;
  uint64_t frequency_size;
  int64_t frequency_mtime_ns;
  uint64_t wordnet_size;
  int64_t wordnet_mtime_ns;
  uint32_t irregular_count;
  uint32_t irregular_slot_count;
  uint32_t word_count;
  uint32_t stem_count;
  uint32_t reading_count;
  uint32_t max_word_bytes;
  uint32_t word_slot_count;  // power of two, > word_count: probing always ends
  uint32_t stem_slot_count;
  Section sections[kSectionCount];
};

// Open-addressing slot: upper hash bits (cheap reject) and record index + 1 (0 = empty).
struct Slot {
  uint32_t tag;
  uint32_t index_plus1;
};
struct WordRecord {
  uint32_t text_offset;
  uint32_t translation_begin;  // the translations, then the synonyms
  uint16_t text_size;
  uint8_t translation_count;
  uint8_t synonym_count;
  float log_prob;
};
struct StringRecord {
  uint32_t offset;
  uint32_t size;
};
struct ReadingRecord {
  uint32_t c;
  uint32_t syllable_begin;
  uint32_t syllable_count;
};

static_assert(sizeof(Header) % 8 == 0 && sizeof(Slot) == 8 && sizeof(WordRecord) == 16 &&
              sizeof(StringRecord) == 8 && sizeof(ReadingRecord) == 12);

// Four independent multiply lanes: fast enough to verify ~20 MB on every load.
uint64_t Checksum(const unsigned char* p, size_t n, uint64_t seed) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t lane[4] = {seed ^ n, seed + kMul, seed ^ 0x243F6A8885A308D3ULL, seed - kMul};
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, p + i + 8 * k, 8);
      lane[k] = (lane[k] ^ w) * kMul;
      lane[k] ^= lane[k] >> 29;
    }
  }
  uint64_t h = lane[0] ^ (lane[1] * 3) ^ (lane[2] * 5) ^ (lane[3] * 7);
  for (; i < n; ++i) h = (h ^ p[i]) * kMul;
  h ^= h >> 31;
  return h;
}

uint64_t FileChecksum(const unsigned char* data, size_t size) {
  Header h;
  std::memcpy(&h, data, sizeof(Header));
  h.checksum = 0;
  uint64_t head = Checksum(reinterpret_cast<const unsigned char*>(&h), sizeof(Header), 1);
  return Checksum(data + sizeof(Header), size - sizeof(Header), head);
}

uint32_t SlotCountFor(size_t n) {
  uint32_t slots = 16;
  while (slots < n + n / 2 + 1) slots *= 2;  // load factor <= 2/3
  return slots;
}

// Appends sections to a growing buffer, 8-byte aligned.
class Writer {
 public:
  explicit Writer(size_t capacity) : buf_(sizeof(Header), '\0') { buf_.reserve(capacity); }
  template <typename T>
  void Add(SectionId id, const std::vector<T>& v) {
    AddBytes(id, std::string_view(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)));
  }
  void AddBytes(SectionId id, std::string_view bytes) {
    buf_.resize((buf_.size() + 7) & ~size_t{7}, '\0');
    header_.sections[id] = Section{buf_.size(), bytes.size()};
    buf_.append(bytes);
  }
  Header& header() { return header_; }
  std::string Finish() {
    buf_.resize((buf_.size() + 7) & ~size_t{7}, '\0');
    header_.file_size = buf_.size();
    header_.checksum = 0;
    std::memcpy(buf_.data(), &header_, sizeof(Header));
    header_.checksum = FileChecksum(reinterpret_cast<const unsigned char*>(buf_.data()), buf_.size());
    std::memcpy(buf_.data(), &header_, sizeof(Header));
    return std::move(buf_);
  }

 private:
  std::string buf_;
  Header header_{};
};

// Builds a hash table over `count` keys given by key(i).
template <typename KeyFn>
std::vector<Slot> BuildSlots(size_t count, uint32_t slot_count, KeyFn key) {
  std::vector<Slot> slots(slot_count, Slot{0, 0});
  const uint64_t mask = slot_count - 1;
  for (size_t i = 0; i < count; ++i) {
    uint64_t h = LexiconHash(key(i));
    for (uint64_t s = h & mask;; s = (s + 1) & mask) {
      if (slots[s].index_plus1 == 0) {
        slots[s] = Slot{static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(i + 1)};
        break;
      }
    }
  }
  return slots;
}

int64_t MtimeNs(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

}  // namespace

Status StatLexiconSources(const std::string& cedict_path, const std::string& frequency_path,
                          const std::string& wordnet_dir, LexiconSourceKey* out) {
  struct stat st;
  if (::stat(cedict_path.c_str(), &st) != 0) return Status::IoError(cedict_path + ": cannot stat");
  *out = LexiconSourceKey{};
  out->cedict_size = static_cast<uint64_t>(st.st_size);
  out->cedict_mtime_ns = MtimeNs(st);
  if (!frequency_path.empty()) {
    if (::stat(frequency_path.c_str(), &st) != 0) return Status::IoError(frequency_path + ": cannot stat");
    out->frequency_size = static_cast<uint64_t>(st.st_size);
    out->frequency_mtime_ns = MtimeNs(st);
    out->frequency_path = frequency_path;
  }
  if (!wordnet_dir.empty()) {
    for (const char* name : {"index.noun", "index.verb", "index.adj", "index.adv", "data.noun", "data.verb",
                             "data.adj", "data.adv", "noun.exc", "verb.exc", "adj.exc", "adv.exc"}) {
      const std::string path = wordnet_dir + "/" + name;
      if (::stat(path.c_str(), &st) != 0) return Status::IoError(path + ": cannot stat");
      out->wordnet_size += static_cast<uint64_t>(st.st_size);
      out->wordnet_mtime_ns = std::max(out->wordnet_mtime_ns, MtimeNs(st));
    }
    out->wordnet_dir = wordnet_dir;
  }
  return Status::Ok();
}

std::string EncodeLexiconImage(const LexiconSourceKey& key, const LexiconImageContents& contents) {
  // Field widths: a headword or blob too large for them is not cacheable.
  size_t word_bytes = 0, translation_count = 0, stem_bytes = 0;
  for (const auto& word : contents.words) {
    if (word.text.size() > 0xFFFF || word.translations.size() > 0xFF || word.synonyms.size() > 0xFF)
      return std::string();
    word_bytes += word.text.size();
    translation_count += word.translations.size() + word.synonyms.size();
  }
  size_t irregular_bytes = 0, irregular_stems = 0;
  for (const auto& irregular : contents.irregular) {
    if (irregular.form.size() > 0xFFFF || irregular.stems.size() > 0xFF) return std::string();
    irregular_bytes += irregular.form.size();
    irregular_stems += irregular.stems.size();
  }
  for (const std::string& s : contents.stems) stem_bytes += s.size();
  if (word_bytes + translation_count + stem_bytes > 0xFFFFFFFFu / 2) return std::string();
  const size_t words_n = contents.words.size(), stems_n = contents.stems.size();
  // Reserve the whole image up front: growing a ~20 MB buffer costs copies.
  Writer w(
      sizeof(Header) + 16 * kSectionCount + key.frequency_path.size() + SlotCountFor(words_n) * sizeof(Slot) +
      words_n * sizeof(WordRecord) + word_bytes + translation_count * sizeof(int32_t) +
      SlotCountFor(stems_n) * sizeof(Slot) + stems_n * sizeof(StringRecord) + stem_bytes +
      contents.readings.size() *
          (sizeof(ReadingRecord) + LexiconImage::kMaxReadings * (sizeof(StringRecord) + 8)) +
      kWordPrefixBuckets + key.wordnet_dir.size() + SlotCountFor(contents.irregular.size()) * sizeof(Slot) +
      contents.irregular.size() * sizeof(WordRecord) + irregular_bytes + irregular_stems * sizeof(int32_t) +
      64);
  Header& h = w.header();
  std::memcpy(h.magic, kMagic, sizeof(kMagic));
  h.version = kFormatVersion;
  h.byte_order = kByteOrderMark;
  h.cedict_size = key.cedict_size;
  h.cedict_mtime_ns = key.cedict_mtime_ns;
  h.frequency_size = key.frequency_size;
  h.frequency_mtime_ns = key.frequency_mtime_ns;
  h.wordnet_size = key.wordnet_size;
  h.wordnet_mtime_ns = key.wordnet_mtime_ns;
  h.irregular_count = static_cast<uint32_t>(contents.irregular.size());
  h.irregular_slot_count = SlotCountFor(contents.irregular.size());
  h.word_count = static_cast<uint32_t>(contents.words.size());
  h.stem_count = static_cast<uint32_t>(contents.stems.size());
  h.reading_count = static_cast<uint32_t>(contents.readings.size());
  h.max_word_bytes = static_cast<uint32_t>(contents.max_word_bytes);
  h.word_slot_count = SlotCountFor(contents.words.size());
  h.stem_slot_count = SlotCountFor(contents.stems.size());

  w.AddBytes(kFrequencyPath, key.frequency_path);

  std::vector<WordRecord> words;
  std::string word_blob;
  std::vector<int32_t> translations;
  words.reserve(words_n);
  word_blob.reserve(word_bytes);
  translations.reserve(translation_count);
  for (const auto& word : contents.words) {
    words.push_back(
        WordRecord{static_cast<uint32_t>(word_blob.size()), static_cast<uint32_t>(translations.size()),
                   static_cast<uint16_t>(word.text.size()), static_cast<uint8_t>(word.translations.size()),
                   static_cast<uint8_t>(word.synonyms.size()), word.log_prob});
    word_blob.append(word.text);
    translations.insert(translations.end(), word.translations.begin(), word.translations.end());
    translations.insert(translations.end(), word.synonyms.begin(), word.synonyms.end());
  }
  w.Add(kWordSlots, BuildSlots(contents.words.size(), h.word_slot_count,
                               [&](size_t i) { return contents.words[i].text; }));
  w.Add(kWordRecords, words);
  w.AddBytes(kWordBlob, word_blob);
  w.Add(kTranslations, translations);

  std::vector<StringRecord> stems;
  std::string stem_blob;
  stems.reserve(stems_n);
  stem_blob.reserve(stem_bytes);
  for (const std::string& s : contents.stems) {
    stems.push_back(StringRecord{static_cast<uint32_t>(stem_blob.size()), static_cast<uint32_t>(s.size())});
    stem_blob.append(s);
  }
  w.Add(kStemSlots, BuildSlots(contents.stems.size(), h.stem_slot_count,
                               [&](size_t i) { return std::string_view(contents.stems[i]); }));
  w.Add(kStemRecords, stems);
  w.AddBytes(kStemBlob, stem_blob);

  std::vector<LexiconImageContents::CharReadings> sorted = contents.readings;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.c < b.c; });
  std::vector<ReadingRecord> readings;
  std::vector<StringRecord> syllables;
  std::string syllable_blob;
  for (const auto& r : sorted) {
    size_t n = std::min(r.syllables.size(), LexiconImage::kMaxReadings);
    readings.push_back(ReadingRecord{static_cast<uint32_t>(r.c), static_cast<uint32_t>(syllables.size()),
                                     static_cast<uint32_t>(n)});
    for (size_t i = 0; i < n; ++i) {
      syllables.push_back(StringRecord{static_cast<uint32_t>(syllable_blob.size()),
                                       static_cast<uint32_t>(r.syllables[i].size())});
      syllable_blob.append(r.syllables[i]);
    }
  }
  w.Add(kReadingRecords, readings);
  w.Add(kSyllableRecords, syllables);
  w.AddBytes(kSyllableBlob, syllable_blob);

  std::string prefix_limits(kWordPrefixBuckets, '\0');
  for (const auto& word : contents.words)
    AddWordPrefix(word.text, reinterpret_cast<uint8_t*>(prefix_limits.data()));
  w.AddBytes(kPrefixLimits, prefix_limits);

  w.AddBytes(kWordNetDir, key.wordnet_dir);
  std::vector<WordRecord> irregular;
  std::string irregular_blob;
  std::vector<int32_t> irregular_stem_ids;
  for (const auto& entry : contents.irregular) {
    irregular.push_back(WordRecord{
        static_cast<uint32_t>(irregular_blob.size()), static_cast<uint32_t>(irregular_stem_ids.size()),
        static_cast<uint16_t>(entry.form.size()), static_cast<uint8_t>(entry.stems.size()), 0, 0});
    irregular_blob.append(entry.form);
    irregular_stem_ids.insert(irregular_stem_ids.end(), entry.stems.begin(), entry.stems.end());
  }
  w.Add(kIrregularSlots, BuildSlots(contents.irregular.size(), h.irregular_slot_count,
                                    [&](size_t i) { return contents.irregular[i].form; }));
  w.Add(kIrregularRecords, irregular);
  w.AddBytes(kIrregularBlob, irregular_blob);
  w.Add(kIrregularStems, irregular_stem_ids);
  return w.Finish();
}

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  std::random_device rd;
  std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(rd());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError(tmp + ": cannot create: " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::string err = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return Status::IoError(tmp + ": write failed at byte offset " + std::to_string(done) + ": " + err);
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string err = std::strerror(errno);
    ::unlink(tmp.c_str());
    return Status::IoError(path + ": cannot replace: " + err);
  }
  return Status::Ok();
}

Status LexiconImage::Open(const std::string& path, const LexiconSourceKey& key,
                          std::unique_ptr<LexiconImage>* out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(path + ": no lexicon cache");
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Header))) {
    ::close(fd);
    return Status::InvalidInput(path + ": truncated lexicon cache");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  // Populate: the checksum reads every page anyway, and prefaulting is cheaper.
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Status::IoError(path + ": cannot map the lexicon cache");
  std::unique_ptr<LexiconImage> image(new LexiconImage());
  image->data_ = static_cast<const unsigned char*>(map);
  image->size_ = size;

  Header h;
  std::memcpy(&h, image->data_, sizeof(Header));
  auto bad = [&](const char* why) { return Status::InvalidInput(path + ": " + why); };
  if (std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) return bad("not a lexicon cache");
  if (h.version != kFormatVersion || h.byte_order != kByteOrderMark) return bad("other cache format version");
  if (h.file_size != size) return bad("truncated lexicon cache");
  for (const Section& s : h.sections) {
    if (s.offset % 8 != 0 || s.offset < sizeof(Header) || s.offset > size || s.size > size - s.offset) {
      return bad("corrupt lexicon cache (section out of bounds)");
    }
  }
  const Section& fp = h.sections[kFrequencyPath];
  std::string_view frequency_path(reinterpret_cast<const char*>(image->data_ + fp.offset), fp.size);
  const Section& wd = h.sections[kWordNetDir];
  std::string_view wordnet_dir(reinterpret_cast<const char*>(image->data_ + wd.offset), wd.size);
  if (h.cedict_size != key.cedict_size || h.cedict_mtime_ns != key.cedict_mtime_ns ||
      h.frequency_size != key.frequency_size || h.frequency_mtime_ns != key.frequency_mtime_ns ||
      frequency_path != key.frequency_path || h.wordnet_size != key.wordnet_size ||
      h.wordnet_mtime_ns != key.wordnet_mtime_ns || wordnet_dir != key.wordnet_dir) {
    return bad("stale lexicon cache");
  }
  auto count_ok = [&](SectionId id, uint64_t count, size_t record) {
    return h.sections[id].size == count * record;
  };
  auto table_ok = [](uint32_t slots, uint32_t count) {
    return slots != 0 && (slots & (slots - 1)) == 0 && slots > count;
  };
  if (!table_ok(h.word_slot_count, h.word_count) || !table_ok(h.stem_slot_count, h.stem_count) ||
      !table_ok(h.irregular_slot_count, h.irregular_count) ||
      !count_ok(kIrregularSlots, h.irregular_slot_count, sizeof(Slot)) ||
      !count_ok(kIrregularRecords, h.irregular_count, sizeof(WordRecord)) ||
      h.sections[kIrregularStems].size % sizeof(int32_t) != 0 ||
      !count_ok(kWordSlots, h.word_slot_count, sizeof(Slot)) ||
      !count_ok(kWordRecords, h.word_count, sizeof(WordRecord)) ||
      !count_ok(kStemSlots, h.stem_slot_count, sizeof(Slot)) ||
      !count_ok(kStemRecords, h.stem_count, sizeof(StringRecord)) ||
      !count_ok(kReadingRecords, h.reading_count, sizeof(ReadingRecord)) ||
      h.sections[kPrefixLimits].size != kWordPrefixBuckets ||
      h.sections[kTranslations].size % sizeof(int32_t) != 0 ||
      h.sections[kSyllableRecords].size % sizeof(StringRecord) != 0) {
    return bad("corrupt lexicon cache (inconsistent counts)");
  }
  // Record contents (offsets into blobs) are trusted once the checksum matches.
  if (FileChecksum(image->data_, size) != h.checksum) return bad("corrupt lexicon cache (checksum mismatch)");
  *out = std::move(image);
  return Status::Ok();
}

LexiconImage::~LexiconImage() {
  if (data_) ::munmap(const_cast<unsigned char*>(data_), size_);
}

namespace {

const Header& HeaderOf(const unsigned char* data) { return *reinterpret_cast<const Header*>(data); }

template <typename T>
const T* SectionOf(const unsigned char* data, SectionId id) {
  return reinterpret_cast<const T*>(data + HeaderOf(data).sections[id].offset);
}

// Index of the record whose key equals `text`, or -1; key(i) gives record i's text.
template <typename KeyFn>
int64_t Probe(const Slot* slots, uint32_t slot_count, std::string_view text, KeyFn key) {
  const uint64_t h = LexiconHash(text);
  const uint64_t mask = slot_count - 1;
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  for (uint64_t s = h & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots[s];
    if (slot.index_plus1 == 0) return -1;
    if (slot.tag == tag && key(slot.index_plus1 - 1) == text) return slot.index_plus1 - 1;
  }
}

}  // namespace

bool LexiconImage::FindWord(std::string_view text, std::span<const int>* translations,
                            std::span<const int>* synonyms, float* log_prob) const {
  const Header& h = HeaderOf(data_);
  const WordRecord* records = SectionOf<WordRecord>(data_, kWordRecords);
  const char* blob = SectionOf<char>(data_, kWordBlob);
  int64_t i = Probe(SectionOf<Slot>(data_, kWordSlots), h.word_slot_count, text, [&](uint32_t r) {
    return std::string_view(blob + records[r].text_offset, records[r].text_size);
  });
  if (i < 0) return false;
  const WordRecord& rec = records[i];
  static_assert(sizeof(int) == sizeof(int32_t));
  const int* ids = SectionOf<int>(data_, kTranslations) + rec.translation_begin;
  *translations = std::span<const int>(ids, rec.translation_count);
  *synonyms = std::span<const int>(ids + rec.translation_count, rec.synonym_count);
  *log_prob = rec.log_prob;
  return true;
}

std::span<const int> LexiconImage::FindIrregular(std::string_view form) const {
  const Header& h = HeaderOf(data_);
  if (h.irregular_count == 0) return {};
  const WordRecord* records = SectionOf<WordRecord>(data_, kIrregularRecords);
  const char* blob = SectionOf<char>(data_, kIrregularBlob);
  int64_t i = Probe(SectionOf<Slot>(data_, kIrregularSlots), h.irregular_slot_count, form, [&](uint32_t r) {
    return std::string_view(blob + records[r].text_offset, records[r].text_size);
  });
  if (i < 0) return {};
  return std::span<const int>(SectionOf<int>(data_, kIrregularStems) + records[i].translation_begin,
                              records[i].translation_count);
}

void LexiconImage::PrefetchWord(std::string_view text) const {
  const Header& h = HeaderOf(data_);
  const Slot* slots = SectionOf<Slot>(data_, kWordSlots);
  __builtin_prefetch(&slots[LexiconHash(text) & (h.word_slot_count - 1)]);
}

int LexiconImage::FindStem(std::string_view stem) const {
  const Header& h = HeaderOf(data_);
  const StringRecord* records = SectionOf<StringRecord>(data_, kStemRecords);
  const char* blob = SectionOf<char>(data_, kStemBlob);
  return static_cast<int>(Probe(SectionOf<Slot>(data_, kStemSlots), h.stem_slot_count, stem, [&](uint32_t r) {
    return std::string_view(blob + records[r].offset, records[r].size);
  }));
}

std::string_view LexiconImage::StemText(int id) const {
  const StringRecord& r = SectionOf<StringRecord>(data_, kStemRecords)[id];
  return std::string_view(SectionOf<char>(data_, kStemBlob) + r.offset, r.size);
}

const uint8_t* LexiconImage::prefix_limits() const { return SectionOf<uint8_t>(data_, kPrefixLimits); }

size_t LexiconImage::Readings(char32_t c, std::string_view* out) const {
  const ReadingRecord* begin = SectionOf<ReadingRecord>(data_, kReadingRecords);
  const ReadingRecord* end = begin + HeaderOf(data_).reading_count;
  const ReadingRecord* it = std::lower_bound(begin, end, static_cast<uint32_t>(c),
                                             [](const ReadingRecord& r, uint32_t v) { return r.c < v; });
  if (it == end || it->c != static_cast<uint32_t>(c)) return 0;
  const StringRecord* syllables = SectionOf<StringRecord>(data_, kSyllableRecords) + it->syllable_begin;
  const char* blob = SectionOf<char>(data_, kSyllableBlob);
  size_t n = std::min<size_t>(it->syllable_count, kMaxReadings);
  for (size_t i = 0; i < n; ++i) out[i] = std::string_view(blob + syllables[i].offset, syllables[i].size);
  return n;
}

int LexiconImage::stem_count() const { return static_cast<int>(HeaderOf(data_).stem_count); }
size_t LexiconImage::word_count() const { return HeaderOf(data_).word_count; }
int LexiconImage::max_word_bytes() const { return static_cast<int>(HeaderOf(data_).max_word_bytes); }

}  // namespace tmalign
