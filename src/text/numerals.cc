#include "text/numerals.h"

#include <string>
#include <unordered_map>

namespace tmalign {
namespace {

int DigitValue(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int64_t UnitValue(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
    case U'萬':
      return 10000;
    case U'亿':
    case U'億':
      return 100000000;
    default:
      return 0;
  }
}

}  // namespace

bool IsChineseNumeralChar(char32_t c) { return DigitValue(c) >= 0 || UnitValue(c) > 0; }

bool ParseChineseNumeral(std::u32string_view run, int64_t* value) {
  if (run.empty()) return false;
  bool has_unit = false;
  for (char32_t c : run) {
    if (!IsChineseNumeralChar(c)) return false;
    if (UnitValue(c) > 0) has_unit = true;
  }
  if (!has_unit) {
    // Digit by digit: 二〇二一 -> 2021. A lone 一 or 两 is usually "a"/"two of", still a number.
    int64_t v = 0;
    for (char32_t c : run) v = v * 10 + DigitValue(c);
    *value = v;
    return true;
  }
  // Positional: 三千五百二十 -> 3520, 十五 -> 15, 两万 -> 20000.
  int64_t total = 0, section = 0, digit = 0;
  bool after_digit = false;
  for (char32_t c : run) {
    int d = DigitValue(c);
    if (d >= 0) {
      // Two digits in a row (十四五) is not one number; 零 as a gap (一百零五) is.
      if (after_digit && digit != 0) return false;
      digit = d;
      after_digit = true;
      continue;
    }
    after_digit = false;
    int64_t unit = UnitValue(c);
    if (unit >= 10000) {
      section += digit;
      total += (section == 0 ? 1 : section) * unit;
      section = 0;
    } else {
      section += (digit == 0 ? 1 : digit) * unit;
    }
    digit = 0;
  }
  *value = total + section + digit;
  return true;
}

bool ParsePlanNumber(std::u32string_view run, int64_t* value) {
  if (run.size() < 3 || run.back() != U'五') return false;
  int64_t prefix;
  if (ParseChineseNumeral(run, &prefix)) return false;  // 二十五 is just 25
  if (!ParseChineseNumeral(run.substr(0, run.size() - 1), &prefix) || prefix < 6 || prefix > 30) return false;
  *value = prefix;
  return true;
}

bool ParseEnglishOrdinal(std::string_view word, int64_t* value) {
  size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  if (digits == 0 || digits > 9) return false;
  std::string_view suffix = word.substr(digits);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return false;
  *value = std::stoll(std::string(word.substr(0, digits)));
  return true;
}

bool ParseRomanNumeral(std::string_view upper, int64_t* value) {
  static const std::unordered_map<std::string_view, int64_t> kRoman = {
      {"I", 1},    {"II", 2},   {"III", 3},   {"IV", 4},     {"V", 5},    {"VI", 6},    {"VII", 7},
      {"VIII", 8}, {"IX", 9},   {"X", 10},    {"XI", 11},    {"XII", 12}, {"XIII", 13}, {"XIV", 14},
      {"XV", 15},  {"XVI", 16}, {"XVII", 17}, {"XVIII", 18}, {"XIX", 19}, {"XX", 20}};
  // Asked of every English word: most fail here, without hashing.
  if (upper.empty() || upper.size() > 5 || upper.find_first_not_of("IVX") != std::string_view::npos)
    return false;
  auto it = kRoman.find(upper);
  if (it == kRoman.end()) return false;
  *value = it->second;
  return true;
}

bool ParseEnglishNumberWord(std::string_view word, int64_t* value) {
  static const std::unordered_map<std::string_view, int64_t> kWords = {
      {"zero", 0},      {"one", 1},         {"two", 2},           {"three", 3},
      {"four", 4},      {"five", 5},        {"six", 6},           {"seven", 7},
      {"eight", 8},     {"nine", 9},        {"ten", 10},          {"eleven", 11},
      {"twelve", 12},   {"thirteen", 13},   {"fourteen", 14},     {"fifteen", 15},
      {"sixteen", 16},  {"seventeen", 17},  {"eighteen", 18},     {"nineteen", 19},
      {"twenty", 20},   {"thirty", 30},     {"forty", 40},        {"fifty", 50},
      {"sixty", 60},    {"seventy", 70},    {"eighty", 80},       {"ninety", 90},
      {"hundred", 100}, {"thousand", 1000}, {"million", 1000000}, {"billion", 1000000000},
      {"dozen", 12}};
  if (word.size() < 3 || word.size() > 9) return false;  // "one" .. "seventeen": most words fail here
  auto it = kWords.find(word);
  if (it == kWords.end()) return false;
  *value = it->second;
  return true;
}

}  // namespace tmalign
