// Pairing the files of a Chinese folder with those of an English folder, for aligning a
// back catalogue at once (`tmalign align ZH_DIR EN_DIR`).
#pragma once

#include <string>
#include <vector>

#include "util/status.h"

namespace tmalign {

// One document: its two files and its id in the TM and in output names.
struct FilePair {
  std::string zh_path, en_path;
  std::string id;
};

struct FolderPairing {
  std::vector<FilePair> pairs;        // ordered by id
  std::vector<std::string> unpaired;  // paths of files with no partner, ordered
};

// A file name's stem once its extension and a language tag are dropped:
// "bulletin-07.zh.docx", "bulletin-07_cn.pdf", "bulletin-07-zh-CN.html" and
// "bulletin-07_en.txt" all give "bulletin-07" (tags: zh, cn, chs, zh-cn, zh_cn, zh-hans,
// zh-hant, tw, en, eng, en-us, en_us, en-gb, en_gb, after '.', '_' or '-'; case ignored).
// A name with no tag is its own stem ("001" stays "001").
std::string StemWithoutLanguageTag(const std::string& file_name);

// Pairs the regular, non-hidden files directly in zh_dir and en_dir by stem (any format on
// either side). A stem that two files of one folder share leaves both unpaired. Errors:
// a folder that does not exist or cannot be read.
Status PairFolderFiles(const std::string& zh_dir, const std::string& en_dir, FolderPairing* out);

// Reads a --pairs file: TSV lines "ZH_PATH<TAB>EN_PATH<TAB>ID" (relative paths are taken from
// the TSV file's folder; blank lines and lines starting with '#' skipped). Errors name the
// file and line: a wrong number of fields, an empty id, an id given twice.
Status ReadPairsFile(const std::string& path, std::vector<FilePair>* pairs);

}  // namespace tmalign
