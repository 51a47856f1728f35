#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <opencc/DictEntry.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <opencc/SimpleConverter.hpp>
#include <vector>

#include "text/utf8.h"

namespace tmalign {

namespace {

constexpr const char* kT2sConfig = "/usr/share/opencc/t2s.json";
// The dictionaries that t2s.json chains (phrases first, then characters).
constexpr const char* kT2sPhrases = "/usr/share/opencc/TSPhrases.ocd2";
constexpr const char* kT2sCharacters = "/usr/share/opencc/TSCharacters.ocd2";
constexpr UChar32 kInertLimit = 0x30000;  // code points above are always converted

opencc::LexiconPtr LoadLexicon(const char* path) {
  FILE* f = std::fopen(path, "rb");
  if (f == nullptr) return nullptr;
  opencc::LexiconPtr lexicon;
  try {
    lexicon = opencc::MarisaDict::NewFromFile(f)->GetLexicon();
  } catch (const std::exception&) {
  }
  std::fclose(f);
  return lexicon;
}

// Code points that OpenCC's t2s can change: the keys of its character table, and every
// character of a phrase that changes text without holding such a key (沈默 -> 沉默). A line
// with none of them comes out of t2s unchanged, so it skips the converter, which cost a
// quarter of a terminology check of Simplified text. Empty when the tables cannot be read.
std::vector<bool> T2sActiveCodePoints() {
  opencc::LexiconPtr characters = LoadLexicon(kT2sCharacters), phrases = LoadLexicon(kT2sPhrases);
  if (characters == nullptr || phrases == nullptr) return {};
  std::vector<bool> active(kInertLimit, false);
  auto mark = [&](const std::u32string& key) {
    for (char32_t c : key) {
      if (c < kInertLimit) active[c] = true;
    }
  };
  for (const auto& entry : *characters) mark(ToUtf32(entry->Key()));
  for (const auto& entry : *phrases) {
    const std::u32string key = ToUtf32(entry->Key());
    bool has_key = false;
    for (char32_t c : key) has_key |= c >= kInertLimit || active[c];
    if (!has_key && entry->GetDefault() != entry->Key()) mark(key);
  }
  return active;
}

void AppendUtf8(std::string* out, UChar32 c) {
  char buf[4];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  out->append(buf, static_cast<size_t>(len));
}

// Quotes and dashes that translators and editors substitute for each other.
UChar32 UnifyPunctuation(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x00B4:
    case 0x0060:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:  // 「」『』, the quotes of Traditional texts
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return '-';
    case 0x00A0:
    case 0x202F:
    case 0x2007:
      return ' ';
    default:
      return c;
  }
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

}  // namespace

struct MatchNormalizer::Impl {
  const icu::Normalizer2* nfkc = nullptr;
  std::unique_ptr<opencc::SimpleConverter> t2s;
  std::vector<bool> t2s_active;  // T2sActiveCodePoints(); empty: convert every non-ASCII line

  // False when t2s is known to leave `line` unchanged.
  bool MayConvert(std::string_view line) const {
    if (t2s_active.empty()) return true;
    for (size_t i = 0; i < line.size();) {
      if (static_cast<unsigned char>(line[i]) < 0x80) {
        ++i;
        continue;
      }
      const char32_t c = NextCodePoint(line, &i);  // U+FFFD for a bad byte: converted as before
      if (c == 0xFFFD || c >= static_cast<char32_t>(kInertLimit) || t2s_active[c]) return true;
    }
    return false;
  }

  // Per BMP code point: whether FoldInto leaves it as it is (NFKC, case folding and
  // punctuation all identity), learnt on first sight; shared by threads, hence atomic.
  static constexpr uint8_t kUnknown = 0, kInert = 1, kChanged = 2;
  mutable std::unique_ptr<std::atomic<uint8_t>[]> inert { new std::atomic<uint8_t>[ 0x10000 ]() };

