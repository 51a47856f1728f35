#include "terms/lookup.h"

#include <set>

#include "text/normalize.h"

namespace tmalign {

std::vector<size_t> LookupTerms(const TermMatcher& matcher, std::string_view query) {
  const auto& entries = matcher.glossary().entries();
  const MatchNormalizer& norm = MatchNormalizer::Shared();
  std::set<size_t> found;
  for (const ZhHit& h : matcher.FindZh(query)) found.insert(h.term);
  for (const EnHit& h : matcher.FindEn(query)) found.insert(h.term);
  const std::string q = norm.Normalize(query);
  if (!q.empty()) {
    for (size_t i = 0; i < entries.size(); ++i) {
      const TermEntry& e = entries[i];
      bool hit = norm.Normalize(e.zh).find(q) != std::string::npos ||
                 norm.Normalize(e.en).find(q) != std::string::npos;
      for (const auto& v : e.variants) hit = hit || norm.Normalize(v).find(q) != std::string::npos;
      for (const auto& f : e.forbidden) hit = hit || norm.Normalize(f).find(q) != std::string::npos;
      if (hit) found.insert(i);
    }
  }
  return std::vector<size_t>(found.begin(), found.end());
}

}  // namespace tmalign
