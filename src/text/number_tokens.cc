#include "text/number_tokens.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "text/numerals.h"
#include "text/utf8.h"

namespace tmalign {
namespace {

struct Cp {
  char32_t c;
  size_t begin, end;
};

std::vector<Cp> Decode(std::string_view text) {
  std::vector<Cp> out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t begin = pos;
    const char32_t c = NextCodePoint(text, &pos);
    out.push_back({c, begin, pos});
  }
  return out;
}

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsFullWidthDigit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
bool IsDigit(char32_t c) { return IsAsciiDigit(c) || IsFullWidthDigit(c); }
int DigitOf(char32_t c) { return IsAsciiDigit(c) ? static_cast<int>(c - '0') : static_cast<int>(c - 0xFF10); }
bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Letters that make a digit run part of a word (5G, A4); Chinese is not one.
bool IsWordLetter(char32_t c) {
  return IsAsciiLetter(c) || (c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7) ||
         (c >= 0xFF21 && c <= 0xFF5A);
}

// Chinese digits and the numeral units ParseChineseNumeral reads.
int ChineseDigit(char32_t c) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  if (c == U'零') return 0;
  if (c == U'两') return 2;
  const size_t i = kDigits.find(c);
  return i == std::u32string_view::npos ? -1 : static_cast<int>(i);
}

// Words a Chinese number stands before: measures, dates, counts.
bool IsChineseMeasure(char32_t c) {
  static constexpr std::u32string_view kMeasures =
      U"年月日号期届次个位名项家人元岁天周章条篇场件种所座批轮份倍辆台部册卷页亿万";
  return kMeasures.find(c) != std::u32string_view::npos;
}

// Canonical decimal: no leading zeros in the integer part, no trailing zeros in the fraction.
std::string Canonical(std::string integer, std::string fraction) {
  const size_t nz = integer.find_first_not_of('0');
  integer = nz == std::string::npos ? "0" : integer.substr(nz);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? integer : integer + "." + fraction;
}

bool IsMonthValue(const std::string& value) {
  return value.size() <= 2 && value.find('.') == std::string::npos && std::stoi(value) >= 1 &&
         std::stoi(value) <= 12;
}

constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};

// Month number of an English month name or abbreviation (1..12), 0 if none; *abbreviated when short.
int MonthOfWord(std::string_view lower, bool* abbreviated) {
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (lower == kMonths[m]) {
      *abbreviated = false;
      return static_cast<int>(m) + 1;
    }
  }
  if (lower == "sept") {
    *abbreviated = true;
    return 9;
  }
  if (lower.size() == 3) {
    for (size_t m = 0; m < kMonths.size(); ++m) {
      if (kMonths[m].substr(0, 3) == lower && m != 4) {
        *abbreviated = true;
        return static_cast<int>(m) + 1;
      }
    }
  }
  return 0;
}