  bool IsInert(UChar32 c) const {
    UErrorCode err = U_ZERO_ERROR;
    const icu::UnicodeString piece(c);
    return nfkc->isNormalized(piece, err) && U_SUCCESS(err) && u_foldCase(c, U_FOLD_CASE_DEFAULT) == c &&
           UnifyPunctuation(c) == c;
  }

  // NFKC + case fold + punctuation, one code point at a time so the origin is exact.
  void FoldInto(std::string_view in, std::string* out, std::vector<uint32_t>* origin) const {
    const auto* s = reinterpret_cast<const uint8_t*>(in.data());
    const int32_t n = static_cast<int32_t>(in.size());
    int32_t i = 0;
    icu::UnicodeString piece;
    while (i < n) {
      const int32_t start = i;
      if (s[i] < 0x80) {  // a run of ASCII: NFKC is identity, folding is tolower
        int32_t end = i + 1;
        while (end < n && s[end] < 0x80) ++end;
        const size_t at = out->size(), len = static_cast<size_t>(end - i);
        out->append(in.data() + i, len);
        origin->resize(at + len);
        char* text = out->data() + at;
        uint32_t* from = origin->data() + at;
        for (size_t k = 0; k < len; ++k) {
          const char c = text[k];
          if (c >= 'A' && c <= 'Z') text[k] = static_cast<char>(c - 'A' + 'a');
          if (c == '`') text[k] = '\'';
          from[k] = static_cast<uint32_t>(i) + static_cast<uint32_t>(k);
        }
        i = end;
        continue;
      }
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0) {  // invalid byte: keep a replacement so offsets stay aligned
        AppendUtf8(out, 0xFFFD);
        origin->resize(out->size(), static_cast<uint32_t>(start));
        continue;
      }
      if (c < 0x10000) {
        // Most code points (Han characters above all) come out as they went in: copied.
        uint8_t state = inert[c].load(std::memory_order_relaxed);
        if (state == kUnknown) {
          state = IsInert(c) ? kInert : kChanged;
          inert[c].store(state, std::memory_order_relaxed);
        }
        if (state == kInert) {
          out->append(in.data() + start, static_cast<size_t>(i - start));
          origin->resize(out->size(), static_cast<uint32_t>(start));
          continue;
        }
      }
      UErrorCode err = U_ZERO_ERROR;
      piece.setTo(c);
      icu::UnicodeString normalized;
      if (!nfkc->isNormalized(piece, err)) {
        err = U_ZERO_ERROR;
        normalized = nfkc->normalize(piece, err);
        if (U_FAILURE(err)) normalized = piece;
      } else {
        normalized = piece;
      }
      for (int32_t k = 0; k < normalized.length();) {
        UChar32 d = normalized.char32At(k);
        k += U16_LENGTH(d);
        d = UnifyPunctuation(u_foldCase(d, U_FOLD_CASE_DEFAULT));
        AppendUtf8(out, d);
        origin->resize(out->size(), static_cast<uint32_t>(start));
      }
    }
  }

  std::string Convert(std::string_view s) const {
    try {
      return t2s->Convert(s.data(), s.size());
    } catch (const std::exception&) {
      return std::string(s);
    }
  }

  // T->S on one line of folded text; keeps origins per code point.
  void SimplifyLine(std::string_view line, const uint32_t* line_origin, std::string* out,
                    std::vector<uint32_t>* origin) const {
    if (MayConvert(line)) {
      std::string converted = Convert(line);
      if (CountCodePoints(converted) == CountCodePoints(line)) {
        // Same number of characters: the k-th output character came from the k-th input one.
        size_t in_pos = 0;
        for (size_t j = 0; j < converted.size();) {
          size_t clen = 1;
          while (j + clen < converted.size() &&
                 (static_cast<unsigned char>(converted[j + clen]) & 0xC0) == 0x80)
            ++clen;
          const uint32_t o = line_origin[in_pos];
          out->append(converted, j, clen);
          origin->resize(out->size(), o);
          j += clen;
          in_pos += 1;
          while (in_pos < line.size() && (static_cast<unsigned char>(line[in_pos]) & 0xC0) == 0x80) ++in_pos;
        }
        return;
      }
      // A phrase changed length: convert character by character so origins stay exact.
      for (size_t j = 0; j < line.size();) {
        size_t clen = 1;
        while (j + clen < line.size() && (static_cast<unsigned char>(line[j + clen]) & 0xC0) == 0x80) ++clen;
        std::string_view ch = line.substr(j, clen);
        std::string c = static_cast<unsigned char>(ch[0]) >= 0xE3 ? Convert(ch) : std::string(ch);
        out->append(c);
        origin->resize(out->size(), line_origin[j]);
        j += clen;
      }
      return;
    }
    out->append(line);
    origin->insert(origin->end(), line_origin, line_origin + line.size());
  }
};

