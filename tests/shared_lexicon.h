// The real CC-CEDICT lexicon, loaded once per test binary (loading takes about
// half a second), with jieba's word frequencies and WordNet when installed, as the CLI does.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "dict/bilingual_lexicon.h"
#include "dict/cedict.h"
#include "dict/lexicon_loader.h"

namespace tmalign::testing {

// nullptr when the dictionary file is absent; a load error fails loudly.
inline const BilingualLexicon* SharedLexicon() {
  static const std::unique_ptr<BilingualLexicon> lexicon = [] {
    std::unique_ptr<BilingualLexicon> out;
    const std::string path = DefaultCedictPath();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return out;
    const char* jieba = "/usr/lib/python3/dist-packages/jieba/dict.txt";
    Status s = BilingualLexicon::Load(path, std::filesystem::exists(jieba, ec) ? jieba : "", &out,
                                      DefaultWordNetDir());
    if (!s.ok()) {
      ADD_FAILURE() << "loading " << path << ": " << s.message();
      out.reset();
    }
    return out;
  }();
  return lexicon.get();
}

}  // namespace tmalign::testing

// Skips the current test when CC-CEDICT is not installed; binds `var` otherwise.
#define TMALIGN_REQUIRE_LEXICON(var)                                            \
  const ::tmalign::BilingualLexicon* var = ::tmalign::testing::SharedLexicon(); \
  if (var == nullptr)                                                           \
  GTEST_SKIP() << "CC-CEDICT not found at " << ::tmalign::DefaultCedictPath()   \
               << " (run scripts/fetch-cedict or set TMALIGN_DICT)"