// Digits (ASCII or full-width) at cps[i]: the number, or false when the run is part of a word.
bool ReadDigits(const std::vector<Cp>& cps, size_t i, NumberToken* tok, size_t* next) {
  const size_t n = cps.size();
  if (i > 0 && (IsWordLetter(cps[i - 1].c) || IsDigit(cps[i - 1].c))) return false;
  std::string integer, fraction;
  size_t j = i;
  bool grouped = false;
  while (j < n) {
    if (IsDigit(cps[j].c)) {
      integer += static_cast<char>('0' + DigitOf(cps[j].c));
      ++j;
    } else if (cps[j].c == ',' && !integer.empty() && (grouped || integer.size() <= 3)) {
      // A thousands separator: exactly three digits follow, then no digit.
      bool three = true;
      for (size_t k = 1; k <= 3; ++k) three = three && j + k < n && IsAsciiDigit(cps[j + k].c);
      if (!three || (j + 4 < n && IsDigit(cps[j + 4].c))) break;
      grouped = true;
      ++j;
    } else {
      break;
    }
  }
  // In 2021.6.16 (a date) or 1.2.3 (a section) each part is a number of its own, none a decimal.
  const bool dotted_before = i >= 2 && cps[i - 1].c == '.' && IsDigit(cps[i - 2].c);
  if (!dotted_before && j + 1 < n && (cps[j].c == '.' || cps[j].c == 0xFF0E) && IsDigit(cps[j + 1].c)) {
    size_t k = j + 1;
    std::string digits;
    while (k < n && IsDigit(cps[k].c)) digits += static_cast<char>('0' + DigitOf(cps[k++].c));
    if (!(k + 1 < n && cps[k].c == '.' && IsDigit(cps[k + 1].c))) {
      fraction = digits;
      j = k;
    }
  }
  tok->form = IsFullWidthDigit(cps[i].c) ? NumberForm::kFullWidthDigits : NumberForm::kDigits;
  tok->grouped = grouped;
  tok->pad = integer.size() > 1 && integer[0] == '0' ? static_cast<int>(integer.size()) : 0;
  tok->value = Canonical(integer, fraction);
  tok->begin = cps[i].begin;
  if (j < n && IsWordLetter(cps[j].c)) {
    // 7th is an ordinal; 5G, 3D are words.
    size_t k = j;
    std::string suffix;
    while (k < n && IsAsciiLetter(cps[k].c)) suffix += static_cast<char>(cps[k++].c | 0x20);
    if (k < n && IsWordLetter(cps[k].c)) return false;
    int64_t v = 0;
    if (!fraction.empty() || grouped || !ParseEnglishOrdinal(integer + suffix, &v)) return false;
    tok->form = NumberForm::kOrdinal;
    j = k;
  }
  tok->end = cps[j - 1].end;
  // 6月 (a space may stand between).
  size_t after = j;
  while (after < n && cps[after].c == ' ') ++after;
  tok->month = after < n && cps[after].c == U'月' && IsMonthValue(tok->value);
  *next = j;
  return true;
}

// A run of Chinese numerals at cps[i] where Chinese writes a number (see the header).
bool ReadChinese(const std::vector<Cp>& cps, size_t i, NumberToken* tok, size_t* next) {
  const size_t n = cps.size();
  size_t j = i;
  std::u32string integer, fraction;
  while (j < n && IsChineseNumeralChar(cps[j].c)) integer += cps[j++].c;
  if (j + 1 < n && cps[j].c == U'点' && ChineseDigit(cps[j + 1].c) >= 0) {
    ++j;
    while (j < n && ChineseDigit(cps[j].c) >= 0) fraction += cps[j++].c;
  }
  // The run may end in a measure that is itself a numeral unit (三万): keep it in the run
  // only when something numeric precedes it.
  const char32_t prev = i > 0 ? cps[i - 1].c : 0;
  const char32_t following = j < n ? cps[j].c : 0;
  const bool at_start = i == 0 || (i == 1 && (prev == ' ' || prev == 0x3000));
  const bool context = prev == U'第' || prev == U'之' || IsChineseMeasure(following) ||
                       (at_start && (following == U'、' || following == U'.' || following == 0xFF0E));
  // ParseChineseNumeral reads digit by digit into 64 bits: longer runs are no number anyway.
  if (!context || integer.size() > 15) return false;
  int64_t whole = 0;
  if (!ParseChineseNumeral(integer, &whole)) return false;
  bool has_unit = false;
  for (char32_t c : integer) has_unit = has_unit || ChineseDigit(c) < 0;
  std::string frac;
  for (char32_t c : fraction) frac += static_cast<char>('0' + ChineseDigit(c));
  tok->value = Canonical(std::to_string(whole), frac);
  tok->form = !has_unit && integer.size() > 1 ? NumberForm::kChineseDigits : NumberForm::kChineseNumeral;
  tok->begin = cps[i].begin;
  tok->end = cps[j - 1].end;
  tok->month = following == U'月' && IsMonthValue(tok->value);
  *next = j;
  return true;
}