MatchNormalizer::~MatchNormalizer() = default;

Status MatchNormalizer::Create(std::unique_ptr<MatchNormalizer>* out) {
  std::unique_ptr<MatchNormalizer> m(new MatchNormalizer());
  m->impl_ = std::make_unique<Impl>();
  UErrorCode err = U_ZERO_ERROR;
  m->impl_->nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) return Status::Internal(std::string("ICU NFKC unavailable: ") + u_errorName(err));
  try {
    m->impl_->t2s = std::make_unique<opencc::SimpleConverter>(kT2sConfig);
    m->impl_->t2s_active = T2sActiveCodePoints();
  } catch (const std::exception& e) {
    return Status::IoError(std::string(kT2sConfig) + ": cannot load OpenCC configuration: " + e.what());
  }
  *out = std::move(m);
  return Status::Ok();
}

const MatchNormalizer& MatchNormalizer::Shared() {
  static const MatchNormalizer* shared = [] {
    std::unique_ptr<MatchNormalizer> m;
    Status s = Create(&m);
    if (!s.ok()) {
      std::fprintf(stderr, "tmalign: %s\n", s.message().c_str());
      std::abort();
    }
    return m.release();
  }();
  return *shared;
}

NormalizedText MatchNormalizer::NormalizeWithOrigin(std::string_view utf8) const {
  std::string folded;
  std::vector<uint32_t> folded_origin;
  folded.reserve(utf8.size());
  folded_origin.reserve(utf8.size() + 1);
  impl_->FoldInto(utf8, &folded, &folded_origin);

  NormalizedText result;
  if (!impl_->MayConvert(folded)) {  // no line changes under t2s: the folded text is the result
    result.text = std::move(folded);
    result.origin = std::move(folded_origin);
    result.origin.push_back(static_cast<uint32_t>(utf8.size()));
    return result;
  }
  result.text.reserve(folded.size());
  result.origin.reserve(folded.size() + 1);
  size_t line_start = 0;
  while (line_start < folded.size()) {
    size_t nl = folded.find('\n', line_start);
    size_t line_end = nl == std::string::npos ? folded.size() : nl + 1;
    impl_->SimplifyLine(std::string_view(folded).substr(line_start, line_end - line_start),
                        folded_origin.data() + line_start, &result.text, &result.origin);
    line_start = line_end;
  }
  result.origin.push_back(static_cast<uint32_t>(utf8.size()));
  return result;
}

std::string MatchNormalizer::Normalize(std::string_view utf8) const { return NormalizeWithOrigin(utf8).text; }

std::string MatchNormalizer::FoldWidthAndCase(std::string_view utf8) const {
  std::string folded;
  std::vector<uint32_t> origin;
  folded.reserve(utf8.size());
  origin.reserve(utf8.size() + 1);
  impl_->FoldInto(utf8, &folded, &origin);
  return folded;
}

std::string MatchNormalizer::ToSimplified(std::string_view utf8) const {
  // Text with none of t2s's code points comes out unchanged: the check costs far less.
  if (!impl_->MayConvert(utf8)) return std::string(utf8);
  return impl_->Convert(utf8);
}

}  // namespace tmalign
