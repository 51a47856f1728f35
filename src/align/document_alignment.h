// Document alignment: the whole job on two files. Reads and decodes them,
// tells which is Chinese, splits (or takes one sentence per line), aligns,
// and returns the beads with everything a writer or a checker needs.
#pragma once

#include <string>
#include <vector>

#include "align/aligner.h"
#include "align/bead.h"
#include "dict/bilingual_lexicon.h"
#include "doc/document.h"
#include "text/language.h"
#include "text/sentence_splitter.h"
#include "util/status.h"

namespace tmalign {

struct DocumentAlignmentOptions {
  bool presplit = false;     // line i of each file (paragraph i of a document) is sentence i
  DocumentReadOptions read;  // format (default: from the content), encoding, notes; for both files
  Language src_lang = Language::kUnknown;  // kUnknown: detect from the text
  Language tgt_lang = Language::kUnknown;
  AlignOptions align;
};

struct AlignedSide {
  std::string path;
  Language lang = Language::kUnknown;
  DocumentFormat format = DocumentFormat::kText;  // as read; for documents a sentence's line is its paragraph
  std::string encoding;                           // as detected or given
  std::string sha256;                             // of the file's bytes
  std::vector<int> pages;                         // PDF: the page of each paragraph (DocumentText::pages)
  std::string note;  // what the reader noticed (DocumentText::note), for --verbose
  std::vector<Sentence> sentences;

  // The 1-based page of a sentence on `line`, or 0 when not a PDF.
  int PageOfLine(int line) const { return tmalign::PageOfLine(pages, line); }
};

struct AlignedDocument {
  AlignedSide src, tgt;
  std::vector<Bead> beads;  // src ids index src.sentences, tgt ids tgt.sentences
  AlignProfile profile;     // where the aligner's time went
};

// Aligns `src_path` with `tgt_path`, each a text file or a document (doc/document.h); one
// must be Chinese and the other English. Errors name the file: unreadable, undecodable,
// empty, a damaged document, same language.
Status AlignDocumentFiles(const std::string& src_path, const std::string& tgt_path,
                          const BilingualLexicon& lexicon, const DocumentAlignmentOptions& options,
                          AlignedDocument* out);

// AlignDocumentFiles in its two steps, for a caller with something to do meanwhile (the
// align command loads the dictionary while the files are read). ReadDocumentFiles reads,
// decodes and splits both files into `out` (no beads yet) and the aligner's `input`, with
// AlignDocumentFiles's errors but those of aligning; AlignReadDocument then aligns `input`
// into out->beads.
Status ReadDocumentFiles(const std::string& src_path, const std::string& tgt_path,
                         const DocumentAlignmentOptions& options, AlignedDocument* out, AlignInput* input);
Status AlignReadDocument(const AlignInput& input, const BilingualLexicon& lexicon,
                         const DocumentAlignmentOptions& options, AlignedDocument* out);

// The text of sentences `ids` of a side, joined as the language writes
// (no space between Chinese sentences, one space between English ones).
std::string JoinSentences(const AlignedSide& side, const std::vector<int>& ids);

}  // namespace tmalign
