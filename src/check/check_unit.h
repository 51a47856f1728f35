// CheckUnit: one translation unit to check, independent of where it came from
// (aligned files, TSV, XLIFF, TMX, a translation memory, a bare target file).
#pragma once

#include <string>
#include <vector>

namespace tmalign {

// A stretch of text and where its first character sits in its file (1-based; column in code points).
struct TextPiece {
  std::string text;
  std::string file;
  int line = 1;
  int column = 1;
  // Optional: where later stretches of text start (after inline markup or entities in XML);
  // sorted by offset. Without anchors, positions run on from line/column.
  struct Anchor {
    size_t offset;
    int line;
    int column;
  };
  std::vector<Anchor> anchors;
  // From a document (DOCX, ODT, HTML, PDF): `line` is the paragraph number, and `page`
  // the PDF page (0: none).
  bool paragraph = false;
  int page = 0;
};

// Pieces of one side are joined with a space for matching. An empty source means
// only source-free checks apply (forbidden renderings, wrong case).
struct CheckUnit {
  std::string id;        // unit id for XLIFF/TMX/TM; may be empty
  std::string document;  // units with the same document are checked for consistency together
  std::vector<TextPiece> source, target;
};

// 1-based position of a finding or term; line == 0 means "no position".
struct TextLocation {
  std::string file;
  int line = 0;  // for a document: the paragraph (TextPiece::paragraph)
  int column = 0;
  bool paragraph = false;
  int page = 0;
};

// The location of byte `offset` of the joined side text (pieces joined with one space).
TextLocation LocateInPieces(const std::vector<TextPiece>& pieces, size_t offset);
// The pieces joined with one space.
std::string JoinPieces(const std::vector<TextPiece>& pieces);

}  // namespace tmalign
