// PDF through poppler-cpp (in its module: doc/pdf_text_boxes.h). page::text_list() gives
// the words in poppler's reading order
// (its block and flow analysis, which keeps the columns of a page apart, where the
// physical layout would interleave them line by line) with their boxes; from the boxes the
// reader rebuilds lines, decides spaces by the gaps between words, joins lines back into
// paragraphs and drops what repeats at the page edges (running headers, footers, page
// numbers) and list bullets.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "doc/pdf_text_boxes.h"
#include "doc/readers.h"
#include "text/utf8.h"

namespace tmalign {
namespace {

struct Word {
  std::u32string text;
  double left, top, right, bottom;
  double size;        // font size
  double first_char;  // width of the first glyph
};

struct Line {
  std::vector<Word> words;
  double left = 0, top = 0, right = 0, bottom = 0;
  double size = 0;
  int page = 0;
  bool dropped = false;  // a running header, footer or page number

  double Height() const { return bottom - top; }
};

// Chinese, Japanese and Korean script and punctuation: joined to neighbours without a space.
bool IsCjk(char32_t c) {
  return IsHan(c) || (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x30FF) ||
         (c >= 0x3100 && c <= 0x31BF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xFF00 && c <= 0xFFEF);
}

// Punctuation both scripts use (curly quotes, dashes, the middle dot): it takes the
// script of the text next to it.
bool IsSharedPunctuation(char32_t c) {
  return c == 0x2014 || c == 0x2013 || c == 0x2026 || c == 0x201C || c == 0x201D || c == 0x2018 ||
         c == 0x2019 || c == 0x00B7 || c == 0x2015;
}

bool IsLowerLatin(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
bool IsLatinLetter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || IsLowerLatin(c) || (c >= 0xC0 && c <= 0xDE);
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Kangxi radicals, CJK radicals supplement and CJK compatibility ideographs, which some
// fonts' ToUnicode maps give for ordinary characters (⽅ U+2F45 for 方): their NFKC form.
char32_t UnifyIdeograph(char32_t c) {
  if (!((c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF))) return c;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) return c;
  const icu::UnicodeString mapped = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), err);
  if (U_FAILURE(err) || mapped.countChar32() != 1) return c;
  return static_cast<char32_t>(mapped.char32At(0));
}

std::u32string FromUtf8(const std::string& utf8) {
  std::u32string out;
  size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t c = NextCodePoint(utf8, &pos);
    if (c == 0 || c == 0xFFFD) continue;
    out += UnifyIdeograph(c);
  }
  return out;
}

std::string ToUtf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

// The page's words in poppler's order, grouped into lines: a word joins the line when its
// vertical middle falls inside the line's box and it does not go back to the left.
std::vector<Line> ReadLines(const std::vector<PdfTextBox>& boxes, int page_number) {
  // Rotated words (a watermark, a label up the margin) are not the page's text.
  std::map<int, int> rotations;
  for (const auto& box : boxes) ++rotations[box.rotation];
  int rotation = 0, most = -1;
  for (const auto& [r, n] : rotations) {
    if (n > most) rotation = r, most = n;
  }
  std::vector<Line> lines;
  for (const auto& box : boxes) {
    if (box.rotation != rotation) continue;
    Word w{FromUtf8(box.utf8), box.left, box.top, box.right, box.bottom, 0, 0};
    if (w.text.empty()) continue;
    const double height = box.bottom - box.top;
    w.size = box.font_size >= 0 ? box.font_size : height;
    if (w.size <= 0) w.size = std::max(height, 1.0);
    w.first_char = box.first_char_width;
    if (w.first_char <= 0) w.first_char = (w.right - w.left) / static_cast<double>(w.text.size());
    const double middle = (w.top + w.bottom) / 2;
    if (!lines.empty()) {
      Line& line = lines.back();
      if (middle > line.top && middle < line.bottom && w.left > line.right - w.size * 0.5) {
        line.words.push_back(std::move(w));
        line.right = std::max(line.right, box.right);
        line.top = std::min(line.top, box.top);
        line.bottom = std::max(line.bottom, box.bottom);
        continue;
      }
    }
    Line line;
    line.left = w.left, line.top = w.top, line.right = w.right, line.bottom = w.bottom;
    line.page = page_number;
    line.words.push_back(std::move(w));
    lines.push_back(std::move(line));
  }
  for (Line& line : lines) {
    // The line's font size: the most common among its words, weighted by length.
    std::map<double, size_t> sizes;
    for (const Word& w : line.words) sizes[std::round(w.size * 2) / 2] += w.text.size();
    size_t best = 0;
    for (const auto& [s, n] : sizes) {
      if (n > best) line.size = s, best = n;
    }
  }
  return lines;
}

