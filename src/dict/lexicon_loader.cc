#include "dict/lexicon_loader.h"

#include <filesystem>

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
  return BilingualLexicon::Load(dict, freq, out);
}

}  // namespace tmalign
