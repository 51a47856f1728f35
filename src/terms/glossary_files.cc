#include "terms/glossary_files.h"

#include <algorithm>
#include <cctype>

#include "terms/tbx.h"

namespace tmalign {

namespace {

std::string LowerExtension(const std::string& path) {
  const size_t dot = path.find_last_of('.');
  const size_t slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

}  // namespace

Status LoadGlossaryFile(const std::string& path, Glossary* glossary) {
  const std::string ext = LowerExtension(path);
  if (ext == "csv") return glossary->LoadCsv(path);
  if (ext == "tbx") return LoadTbx(path, glossary);
  return glossary->LoadTsv(path);
}

Status LoadGlossaryFiles(const std::vector<std::string>& paths, Glossary* glossary) {
  for (const std::string& path : paths) TMALIGN_RETURN_IF_ERROR(LoadGlossaryFile(path, glossary));
  return Status::Ok();
}

}  // namespace tmalign