// An English month name or an upper-case Roman numeral at cps[i] (a whole word).
bool ReadWord(const std::vector<Cp>& cps, size_t i, NumberToken* tok, size_t* next) {
  const size_t n = cps.size();
  size_t j = i;
  std::string word;
  while (j < n && IsAsciiLetter(cps[j].c)) word += static_cast<char>(cps[j++].c);
  *next = j;
  if ((i > 0 && (IsWordLetter(cps[i - 1].c) || IsDigit(cps[i - 1].c))) || (j < n && IsWordLetter(cps[j].c)))
    return false;
  int64_t roman = 0;
  if (word.size() >= 2 && ParseRomanNumeral(word, &roman)) {
    tok->value = std::to_string(roman);
    tok->form = NumberForm::kRoman;
  } else {
    if (word[0] < 'A' || word[0] > 'Z') return false;  // a month name is capitalized
    std::string lower = word;
    for (char& c : lower) c = static_cast<char>(c | 0x20);
    bool abbreviated = false;
    const int month = MonthOfWord(lower, &abbreviated);
    if (month == 0) return false;
    if (abbreviated || month == 5) {
      // Jun, Mar or May alone may be a word ("May I"): only next to a number.
      auto number_near = [&](size_t k, int step) {
        for (int hop = 0; hop < 3; ++hop, k += static_cast<size_t>(step)) {
          if (k >= n) return false;
          if (IsDigit(cps[k].c)) return true;
          if (cps[k].c != ' ' && cps[k].c != '.' && cps[k].c != ',') return false;
        }
        return false;
      };
      if (!number_near(j, 1) && !(i > 0 && number_near(i - 1, -1))) return false;
    }
    tok->value = std::to_string(month);
    tok->form = NumberForm::kMonthName;
    tok->month = true;
  }
  tok->begin = cps[i].begin;
  tok->end = cps[j - 1].end;
  return true;
}

std::string GroupThousands(const std::string& integer) {
  std::string out;
  const size_t n = integer.size();
  for (size_t k = 0; k < n; ++k) {
    if (k > 0 && (n - k) % 3 == 0) out += ',';
    out += integer[k];
  }
  return out;
}

std::string ChineseSection(int64_t n) {  // 0 < n < 10000
  static constexpr std::array<std::u32string_view, 4> kUnits = {U"", U"十", U"百", U"千"};
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  std::u32string out;
  bool started = false, gap = false;
  for (int p = 3; p >= 0; --p) {
    int64_t scale = 1;
    for (int k = 0; k < p; ++k) scale *= 10;
    const int d = static_cast<int>((n / scale) % 10);
    if (d == 0) {
      gap = gap || started;
      continue;
    }
    if (gap) out += U'零';
    gap = false;
    out += kDigits[static_cast<size_t>(d)];
    out += kUnits[static_cast<size_t>(p)];
    started = true;
  }
  std::string utf8;
  for (char32_t c : out) AppendUtf8(c, &utf8);
  return utf8;
}

// 16 -> 十六, 105 -> 一百零五, 20000 -> 二万, 0 -> 〇.
std::string ChinesePositional(int64_t n) {
  if (n == 0) return "〇";
  const int64_t sections[3] = {n / 100000000, (n / 10000) % 10000, n % 10000};
  const char* units[3] = {"亿", "万", ""};
  std::string out;
  bool higher = false;
  for (int s = 0; s < 3; ++s) {
    if (sections[s] == 0) continue;
    if (higher && sections[s] < 1000) out += "零";
    out += ChineseSection(sections[s]) + units[s];
    higher = true;
  }
  if (out.rfind("一十", 0) == 0) out.erase(0, std::string("一").size());
  return out;
}

std::string ChineseDigits(const std::string& ascii) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  std::string out;
  for (char c : ascii) {
    if (c == '.') {
      out += "点";
    } else {
      AppendUtf8(kDigits[static_cast<size_t>(c - '0')], &out);
    }
  }
  return out;
}

