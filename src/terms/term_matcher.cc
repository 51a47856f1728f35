#include "terms/term_matcher.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "text/normalize.h"

namespace tmalign {

namespace {

bool IsSeparator(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '-';
}

// Invisible format characters that editors and converters leave inside words: soft hyphen,
// zero-width space/non-joiner/joiner, word joiner, BOM. They are dropped before matching, so
// "align<SHY>ment" is "alignment" and 联<ZWSP>盟链 is 联盟链 (origins stay exact).
size_t IgnorableAt(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (i + 1 < s.size() && b(0) == 0xC2 && b(1) == 0xAD) return 2;
  if (i + 2 < s.size() && b(0) == 0xE2 && b(1) == 0x80 && b(2) >= 0x8B && b(2) <= 0x8D) return 3;
  if (i + 2 < s.size() && b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0xA0) return 3;
  if (i + 2 < s.size() && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return 3;
  return 0;
}

NormalizedText NormalizeForTerms(std::string_view utf8) {
  NormalizedText n = MatchNormalizer::Shared().NormalizeWithOrigin(utf8);
  size_t i = 0;
  while (i < n.text.size() && IgnorableAt(n.text, i) == 0) ++i;
  if (i == n.text.size()) return n;
  size_t out = i;
  while (i < n.text.size()) {
    if (const size_t len = IgnorableAt(n.text, i)) {
      i += len;
      continue;
    }
    n.text[out] = n.text[i];
    n.origin[out++] = n.origin[i++];
  }
  n.origin[out] = n.origin.back();
  n.text.resize(out);
  n.origin.resize(out + 1);
  return n;
}

bool IsWordCodePoint(UChar32 c) {
  return c >= 0 && (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC));
}

// The code point that starts at byte i / ends right before byte i.
UChar32 CodePointAt(std::string_view s, size_t i) {
  if (i >= s.size()) return -1;
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return c;
}
UChar32 CodePointBefore(std::string_view s, size_t i) {
  if (i == 0) return -1;
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
  return c;
}

// Letters and digits of a rendering, case kept, full-width folded: compared for `case` terms.
std::u32string CaseKey(std::string_view s) {
  std::u32string key;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (IsWordCodePoint(c)) key.push_back(static_cast<char32_t>(c));
  }
  return key;
}

// Greedy longest-first selection of non-overlapping spans; returns indices into spans.
struct Span {
  size_t begin, end;
  int id;
};
std::vector<size_t> SelectLongestFirst(const std::vector<Span>& spans) {
  std::vector<size_t> order(spans.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const size_t la = spans[a].end - spans[a].begin, lb = spans[b].end - spans[b].begin;
    if (la != lb) return la > lb;
    return spans[a].begin < spans[b].begin;
  });
  std::vector<std::pair<size_t, size_t>> taken;  // sorted by begin, disjoint
  std::vector<size_t> chosen;
  for (size_t idx : order) {
    const Span& s = spans[idx];
    auto it = std::lower_bound(taken.begin(), taken.end(), std::make_pair(s.begin, size_t{0}));
    if (it != taken.end() && it->first < s.end) continue;
    if (it != taken.begin() && std::prev(it)->second > s.begin) continue;
    taken.insert(it, {s.begin, s.end});
    chosen.push_back(idx);
  }
  std::sort(chosen.begin(), chosen.end(),
            [&](size_t a, size_t b) { return spans[a].begin < spans[b].begin; });
  return chosen;
}

}  // namespace

namespace {

// ICU's Chinese word BreakIterator, one per thread (an iterator holds the text it walks), so
// that one matcher serves several threads.
icu::BreakIterator* ThreadWordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale("zh"), err));
    if (U_FAILURE(err)) bi.reset();
    return bi;
  }();
  return it.get();
}

}  // namespace

