#include "text/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "text/line_reader.h"

namespace tmalign {
namespace {

struct Range {
  size_t begin;
  size_t end;
};

UChar32 CodePointAt(std::string_view s, size_t i, size_t* next) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, static_cast<int32_t>(s.size()), c);
  *next = static_cast<size_t>(j);
  return c;
}

UChar32 CodePointBefore(std::string_view s, size_t i, size_t* prev) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(p, 0, j, c);
  *prev = static_cast<size_t>(j);
  return c;
}

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B; }

Range Trim(std::string_view s, Range r) {
  size_t next;
  while (r.begin < r.end && IsSpace(CodePointAt(s, r.begin, &next))) r.begin = next;
  size_t prev;
  while (r.end > r.begin && IsSpace(CodePointBefore(s, r.end, &prev))) r.end = prev;
  return r;
}

// ---------------------------------------------------------------- Chinese

bool IsZhTerminal(UChar32 c) {
  switch (c) {
    case 0x3002:  // 。
    case 0xFF01:  // ！
    case 0xFF1F:  // ？
    case 0xFF1B:  // ；
    case 0xFF61:  // ｡
    case '!':
    case '?':
    case ';':
      return true;
    default:
      return false;
  }
}

bool IsEllipsisChar(UChar32 c) { return c == 0x2026 || c == 0x22EF; }

bool IsCloser(UChar32 c) {
  switch (c) {
    case 0x201D:
    case 0x2019:
    case 0x300D:
    case 0x300F:
    case 0xFF09:
    case 0x3011:  // ”’」』）】
    case 0x300B:
    case 0x3009:
    case 0xFF3D:
    case 0xFF5D:
    case 0x3015:
    case 0x3017:  // 》〉］｝〕〗
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case '*':
      return true;
    default:
      return false;
  }
}

size_t DotRunEnd(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == '.') ++i;
  return i;
}

// After an ellipsis these mean the sentence goes on ("金融、物流……等领域").
bool ContinuesAfterEllipsis(UChar32 c) {
  return c == 0xFF0C || c == 0x3001 || c == 0xFF1A || c == ',' || c == ':' || c == 0x7B49 /* 等 */;
}

void SplitZhLine(std::string_view line, std::vector<Range>* out) {
  size_t start = 0, pos = 0;
  const size_t n = line.size();
  while (pos < n) {
    size_t next;
    const UChar32 c = CodePointAt(line, pos, &next);
    bool ellipsis = IsEllipsisChar(c);
    if (c == '.') {
      const size_t run = DotRunEnd(line, pos);
      if (run - pos < 3) {
        pos = run;
        continue;
      }
      ellipsis = true;
      next = run;
    }
    if (!ellipsis && !IsZhTerminal(c)) {
      pos = next;
      continue;
    }
    // "?a=1" in a URL, "Yahoo!Japan": ASCII marks glued to ASCII words are not ends.
    if (c < 0x80 && c != '.' && next < n && std::isalnum(static_cast<unsigned char>(line[next]))) {
      pos = next;
      continue;
    }
    // Swallow the rest of the punctuation cluster: "？！", "。”", "……。）".
    size_t q = next;
    bool only_ellipsis = ellipsis;
    while (q < n) {
      size_t after;
      const UChar32 d = CodePointAt(line, q, &after);
      if (d == '.') {
        after = DotRunEnd(line, q);
      } else if (IsZhTerminal(d)) {
        only_ellipsis = false;
      } else if (!IsEllipsisChar(d) && !IsCloser(d)) {
        break;
      }
      q = after;
    }
    if (only_ellipsis && q < n) {
      size_t after;
      if (ContinuesAfterEllipsis(CodePointAt(line, q, &after))) {
        pos = q;
        continue;
      }
    }
    out->push_back({start, q});
    start = pos = q;
  }
  if (start < n) out->push_back({start, n});
}

// ---------------------------------------------------------------- English

// Never end a sentence: titles and Latin abbreviations precede more text.
constexpr std::array<std::string_view, 30> kAlwaysJoin = {
    "Mr",   "Mrs", "Ms",  "Mx",  "Dr",   "Prof", "St",     "Rev",  "Gen",    "Gov",
    "Sen",  "Rep", "Hon", "Col", "Capt", "Lt",   "Sgt",    "Mt",   "Messrs", "Mme",
    "Mlle", "vs",  "cf",  "e.g", "i.e",  "viz",  "approx", "Pres", "Fr",     "Ft"};
