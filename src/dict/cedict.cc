#include "dict/cedict.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "text/line_reader.h"

namespace tmalign {

Status Cedict::Load(const std::string& path, Cedict* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IoError(path +
                           ": cannot read the dictionary (run scripts/fetch-cedict, or pass --dict FILE)");
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  TMALIGN_RETURN_IF_ERROR(Parse(buf.str(), path, out));
  out->path_ = path;
  return Status::Ok();
}

Status Cedict::Parse(std::string text, std::string_view name, Cedict* out) {
  out->text_ = std::move(text);
  out->entries_.clear();
  // One entry a line at most: CC-CEDICT's ~125k without regrowing, a small text without 8 MB.
  out->entries_.reserve(static_cast<size_t>(std::count(out->text_.begin(), out->text_.end(), '\n')) + 1);
  LineReader lines(out->text_);
  std::string_view line;
  while (lines.Next(&line)) {
    const int line_no = lines.line_number();
    if (line.empty() || line[0] == '#') continue;
    size_t sp1 = line.find(' ');
    size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    size_t lb = line.find('[');
    size_t rb = line.find(']', lb == std::string_view::npos ? 0 : lb);
    size_t slash = line.find('/', rb == std::string_view::npos ? 0 : rb);
    if (sp2 == std::string_view::npos || lb == std::string_view::npos || rb == std::string_view::npos ||
        slash == std::string_view::npos || lb < sp2) {
      return Status::InvalidInput(std::string(name) + ":" + std::to_string(line_no) +
                                  ": not a CEDICT line (expected 'Trad Simp [pinyin] /gloss/')");
    }
    CedictEntry e;
    e.traditional = line.substr(0, sp1);
    e.simplified = line.substr(sp1 + 1, sp2 - sp1 - 1);
    e.pinyin = line.substr(lb + 1, rb - lb - 1);
    std::string_view glosses = line.substr(slash + 1);
    while (!glosses.empty() && (glosses.back() == '/' || glosses.back() == ' ')) glosses.remove_suffix(1);
    e.glosses = glosses;
    out->entries_.push_back(e);
  }
  if (out->entries_.empty()) {
    return Status::InvalidInput(std::string(name) + ": no dictionary entries");
  }
  return Status::Ok();
}

std::string DefaultCedictPath() {
  if (const char* env = std::getenv("TMALIGN_DICT"); env && *env) return env;
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  // Built by constructors and append: GCC 12 warns falsely (-Wrestrict) on assignment here.
  std::string path = (xdg && *xdg)     ? std::string(xdg)
                     : (home && *home) ? std::string(home).append("/.cache")
                                       : std::string(".");
  path.append("/tmalign/cedict_ts.u8");
  return path;
}

}  // namespace tmalign