CanonicalEnglish CanonicalizeEnglish(std::string_view utf8) {
  NormalizedText n = NormalizeForTerms(utf8);
  CanonicalEnglish c;
  c.text.reserve(n.text.size());
  c.origin.reserve(n.text.size() + 1);
  bool pending_space = false;
  uint32_t space_origin = 0;
  for (size_t i = 0; i < n.text.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(n.text[i]);
    if (IsSeparator(ch)) {
      if (!pending_space) space_origin = n.origin[i];
      pending_space = true;
      continue;
    }
    if (pending_space) {
      c.text.push_back(' ');
      c.origin.push_back(space_origin);
      pending_space = false;
    }
    c.text.push_back(static_cast<char>(ch));
    c.origin.push_back(n.origin[i]);
  }
  if (pending_space) {
    c.text.push_back(' ');
    c.origin.push_back(space_origin);
  }
  c.origin.push_back(n.origin.back());
  return c;
}

TermMatcher::TermMatcher(const Glossary& glossary) : glossary_(glossary) {
  const auto& entries = glossary.entries();
  for (size_t t = 0; t < entries.size(); ++t) {
    const std::string zh = NormalizeForTerms(entries[t].zh).text;
    if (zh.empty()) continue;
    const int id = zh_automaton_.Add(zh);
    if (static_cast<size_t>(id) >= zh_terms_.size()) zh_terms_.resize(static_cast<size_t>(id) + 1);
    zh_terms_[static_cast<size_t>(id)].push_back(t);

    auto add_form = [&](const std::string& form, RenderingKind kind, size_t index) {
      std::string canon = CanonicalizeEnglish(form).text;
      while (!canon.empty() && canon.back() == ' ') canon.pop_back();
      size_t lead = 0;
      while (lead < canon.size() && canon[lead] == ' ') ++lead;
      canon.erase(0, lead);
      if (canon.empty()) return;
      auto add = [&](const std::string& pattern, bool ies) {
        const int pid = en_automaton_.Add(pattern);
        if (static_cast<size_t>(pid) >= en_payloads_.size())
          en_payloads_.resize(static_cast<size_t>(pid) + 1);
        en_payloads_[static_cast<size_t>(pid)].push_back(EnPayload{t, kind, index, ies});
      };
      add(canon, false);
      // "alliance policy" -> "alliance policies": the automaton cannot derive -ies from -y.
      if (canon.size() >= 2 && canon.back() == 'y' &&
          std::string_view("aeiou").find(canon[canon.size() - 2]) == std::string_view::npos &&
          std::isalpha(static_cast<unsigned char>(canon[canon.size() - 2]))) {
        add(canon.substr(0, canon.size() - 1) + "ies", true);
      }
    };
    add_form(entries[t].en, RenderingKind::kApproved, 0);
    for (size_t i = 0; i < entries[t].variants.size(); ++i)
      add_form(entries[t].variants[i], RenderingKind::kVariant, i);
    for (size_t i = 0; i < entries[t].forbidden.size(); ++i) {
      add_form(entries[t].forbidden[i], RenderingKind::kForbidden, i);
    }
  }
  zh_automaton_.Build();
  en_automaton_.Build();
  for (const char* word : {"链接", "超链接"}) extra_words_.Add(word);
  extra_words_.Build();
}

TermMatcher::~TermMatcher() = default;

const std::string& TermMatcher::FormText(const EnHit& hit) const {
  const TermEntry& e = glossary_.entries()[hit.term];
  switch (hit.kind) {
    case RenderingKind::kVariant:
      return e.variants[hit.form];
    case RenderingKind::kForbidden:
      return e.forbidden[hit.form];
    default:
      return e.en;
  }
}

