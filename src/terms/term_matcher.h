// TermMatcher: finds glossary terms in Chinese text and their renderings in English text,
// with one multi-pattern automaton per language (built once per glossary).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "terms/aho_corasick.h"
#include "terms/glossary.h"

namespace tmalign {

// A glossary term found in Chinese text; byte offsets into the text searched.
struct ZhHit {
  size_t term = 0;  // index into Glossary::entries()
  size_t begin = 0, end = 0;
};

enum class RenderingKind { kApproved, kVariant, kForbidden };

// An English rendering found in English text; byte offsets into the text searched
// (end includes an inflection suffix such as "s" or "'s").
struct EnHit {
  size_t term = 0;
  RenderingKind kind = RenderingKind::kApproved;
  size_t form = 0;  // index into variants / forbidden (0 for approved)
  size_t begin = 0, end = 0;
  bool case_exact =
      true;  // the letters match the glossary form exactly (meaningful for case_sensitive terms)
};

class TermMatcher {
 public:
  // Keeps a reference to `glossary`, which must outlive the matcher.
  explicit TermMatcher(const Glossary& glossary);
  ~TermMatcher();
  TermMatcher(const TermMatcher&) = delete;
  TermMatcher& operator=(const TermMatcher&) = delete;

  // Terms in Chinese text on the normalized form (T->S, full/half width), longest match
  // first, no overlaps, and none that an ICU word crosses: a word may hold the whole term
  // (血压 in 高血压) but not start or end strictly inside it (联盟链 in 联盟|链接); a term of
  // one Han character must be a word of its own.
  // Thread-safe, as every const call of the matcher (one ICU BreakIterator per thread).
  std::vector<ZhHit> FindZh(std::string_view text) const;
  // Renderings in English text on word boundaries, case-insensitive, allowing plural and
  // possessive endings, hyphen/space/line-break between words and curly/straight quotes;
  // longest match first, no overlaps. One hit per (term, form) that a matched span names.
  // `overlapped`, when given, receives the matches the longest-first choice left out
  // ("outbreak" inside "disease outbreak"), by position.
  std::vector<EnHit> FindEn(std::string_view text, std::vector<EnHit>* overlapped = nullptr) const;

  const Glossary& glossary() const { return glossary_; }
  // The glossary form an EnHit refers to.
  const std::string& FormText(const EnHit& hit) const;

 private:
  struct EnPayload {
    size_t term;
    RenderingKind kind;
    size_t form;
    bool ies;  // pattern is the -ies plural of a form ending in consonant + y
  };
  const Glossary& glossary_;
  AhoCorasick zh_automaton_;
  std::vector<std::vector<size_t>> zh_terms_;  // pattern id -> terms
  AhoCorasick en_automaton_;
  AhoCorasick extra_words_;  // words that ICU's dictionary splits but a term must not cut
  std::vector<std::vector<EnPayload>> en_payloads_;  // pattern id -> payloads
};

// English text prepared for matching: normalized, runs of spaces/hyphens/line breaks
// collapsed to one space. origin maps each byte back to the input (size() + 1 entries).
struct CanonicalEnglish {
  std::string text;
  std::vector<uint32_t> origin;
};
CanonicalEnglish CanonicalizeEnglish(std::string_view utf8);

}  // namespace tmalign