// Whether the gap between two words on a line is a space: poppler's judgement between
// Latin words; next to Chinese only a gap of half an em or so (a space glyph), since
// producers put a narrow gap between Chinese and Latin text, and justified Chinese text
// spreads its characters, without any space in the text.
bool SpaceBetween(const Word& a, const Word& b) {
  const double gap = b.left - a.right;
  const double em = std::max(a.size, b.size);
  const char32_t x = a.text.back(), y = b.text.front();
  if (IsHan(x) && IsHan(y)) return gap >= 0.5 * em;
  if (IsCjk(x) || IsCjk(y)) return gap >= 0.4 * em;
  return gap >= 0.12 * em;
}

std::u32string LineText(const Line& line, size_t first_word = 0) {
  std::u32string text;
  for (size_t i = first_word; i < line.words.size(); ++i) {
    if (i > first_word && SpaceBetween(line.words[i - 1], line.words[i])) text += U' ';
    text += line.words[i].text;
  }
  return text;
}

// "Page 3 of 12", "- 3 -" -> "page # of #", "- # -": digits as '#', spaces out, lowercase.
std::u32string EdgeKey(const std::u32string& text) {
  std::u32string key;
  for (char32_t c : text) {
    if (c == U' ') continue;
    if (IsDigit(c)) {
      if (key.empty() || key.back() != U'#') key += U'#';
      continue;
    }
    key += (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
  }
  return key;
}

bool IsRomanNumeral(const std::u32string& s) {
  if (s.empty() || s.size() > 6) return false;
  return std::all_of(s.begin(), s.end(), [](char32_t c) {
    return std::u32string_view(U"ivxlcdm").find(c) != std::u32string_view::npos;
  });
}

// A line that is only a page number: "3", "- 3 -", "Page 3", "3 / 12", "第 3 页", "iv".
bool IsPageNumber(const std::u32string& key) {
  if (IsRomanNumeral(key)) return true;
  if (key.find(U'#') == std::u32string::npos) return false;
  static const std::u32string kPatterns[] = {U"#",           U"-#-",   U"–#–", U"—#—",   U"page#",
                                             U"page#of#",    U"#of#",  U"#/#", U"第#页", U"第#页共#页",
                                             U"第#页/共#页", U"-#/#-", U"[#]", U"(#)",   U"p.#"};
  return std::find(std::begin(kPatterns), std::end(kPatterns), key) != std::end(kPatterns);
}

// Marks running headers and footers: among the lines set off by white space at the top and
// the bottom of each page (at most three, within the outer eighth of it), those whose text, numbers aside,
// recurs at the same edge of at least half of the pages (two at least), and lone page
// numbers there.
void MarkRunningLines(std::vector<std::vector<Line>>* pages, const std::vector<double>& heights) {
  constexpr size_t kEdgeLines = 3;
  struct Candidate {
    size_t page, line;
    bool top;
    std::u32string key;
  };
  std::vector<Candidate> candidates;
  std::map<std::pair<bool, std::u32string>, std::set<size_t>> pages_with;
  for (size_t p = 0; p < pages->size(); ++p) {
    const std::vector<Line>& lines = (*pages)[p];
    std::vector<size_t> order(lines.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lines[a].top < lines[b].top; });
    const double zone = heights[p] / 8;
    // The edge block: the lines before the first white gap (half an em or more) from the
    // top or from the bottom, when that comes within kEdgeLines lines and the outer zone;
    // body lines that happen to be first on a page run on without such a gap.
    auto edge = [&](bool top) {
      for (size_t k = 0; k < order.size() && k < kEdgeLines; ++k) {
        const Line& a = lines[order[top ? k : order.size() - 1 - k]];
        if (top ? a.bottom > zone : a.top < heights[p] - zone) return;
        const bool last = k + 1 == order.size();
        const Line& b = lines[order[last ? 0 : (top ? k + 1 : order.size() - 2 - k)]];
        const double gap = top ? b.top - a.bottom : a.top - b.bottom;
        if (last || gap >= 0.5 * a.size) {
          for (size_t j = 0; j <= k; ++j) {
            const size_t i = order[top ? j : order.size() - 1 - j];
            candidates.push_back({p, i, top, EdgeKey(LineText(lines[i]))});
          }
          return;
        }
      }
    };
    edge(true);
    edge(false);
  }
  for (const Candidate& c : candidates) pages_with[{c.top, c.key}].insert(c.page);
  const size_t needed = std::max<size_t>(2, (pages->size() + 1) / 2);
  for (const Candidate& c : candidates) {
    const bool repeats = pages->size() >= 2 && pages_with[{c.top, c.key}].size() >= needed;
    if (repeats || IsPageNumber(c.key)) (*pages)[c.page][c.line].dropped = true;
  }
}