std::vector<ZhHit> TermMatcher::FindZh(std::string_view text) const {
  std::vector<ZhHit> hits;
  if (zh_automaton_.pattern_count() == 0) return hits;
  const NormalizedText n = NormalizeForTerms(text);
  std::vector<Span> spans;
  zh_automaton_.FindAll(n.text, [&](int id, size_t b, size_t e) { spans.push_back(Span{b, e, id}); });
  if (spans.empty()) return hits;

  // A term is a word of its own unless a word of ICU's segmentation crosses one of its ends
  // (联盟链 in 联盟链接 is not: ICU gives 联盟|链接, and 链接 crosses its end). A word that
  // holds the whole term does not cross it: 血压 in 高血压 and 湖北 in 湖北省 are checked.
  // A term of one Han character must still be a word of its own (链 in 区块链 is not 链).
  std::vector<bool> boundary(n.text.size() + 1, false);
  UErrorCode err = U_ZERO_ERROR;
  icu::BreakIterator* bi = ThreadWordBreaker();
  // Only the stretch of text between the separators around the hits is segmented: a space
  // or punctuation that no word rule joins across always ends a word, so the words inside
  // come out as they do in the whole text.
  size_t lo = spans.front().begin, hi = spans.front().end;
  for (const Span& s : spans) {
    lo = std::min(lo, s.begin);
    hi = std::max(hi, s.end);
  }
  auto separator_at = [&](size_t i) {  // the code point at byte i (a lead byte) separates words
    const UChar32 c = CodePointAt(n.text, i);
    if (c < 0 || !(u_isUWhiteSpace(c) || u_ispunct(c))) return false;
    const UChar32 before = CodePointBefore(n.text, i), after = CodePointAt(n.text, i + U8_LENGTH(c));
    const auto joinable = [](UChar32 x) {
      return IsWordCodePoint(x) && !u_hasBinaryProperty(x, UCHAR_IDEOGRAPHIC);
    };
    return !(joinable(before) && joinable(after));  // "1,000", "U.S.", "can't" stay words
  };
  while (lo > 0) {
    size_t prev = lo - 1;
    while (prev > 0 && (static_cast<unsigned char>(n.text[prev]) & 0xC0) == 0x80) --prev;
    if (separator_at(prev)) break;
    lo = prev;
  }
  while (hi < n.text.size() && !separator_at(hi)) {
    const UChar32 c = CodePointAt(n.text, hi);
    hi += c < 0 ? 1 : static_cast<size_t>(U8_LENGTH(c));
  }
  UText* ut = utext_openUTF8(nullptr, n.text.data() + lo, static_cast<int64_t>(hi - lo), &err);
  if (U_SUCCESS(err) && bi != nullptr) {
    bi->setText(ut, err);
    for (int32_t b = bi->first(); b != icu::BreakIterator::DONE; b = bi->next()) {
      if (b >= 0 && lo + static_cast<size_t>(b) <= n.text.size())
        boundary[lo + static_cast<size_t>(b)] = true;
    }
  } else {
    std::fill(boundary.begin(), boundary.end(), true);
  }
  utext_close(ut);
  // Words that ICU 72's dictionary lacks (it splits 联盟链接 as 联盟|链|接): their inside
  // is not a boundary either.
  extra_words_.FindAll(n.text, [&](int, size_t b, size_t e) {
    for (size_t i = b + 1; i < e; ++i) boundary[i] = false;
  });
  auto whole_word = [&](const Span& s) { return boundary[s.begin] && boundary[s.end]; };
  auto uncrossed = [&](const Span& s) {
    // The word around the start must not end inside the term, the word around the end
    // must not start inside it: either way, a boundary inside the term with one of its
    // ends not a boundary.
    if (boundary[s.begin] && boundary[s.end]) return true;
    for (size_t i = s.begin + 1; i < s.end; ++i) {
      if (boundary[i]) return false;
    }
    return true;
  };
  auto single_han = [&](const Span& s) {
    const UChar32 c = CodePointAt(n.text, s.begin);
    return s.end - s.begin <= 4 && c >= 0 && U8_LENGTH(c) == static_cast<int>(s.end - s.begin) &&
           u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
  };
  std::vector<Span> kept;
  for (const Span& s : spans) {
    if (whole_word(s) || (!single_han(s) && uncrossed(s))) kept.push_back(s);
  }
  for (size_t idx : SelectLongestFirst(kept)) {
    const Span& s = kept[idx];
    for (size_t term : zh_terms_[static_cast<size_t>(s.id)]) {
      hits.push_back(ZhHit{term, n.origin[s.begin], n.origin[s.end]});
    }
  }
  return hits;
}

