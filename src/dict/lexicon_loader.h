// Finds and loads the dictionary resources shared by align and check.
#pragma once

#include <memory>
#include <string>

#include "dict/bilingual_lexicon.h"
#include "util/status.h"

namespace tmalign {

// `dict_path` empty: DefaultCedictPath(). `freq_path` empty: jieba's word list
// from Debian's python3-jieba when installed; "none" disables it. WordNet
// (synonyms and irregular forms, dict/wordnet.h) comes from $TMALIGN_WORDNET when
// set ("none" disables it), else from Debian's wordnet-base when installed; without
// it the lexicon is CEDICT's alone.
Status LoadLexicon(const std::string& dict_path, const std::string& freq_path,
                   std::unique_ptr<BilingualLexicon>* out);

inline constexpr const char* kDefaultJiebaDict = "/usr/lib/python3/dist-packages/jieba/dict.txt";

// The WordNet folder LoadLexicon uses: empty when none.
std::string DefaultWordNetDir();

}  // namespace tmalign