bool IsBulletText(const std::u32string& s) {
  static constexpr std::u32string_view kBullets = U"•◦▪▫■□●○◆◇►▸‣⁃∙◘♦➢➤✓✔-–—*·";
  return s.size() == 1 && kBullets.find(s[0]) != std::u32string_view::npos;
}

// "1." "2)" "(a)" "iv." "A." "(3)": an enumerator, when it stands alone before a wide gap.
bool IsEnumerator(const std::u32string& s) {
  if (s.size() < 2 || s.size() > 6) return false;
  std::u32string core = s;
  const bool open = core.front() == U'(' || core.front() == U'（';
  if (open) core.erase(0, 1);
  if (core.empty()) return false;
  const char32_t close = core.back();
  if (close != U'.' && close != U')' && close != U'）') return false;
  if (open && close == U'.') return false;
  core.pop_back();
  if (core.empty()) return false;
  if (std::all_of(core.begin(), core.end(), IsDigit)) return true;
  if (core.size() == 1 && IsLatinLetter(core[0])) return true;
  return IsRomanNumeral(core);
}

// The number of leading words that are a list marker: a bullet glyph standing alone, or an
// enumerator followed by a gap wider than a space (a tab, as list formatting puts there).
size_t ListMarkerWords(const Line& line) {
  if (line.words.size() < 2) return 0;
  const Word& first = line.words[0];
  if (IsBulletText(first.text)) return 1;
  if (IsEnumerator(first.text) && line.words[1].left - first.right >= 0.9 * first.size) return 1;
  return 0;
}

// Letters-only lowercase form of a word, for the document's vocabulary.
std::u32string Letters(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s) {
    if (IsLatinLetter(c)) out += (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
  }
  return out;
}

class Vocabulary {
 public:
  // Every word of the document as it appears on the lines (not across line ends).
  void Add(const Line& line) {
    for (size_t i = 0; i < line.words.size(); ++i) {
      const std::u32string& t = line.words[i].text;
      // A line's last word may be the first half of a hyphenated word.
      if (i + 1 == line.words.size() && !t.empty() && (t.back() == U'-' || t.back() == U'‐')) continue;
      const size_t hyphen = t.find(U'-');
      if (hyphen != std::u32string::npos)
        hyphenated_.insert(Letters(t.substr(0, hyphen)) + U"-" + Letters(t.substr(hyphen + 1)));
      size_t start = 0;
      while (start <= t.size()) {
        const size_t end = std::min(t.find(U'-', start), t.size());
        const std::u32string part = Letters(std::u32string_view(t).substr(start, end - start));
        if (!part.empty()) words_.insert(part);
        start = end + 1;
      }
    }
  }
  // Whether "head-" at a line end and "tail" at the next line's start are one word broken
  // by hyphenation (the hyphen goes) rather than a compound (it stays): the compound when
  // the document writes it with the hyphen elsewhere, or uses both halves as words on their
  // own and never the joined form.
  bool IsHyphenation(const std::u32string& head, const std::u32string& tail) const {
    const std::u32string h = Letters(head), t = Letters(tail);
    if (words_.count(h + t)) return true;
    if (hyphenated_.count(h + U"-" + t)) return false;
    return !(words_.count(h) && words_.count(t));
  }

 private:
  std::set<std::u32string> words_;
  std::set<std::u32string> hyphenated_;
};

// The right edge of `line`'s column: the furthest right that lines starting near its left
// edge reach on its page.
double ColumnRight(const std::vector<Line>& page, const Line& line) {
  double right = line.right;
  for (const Line& other : page) {
    if (!other.dropped && std::abs(other.left - line.left) < 4 * line.size)
      right = std::max(right, other.right);
  }
  return right;
}

double ColumnLeft(const std::vector<Line>& page, const Line& line) {
  double left = line.left;
  for (const Line& other : page) {
    if (!other.dropped && std::abs(other.left - line.left) < 4 * line.size) left = std::min(left, other.left);
  }
  return left;
}

// The usual distance from one baseline to the next on the page: the smallest that occurs
// between lines of ordinary size.
double LinePitch(const std::vector<Line>& lines) {
  double pitch = 0;
  const Line* previous = nullptr;
  for (const Line& line : lines) {
    if (line.dropped) continue;
    if (previous != nullptr) {
      const double d = line.bottom - previous->bottom;
      if (d >= 0.9 * line.size && std::abs(line.size - previous->size) < 0.5 && (pitch == 0 || d < pitch)) {
        pitch = d;
      }
    }
    previous = &line;
  }
  return pitch;
}