std::string Roman(int64_t n) {
  static constexpr std::array<std::pair<int, const char*>, 13> kParts = {{{1000, "M"},
                                                                          {900, "CM"},
                                                                          {500, "D"},
                                                                          {400, "CD"},
                                                                          {100, "C"},
                                                                          {90, "XC"},
                                                                          {50, "L"},
                                                                          {40, "XL"},
                                                                          {10, "X"},
                                                                          {9, "IX"},
                                                                          {5, "V"},
                                                                          {4, "IV"},
                                                                          {1, "I"}}};
  std::string out;
  for (const auto& [v, s] : kParts) {
    while (n >= v) out += s, n -= v;
  }
  return out;
}

}  // namespace

std::vector<NumberToken> FindNumbers(std::string_view text) {
  const std::vector<Cp> cps = Decode(text);
  std::vector<NumberToken> out;
  size_t i = 0;
  while (i < cps.size()) {
    const char32_t c = cps[i].c;
    NumberToken tok;
    size_t next = i + 1;
    bool found = false;
    if (IsDigit(c)) {
      found = ReadDigits(cps, i, &tok, &next);
      if (!found) {
        next = i + 1;
        while (next < cps.size() && (IsDigit(cps[next].c) || IsWordLetter(cps[next].c))) ++next;
      }
    } else if (IsChineseNumeralChar(c)) {
      found = ReadChinese(cps, i, &tok, &next);
      if (!found) {
        next = i + 1;
        while (next < cps.size() && IsChineseNumeralChar(cps[next].c)) ++next;
      }
    } else if (IsAsciiLetter(c)) {
      found = ReadWord(cps, i, &tok, &next);
    }
    if (found) out.push_back(std::move(tok));
    i = std::max(next, i + 1);
  }
  return out;
}

bool RenderNumberLike(const std::string& value, const NumberToken& like, std::string_view like_text,
                      std::string* out) {
  const size_t dot = value.find('.');
  const std::string integer = value.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? "" : value.substr(dot + 1);
  const bool whole = fraction.empty();
  if (integer.size() > 15) return false;
  const int64_t n = std::stoll(integer);
  switch (like.form) {
    case NumberForm::kDigits:
    case NumberForm::kFullWidthDigits: {
      std::string digits = integer;
      if (like.pad > static_cast<int>(digits.size()))
        digits.insert(0, static_cast<size_t>(like.pad) - digits.size(), '0');
      if (like.grouped) digits = GroupThousands(digits);
      if (!whole) digits += "." + fraction;
      if (like.form == NumberForm::kDigits) {
        *out = digits;
      } else {
        out->clear();
        for (char c : digits)
          AppendUtf8(c >= '0' && c <= '9' ? 0xFF10 + static_cast<char32_t>(c - '0') : c, out);
      }
      return true;
    }
    case NumberForm::kChineseDigits:
      *out = ChineseDigits(value);
      return true;
    case NumberForm::kChineseNumeral:
      *out = ChinesePositional(n) + (whole ? "" : "点" + ChineseDigits(fraction));
      return true;
    case NumberForm::kOrdinal: {
      if (!whole) return false;
      const int64_t tens = n % 100, ones = n % 10;
      const char* suffix = tens >= 11 && tens <= 13 ? "th"
                           : ones == 1              ? "st"
                           : ones == 2              ? "nd"
                           : ones == 3              ? "rd"
                                                    : "th";
      *out = integer + suffix;
      std::string_view old = like_text.substr(like.begin, like.end - like.begin);
      if (!old.empty() && old.back() >= 'A' && old.back() <= 'Z') {
        for (char& ch : *out) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
      }
      return true;
    }
    case NumberForm::kMonthName: {
      if (!whole || n < 1 || n > 12) return false;
      std::string_view old = like_text.substr(like.begin, like.end - like.begin);
      std::string name(kMonths[static_cast<size_t>(n - 1)]), old_lower(old);
      for (char& ch : old_lower) ch = static_cast<char>(ch | 0x20);
      bool abbreviated = false;
      MonthOfWord(old_lower, &abbreviated);
      if (abbreviated) name = n == 9 && old.size() == 4 ? "sept" : name.substr(0, 3);
      const bool upper = old.size() > 1 && old[1] >= 'A' && old[1] <= 'Z';
      for (size_t k = 0; k < name.size(); ++k) {
        if (k == 0 || upper) name[k] = static_cast<char>(name[k] - 32);
      }
      *out = name;
      return true;
    }
    case NumberForm::kRoman:
      if (!whole || n < 1 || n > 3999) return false;
      *out = Roman(n);
      return true;
  }
  return false;
}