// End a sentence unless a number follows: "No. 7", "Vol. 142", "Jan. 5".
constexpr std::array<std::string_view, 28> kJoinBeforeNumber = {
    "No",  "Nos", "Vol", "Vols", "Fig", "Figs", "pp",  "p",   "Art",  "Sec", "Ch",  "Chap", "Eq",  "Ref",
    "Jan", "Feb", "Mar", "Apr",  "Jun", "Jul",  "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",  "Tab", "Para"};
// May end a sentence; assume they do only before a typical sentence opener.
constexpr std::array<std::string_view, 14> kJoinUnlessOpener = {
    "etc", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Bros", "Plc", "Dept", "Univ", "Assn", "Est", "Govt"};
constexpr std::array<std::string_view, 44> kSentenceOpeners = {
    "The",       "This", "That",     "These",       "Those",   "There",   "Their", "They",      "Then",
    "It",        "Its",  "He",       "She",         "His",     "Her",     "We",    "Our",       "I",
    "You",       "In",   "On",       "At",          "As",      "For",     "But",   "And",       "However",
    "Meanwhile", "Also", "After",    "Before",      "When",    "While",   "If",    "According", "Since",
    "So",        "Yet",  "Moreover", "Furthermore", "Besides", "Finally", "A",     "An"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "U.S", "a.m", "Ph.D", "e.g": short letter groups joined by dots.
bool IsDottedAbbreviation(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  size_t group = 0;
  for (char c : w) {
    if (c == '.') {
      if (group == 0) return false;
      group = 0;
    } else if (IsAsciiAlpha(c) && ++group <= 2) {
      continue;
    } else {
      return false;
    }
  }
  return group > 0;
}

bool IsRomanNumeral(std::string_view w) {
  return !w.empty() && w.size() <= 6 && w.find_first_not_of("IVXLCDM") == std::string_view::npos;
}

bool IsHeadingMarker(std::string_view w) {
  if (w.empty()) return false;
  if (IsRomanNumeral(w)) return true;
  if (w.size() == 1 && IsAsciiAlpha(w[0])) return true;
  // 1 / 2.3 / 10.1.4
  return w.find_first_not_of("0123456789.") == std::string_view::npos && w.front() != '.' && w.back() != '.';
}

bool StartsWithLowercase(std::string_view s) {
  size_t next;
  return !s.empty() && u_isULowercase(CodePointAt(s, 0, &next));
}

std::string_view FirstWord(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && !IsAsciiAlpha(s[i]) && !std::isdigit(static_cast<unsigned char>(s[i])) &&
         (s[i] == '"' || s[i] == '\'' || s[i] == '(' || s[i] == '[' || s[i] == '*' || s[i] == '_')) {
    ++i;
  }
  size_t j = i;
  while (j < s.size() && IsAsciiAlpha(s[j])) ++j;
  return s.substr(i, j - i);
}

// Whether the break between trimmed segments `prev` and `next` is false.
bool ShouldJoin(std::string_view prev, std::string_view next, bool prev_starts_line) {
  if (prev.empty() || next.empty()) return false;
  // ICU ends sentences at "?" / "!" even before "he asked".
  if (StartsWithLowercase(next)) return true;
  if (prev.back() != '.') return false;
  // Only the last word matters; look at a bounded tail so merging stays linear.
  const size_t from = prev.size() > 64 ? prev.size() - 64 : 0;
  const std::string_view tail = prev.substr(from);
  const size_t space = tail.find_last_of(" \t");
  std::string_view token = space == std::string_view::npos ? tail : tail.substr(space + 1);
  while (!token.empty() && (token.front() == '(' || token.front() == '[' || token.front() == '"' ||
                            token.front() == '\'' || token.front() == '*' || token.front() == '{')) {
    token.remove_prefix(1);
  }
  token.remove_suffix(1);  // the final '.'
  if (token.empty()) return false;
  if (token.find("..") != std::string_view::npos || token.back() == '.') return false;  // an ellipsis
  // "I. The Status Quo ..." and "2.1. Method": a heading number, not a sentence.
  if (prev_starts_line && token.size() == prev.size() - 1 && IsHeadingMarker(token)) return true;
  // Initials: "J. R. R. Tolkien".
  if (token.size() == 1 && token[0] >= 'A' && token[0] <= 'Z') return true;
  if (Contains(kAlwaysJoin, token)) return true;
  const bool number_follows = std::isdigit(static_cast<unsigned char>(next[0]));
  if (Contains(kJoinBeforeNumber, token)) return number_follows;
  if (Contains(kJoinUnlessOpener, token) || IsDottedAbbreviation(token)) {
    return !Contains(kSentenceOpeners, FirstWord(next));
  }
  return false;
}

class EnglishSplitter {
 public:
  EnglishSplitter() {
    UErrorCode err = U_ZERO_ERROR;
    // ss=standard adds ICU's own abbreviation suppressions ("Mr.", "e.g.").
    iter_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), err));
    if (U_FAILURE(err) || !iter_) {
      err = U_ZERO_ERROR;
      iter_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), err));
    }
    if (U_FAILURE(err)) iter_.reset();
  }

  void SplitLine(std::string_view line, std::vector<Range>* out) {
    raw_.clear();
    IcuBreaks(line);
    // Merge false breaks left to right; each range is compared with the previous kept one.
    size_t first_out = out->size();
    for (const Range& r : raw_) {
      const Range t = Trim(line, r);
      if (t.begin == t.end) {
        if (out->size() > first_out) out->back().end = r.end;
        continue;
      }
      if (out->size() > first_out) {
        Range& last = out->back();
        const Range lt = Trim(line, last);
        const std::string_view prev = line.substr(lt.begin, lt.end - lt.begin);
        const std::string_view next = line.substr(t.begin, t.end - t.begin);
        if (ShouldJoin(prev, next, out->size() == first_out + 1)) {
          last.end = r.end;
          continue;
        }
      }
      out->push_back(r);
    }
  }

 private:
  void IcuBreaks(std::string_view line) {
    if (!iter_) {
      raw_.push_back({0, line.size()});
      return;
    }
    UErrorCode err = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(&text_, line.data(), static_cast<int64_t>(line.size()), &err);
    iter_->setText(ut, err);
    if (U_FAILURE(err)) {
      raw_.push_back({0, line.size()});
      return;
    }
    size_t start = 0;
    for (int32_t b = iter_->next(); b != icu::BreakIterator::DONE; b = iter_->next()) {
      size_t end = static_cast<size_t>(b);
      if (end <= start) continue;
      // ICU breaks "**Note.** Next" after the dot; the closing markup belongs before the break.
      size_t k = end;
      while (k < line.size() && (line[k] == '*' || line[k] == '_')) ++k;
      if (k > end && (k == line.size() || line[k] == ' ' || line[k] == '\t')) end = k;
      raw_.push_back({start, end});
      start = end;
    }
    if (start < line.size()) raw_.push_back({start, line.size()});
  }

  std::unique_ptr<icu::BreakIterator> iter_;
  UText text_ = UTEXT_INITIALIZER;
  std::vector<Range> raw_;

 public:
  ~EnglishSplitter() { utext_close(&text_); }
};

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view utf8, Language lang) {
  std::vector<Sentence> sentences;
  std::unique_ptr<EnglishSplitter> english;
  if (lang != Language::kZh) english = std::make_unique<EnglishSplitter>();
  std::vector<Range> ranges;
  int paragraph = 0;
  LineReader lines(utf8);
  std::string_view line;
  while (lines.Next(&line)) {
    const int line_no = lines.line_number();
    const Range whole = Trim(line, {0, line.size()});
    if (whole.begin == whole.end) continue;

    ranges.clear();
    if (english) {
      english->SplitLine(line, &ranges);
    } else {
      SplitZhLine(line, &ranges);
    }
    // Columns count code points; walk forward once per line.
    size_t col_pos = 0;
    int column = 1;
    for (const Range& r : ranges) {
      const Range t = Trim(line, r);
      if (t.begin == t.end) continue;
      while (col_pos < t.begin) {
        size_t next;
        CodePointAt(line, col_pos, &next);
        col_pos = next;
        ++column;
      }
      sentences.push_back(
          Sentence{std::string(line.substr(t.begin, t.end - t.begin)), paragraph, line_no, column});
    }
    ++paragraph;
  }
  return sentences;
}

}  // namespace tmalign
