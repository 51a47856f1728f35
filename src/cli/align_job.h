// What one `tmalign align` run does, from its command line: two files (align SRC TGT) or
// two folders (align ZH_DIR EN_DIR, cli/align_folder.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "align/document_alignment.h"
#include "dict/bilingual_lexicon.h"
#include "util/status.h"

namespace tmalign::cli {

struct AlignJob {
  std::string src, tgt;       // files, or folders (Chinese first) in folder mode
  bool folders = false;       // src and tgt are folders
  std::string format;         // beads | tsv | json | tmx
  bool format_given = false;  // --format on the command line (not the default)
  std::string output;         // -o; "" or "-": standard output; a folder in folder mode
  bool store = false;         // --tm or --doc: store the beads in the TM
  std::string tm_path, doc_id, title;
  std::string src_lang, tgt_lang;  // --src-lang, --tgt-lang as given
  std::vector<std::string> glossaries;
  std::string dict, lexicon_path;
  bool verbose = false;
  int jobs = 0;            // folder mode: pairs aligned at once (0: all cores)
  std::string pairs_file;  // folder mode: --pairs FILE
  bool force = false;      // folder mode: re-align pairs the TM holds unchanged
  DocumentAlignmentOptions options;
};

// The dictionary (CC-CEDICT, segmentation lexicon) with the --glossary terms added.
Status LoadDictionary(const AlignJob& job, std::unique_ptr<BilingualLexicon>* lexicon);

}  // namespace tmalign::cli
