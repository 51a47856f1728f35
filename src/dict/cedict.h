// CC-CEDICT reader: the Chinese-English dictionary behind lexical matching,
// pinyin anchors and segmentation (format: "Trad Simp [pin1 yin1] /gloss/gloss/").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace tmalign {

struct CedictEntry {
  std::string_view traditional;
  std::string_view simplified;
  std::string_view pinyin;   // syllables with tone digits, space-separated
  std::string_view glosses;  // "/gloss/gloss/" without the outer slashes
};

class Cedict {
 public:
  // Reads a CEDICT-format file; a malformed line is an error naming path:line.
  static Status Load(const std::string& path, Cedict* out);
  // Parses text already in memory (tests); `name` is used in errors.
  static Status Parse(std::string text, std::string_view name, Cedict* out);

  const std::vector<CedictEntry>& entries() const { return entries_; }
  const std::string& path() const { return path_; }

 private:
  std::string text_;  // owns the bytes the entries point into
  std::vector<CedictEntry> entries_;
  std::string path_;
};

// --dict, else $TMALIGN_DICT, else ${XDG_CACHE_HOME:-~/.cache}/tmalign/cedict_ts.u8.
std::string DefaultCedictPath();

}  // namespace tmalign
