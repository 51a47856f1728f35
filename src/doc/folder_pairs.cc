#include "doc/folder_pairs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace tmalign {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Longest first, so "zh-cn" is dropped whole rather than leaving "zh-".
const char* const kTags[] = {"zh-hans", "zh-hant", "zh-cn", "zh_cn", "en-us", "en_us", "en-gb",
                             "en_gb",   "chs",     "eng",   "zh",    "cn",    "tw",    "en"};

Status ListFiles(const std::string& dir, std::vector<fs::path>* files) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::IoError(dir + ": not a folder");
  fs::directory_iterator it(dir, ec), end;
  if (ec) return Status::IoError(dir + ": cannot read the folder: " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return Status::IoError(dir + ": cannot read the folder: " + ec.message());
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || !it->is_regular_file(ec)) continue;
    files->push_back(it->path());
  }
  std::sort(files->begin(), files->end());
  return Status::Ok();
}

// stem -> paths with that stem in one folder.
std::map<std::string, std::vector<std::string>> ByStem(const std::vector<fs::path>& files) {
  std::map<std::string, std::vector<std::string>> out;
  for (const fs::path& f : files) out[StemWithoutLanguageTag(f.filename().string())].push_back(f.string());
  return out;
}

}  // namespace

std::string StemWithoutLanguageTag(const std::string& file_name) {
  std::string stem = file_name;
  const size_t dot = stem.rfind('.');
  if (dot != std::string::npos && dot > 0 && stem.size() - dot <= 6) stem.erase(dot);  // the extension
  const std::string lower = Lower(stem);
  for (const char* tag : kTags) {
    const std::string t(tag);
    if (lower.size() <= t.size() + 1) continue;
    const size_t at = lower.size() - t.size();
    const char sep = lower[at - 1];
    if (lower.compare(at, t.size(), t) == 0 && (sep == '.' || sep == '_' || sep == '-')) {
      return stem.substr(0, at - 1);
    }
  }
  return stem;
}

Status PairFolderFiles(const std::string& zh_dir, const std::string& en_dir, FolderPairing* out) {
  *out = FolderPairing();
  std::vector<fs::path> zh_files, en_files;
  TMALIGN_RETURN_IF_ERROR(ListFiles(zh_dir, &zh_files));
  TMALIGN_RETURN_IF_ERROR(ListFiles(en_dir, &en_files));
  auto zh = ByStem(zh_files), en = ByStem(en_files);
  for (auto& [stem, zh_paths] : zh) {
    auto e = en.find(stem);
    if (zh_paths.size() == 1 && e != en.end() && e->second.size() == 1) {
      out->pairs.push_back(FilePair{zh_paths[0], e->second[0], stem});
      en.erase(e);
    } else {
      out->unpaired.insert(out->unpaired.end(), zh_paths.begin(), zh_paths.end());
    }
  }
  for (auto& [stem, en_paths] : en)
    out->unpaired.insert(out->unpaired.end(), en_paths.begin(), en_paths.end());
  std::sort(out->unpaired.begin(), out->unpaired.end());
  return Status::Ok();
}

Status ReadPairsFile(const std::string& path, std::vector<FilePair>* pairs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open file");
  const fs::path base = fs::path(path).parent_path();
  std::set<std::string> ids;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      fields.push_back(line.substr(start, tab - start));
    }
    fields.push_back(line.substr(start));
    const std::string where = path + ":" + std::to_string(n) + ": ";
    if (fields.size() != 3) return Status::InvalidInput(where + "expected ZH_PATH<TAB>EN_PATH<TAB>ID");
    if (fields[2].empty()) return Status::InvalidInput(where + "empty document id");
    if (!ids.insert(fields[2]).second)
      return Status::InvalidInput(where + "document id '" + fields[2] + "' given twice");
    auto resolve = [&](const std::string& p) { return fs::path(p).is_absolute() ? p : (base / p).string(); };
    pairs->push_back(FilePair{resolve(fields[0]), resolve(fields[1]), fields[2]});
  }
  return Status::Ok();
}

}  // namespace tmalign