NumberAdaptation AdaptNumbers(std::string_view tm_source, std::string_view new_source,
                              std::string_view tm_target) {
  NumberAdaptation a;
  const std::vector<NumberToken> old_nums = FindNumbers(tm_source), new_nums = FindNumbers(new_source);
  if (old_nums.size() != new_nums.size()) {
    a.numbers_differ = true;
    a.changed = static_cast<int>(std::max(old_nums.size(), new_nums.size()));
    a.reason = "the sources have " + std::to_string(old_nums.size()) + " and " +
               std::to_string(new_nums.size()) + " numbers";
    return a;
  }
  struct Replacement {
    size_t begin, end;
    std::string text;
  };
  std::vector<Replacement> replacements;
  const std::vector<NumberToken> target_nums = FindNumbers(tm_target);
  for (size_t k = 0; k < old_nums.size(); ++k) {
    const NumberToken &o = old_nums[k], &w = new_nums[k];
    const std::string_view old_text = tm_source.substr(o.begin, o.end - o.begin);
    const std::string_view new_text = new_source.substr(w.begin, w.end - w.begin);
    if (old_text != new_text) ++a.changed;
    if (o.value == w.value) continue;
    // Where the old value stands in the target, in a form that maps: a month name only for a month.
    const NumberToken* at = nullptr;
    int count = 0;
    for (const NumberToken& t : target_nums) {
      if (t.value != o.value || (t.form == NumberForm::kMonthName && !o.month)) continue;
      at = &t;
      ++count;
    }
    if (count != 1) {
      a.reason =
          std::string(old_text) + (count == 0 ? " is not in the target"
                                              : " occurs " + std::to_string(count) + " times in the target");
      break;
    }
    for (const Replacement& r : replacements) {
      if (r.begin == at->begin) at = nullptr;
    }
    if (at == nullptr) {
      a.reason = std::string(old_text) + ": its place in the target is taken by another number";
      break;
    }
    std::string text;
    if (!RenderNumberLike(w.value, *at, tm_target, &text)) {
      a.reason = std::string(new_text) + " cannot be written as " +
                 std::string(tm_target.substr(at->begin, at->end - at->begin)) + " is";
      break;
    }
    replacements.push_back({at->begin, at->end, std::move(text)});
  }
  a.numbers_differ = a.changed > 0;
  if (!a.reason.empty()) return a;
  std::sort(replacements.begin(), replacements.end(),
            [](const Replacement& x, const Replacement& y) { return x.begin < y.begin; });
  size_t pos = 0;
  for (const Replacement& r : replacements) {
    a.target.append(tm_target.substr(pos, r.begin - pos)).append(r.text);
    pos = r.end;
  }
  a.target.append(tm_target.substr(pos));
  a.adapted = true;
  return a;
}

bool NumberValuesDiffer(std::string_view a, std::string_view b) {
  const std::vector<NumberToken> x = FindNumbers(a), y = FindNumbers(b);
  if (x.size() != y.size()) return true;
  for (size_t k = 0; k < x.size(); ++k) {
    if (x[k].value != y[k].value) return true;
  }
  return false;
}

}  // namespace tmalign
