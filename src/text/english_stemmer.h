// Light English stemmer for lexical matching: folds inflection (plural,
// possessive, -ed, -ing, comparative) so "chains"/"chain" and "reinforced"/
// "reinforce" meet. Not Porter: derivation is kept ("digitalization" stays).
#pragma once

#include <string>
#include <string_view>

namespace tmalign {

// `word` must be lowercase ASCII letters (apostrophes allowed); returns its stem.
std::string StemEnglishWord(std::string_view word);

}  // namespace tmalign
