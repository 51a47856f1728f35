// Finds and loads the dictionary resources shared by align and check.
#pragma once

#include <memory>
#include <string>

#include "dict/bilingual_lexicon.h"
#include "util/status.h"

namespace tmalign {

// `dict_path` empty: DefaultCedictPath(). `freq_path` empty: jieba's word list
// from Debian's python3-jieba when installed; "none" disables it.
Status LoadLexicon(const std::string& dict_path, const std::string& freq_path,
                   std::unique_ptr<BilingualLexicon>* out);

inline constexpr const char* kDefaultJiebaDict = "/usr/lib/python3/dist-packages/jieba/dict.txt";

}  // namespace tmalign