std::vector<EnHit> TermMatcher::FindEn(std::string_view text, std::vector<EnHit>* overlapped) const {
  std::vector<EnHit> hits;
  if (en_automaton_.pattern_count() == 0) return hits;
  const CanonicalEnglish c = CanonicalizeEnglish(text);
  const std::string_view t = c.text;
  std::vector<Span> spans;
  en_automaton_.FindAll(t, [&](int id, size_t b, size_t e) {
    if (IsWordCodePoint(CodePointAt(t, b)) && IsWordCodePoint(CodePointBefore(t, b)))
      return;  // "chain" in "blockchain"
    if (!IsWordCodePoint(CodePointBefore(t, e))) {
      spans.push_back(Span{b, e, id});
      return;
    }
    if (!IsWordCodePoint(CodePointAt(t, e))) {
      if (e < t.size() && t[e] == '\'') {  // possessive "chains'" or "chain's"
        if (e + 1 < t.size() && t[e + 1] == 's' && !IsWordCodePoint(CodePointAt(t, e + 2))) {
          spans.push_back(Span{b, e + 2, id});
          return;
        }
      }
      spans.push_back(Span{b, e, id});
      return;
    }
    // Plural endings: -s, -es (and their possessives); -ies has its own pattern.
    const bool ies_pattern = en_payloads_[static_cast<size_t>(id)].front().ies;
    if (ies_pattern) return;
    for (std::string_view suffix : {"s'", "s", "es'", "es", "'s"}) {
      if (t.substr(e, suffix.size()) == suffix && !IsWordCodePoint(CodePointAt(t, e + suffix.size()))) {
        spans.push_back(Span{b, e + suffix.size(), id});
        return;
      }
    }
  });
  auto add_hits = [&](const Span& s, std::vector<EnHit>* out) {
    const size_t begin = c.origin[s.begin], end = c.origin[s.end];
    std::u32string found_key;
    bool have_key = false;
    for (const EnPayload& p : en_payloads_[static_cast<size_t>(s.id)]) {
      EnHit hit;
      hit.term = p.term;
      hit.kind = p.kind;
      hit.form = p.form;
      hit.begin = begin;
      hit.end = end;
      if (glossary_.entries()[p.term].case_sensitive) {
        if (!have_key) {
          found_key = CaseKey(text.substr(begin, end - begin));
          have_key = true;
        }
        std::u32string form_key = CaseKey(FormText(hit));
        if (p.ies && !form_key.empty()) form_key.pop_back();  // compare the stem before -y/-ies
        hit.case_exact = found_key.compare(0, form_key.size(), form_key) == 0;
      }
      out->push_back(hit);
    }
  };
  const std::vector<size_t> chosen = SelectLongestFirst(spans);
  for (size_t idx : chosen) add_hits(spans[idx], &hits);
  if (overlapped != nullptr) {
    std::vector<bool> is_chosen(spans.size(), false);
    for (size_t idx : chosen) is_chosen[idx] = true;
    std::vector<size_t> rest;
    for (size_t i = 0; i < spans.size(); ++i) {
      if (!is_chosen[i]) rest.push_back(i);
    }
    std::sort(rest.begin(), rest.end(), [&](size_t a, size_t b) {
      return std::make_pair(spans[a].begin, spans[a].end) < std::make_pair(spans[b].begin, spans[b].end);
    });
    for (size_t idx : rest) add_hits(spans[idx], overlapped);
  }
  return hits;
}

}  // namespace tmalign