// Whether `next` starts a new paragraph after `line`. Both are on one page, or `next`
// begins the page after `line`'s (then the gap between them says nothing).
bool StartsParagraph(const std::vector<Line>& line_page, const Line& line, double pitch,
                     const std::vector<Line>& next_page, const Line& next) {
  if (ListMarkerWords(next) > 0) return true;
  if (std::abs(line.size - next.size) > 0.15 * std::max(line.size, next.size)) return true;
  const double em = line.size;
  if (line.page == next.page) {
    if (next.top < line.top - 0.5 * em) return true;  // back up: another column or block
    if (pitch > 0 && next.bottom - line.bottom > 1.3 * pitch + 0.5) return true;
  }
  // The first word of the next line would have fit at the end of this one.
  const Word& first = next.words.front();
  const bool cjk_start = IsCjk(first.text.front());
  const double needed = cjk_start ? first.first_char : (first.right - first.left) + 0.25 * em;
  if (ColumnRight(line_page, line) - line.right > needed + 0.5 * em) return true;
  // An indented first line after a line at the column's left edge.
  const double next_left = ColumnLeft(next_page, next);
  if (next.left > next_left + 0.8 * em && line.left < ColumnLeft(line_page, line) + 0.5 * em) return true;
  return false;
}

// Appends `next` to a paragraph ending with `text`: Chinese without a space, others with
// one; a line-end hyphen goes when the two halves are one hyphenated word.
void AppendLine(const std::u32string& next, const Vocabulary& vocabulary, std::u32string* text) {
  if (next.empty()) return;
  if (text->empty()) {
    *text = next;
    return;
  }
  const char32_t last = text->back(), first = next.front();
  // The nearest characters of each side that belong to a script.
  char32_t before = 0, after = 0;
  for (size_t i = text->size(); i > 0 && before == 0; --i) {
    if (!IsSharedPunctuation((*text)[i - 1])) before = (*text)[i - 1];
  }
  for (size_t i = 0; i < next.size() && after == 0; ++i) {
    if (!IsSharedPunctuation(next[i])) after = next[i];
  }
  if ((last == U'-' || last == U'‐') && text->size() >= 2 && IsLowerLatin((*text)[text->size() - 2])) {
    const size_t word_start =
        text->find_last_of(U' ') == std::u32string::npos ? 0 : text->find_last_of(U' ') + 1;
    const std::u32string head = text->substr(word_start, text->size() - 1 - word_start);
    const size_t end = next.find(U' ');
    const std::u32string tail = next.substr(0, end);
    if (IsLowerLatin(first) && vocabulary.IsHyphenation(head, tail)) text->pop_back();
    *text += next;  // a kept hyphen joins without a space too: "Tree-" + "Graph"
    return;
  }
  if (!(IsCjk(before) || IsCjk(after))) *text += U' ';
  *text += next;
}

}  // namespace

Status ReadPdf(const std::string& path, std::string_view bytes, const DocumentReadOptions&,
               std::vector<Paragraph>* paragraphs) {
  std::vector<PdfPageBoxes> page_boxes;
  TMALIGN_RETURN_IF_ERROR(ReadPdfTextBoxes(path, bytes, &page_boxes));
  std::vector<std::vector<Line>> pages;
  std::vector<double> heights;
  size_t words = 0;
  for (size_t i = 0; i < page_boxes.size(); ++i) {
    pages.push_back(page_boxes[i].readable ? ReadLines(page_boxes[i].boxes, static_cast<int>(i) + 1)
                                           : std::vector<Line>());
    heights.push_back(page_boxes[i].height);
    for (const Line& line : pages.back()) words += line.words.size();
  }
  if (words == 0) return Status::InvalidInput(path + ": no text layer: it needs OCR first");

  MarkRunningLines(&pages, heights);
  Vocabulary vocabulary;
  for (const auto& lines : pages) {
    for (const Line& line : lines) {
      if (!line.dropped) vocabulary.Add(line);
    }
  }

  std::u32string text;
  int text_page = 0;
  const Line* previous = nullptr;
  const std::vector<Line>* previous_page = nullptr;
  auto flush = [&] {
    if (!text.empty()) paragraphs->push_back({ToUtf8(text), text_page});
    text.clear();
  };
  for (const auto& lines : pages) {
    const double pitch = LinePitch(lines);
    for (const Line& line : lines) {
      if (line.dropped) continue;
      if (previous == nullptr || StartsParagraph(*previous_page, *previous, pitch, lines, line)) {
        flush();
        text_page = line.page;
      }
      AppendLine(LineText(line, ListMarkerWords(line)), vocabulary, &text);
      previous = &line;
      previous_page = &lines;
    }
  }
  flush();
  return Status::Ok();
}

}  // namespace tmalign
