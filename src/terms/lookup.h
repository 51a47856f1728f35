// Glossary lookup: which entries a piece of text names, in Chinese or English.
#pragma once

#include <string_view>
#include <vector>

#include "terms/term_matcher.h"

namespace tmalign {

// Indices of entries whose zh or any English form contains `query` (normalized), or that
// the matchers find inside `query` (so a whole sentence can be looked up); in glossary order.
std::vector<size_t> LookupTerms(const TermMatcher& matcher, std::string_view query);

}  // namespace tmalign
