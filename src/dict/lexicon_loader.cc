#include "dict/lexicon_loader.h"

#include <cstdlib>
#include <filesystem>

#include "dict/wordnet.h"

namespace tmalign {

Status LoadLexicon(const std::string& dict_path, const std::string& freq_path,
                   std::unique_ptr<BilingualLexicon>* out) {
  std::string dict = dict_path.empty() ? DefaultCedictPath() : dict_path;
  std::string freq = freq_path;
  if (freq.empty()) {
    std::error_code ec;
    if (std::filesystem::exists(kDefaultJiebaDict, ec)) freq = kDefaultJiebaDict;
  } else if (freq == "none") {
    freq.clear();
  }
  return BilingualLexicon::Load(dict, freq, out, DefaultWordNetDir());
}

std::string DefaultWordNetDir() {
  if (const char* env = std::getenv("TMALIGN_WORDNET"); env && *env)
    return std::string_view(env) == "none" ? std::string() : std::string(env);
  std::error_code ec;
  const std::string dir = kDefaultWordNetDir;
  return std::filesystem::exists(dir + "/index.verb", ec) ? dir : std::string();
}

}  // namespace tmalign
