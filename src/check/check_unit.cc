#include "check/check_unit.h"

#include <algorithm>

namespace tmalign {

std::string JoinPieces(const std::vector<TextPiece>& pieces) {
  std::string out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i) out += ' ';
    out += pieces[i].text;
  }
  return out;
}

TextLocation LocateInPieces(const std::vector<TextPiece>& pieces, size_t offset) {
  TextLocation loc;
  if (pieces.empty()) return loc;
  size_t start = 0;
  size_t idx = 0;
  for (; idx + 1 < pieces.size(); ++idx) {
    const size_t next = start + pieces[idx].text.size() + 1;
    if (offset < next) break;
    start = next;
  }
  const TextPiece& p = pieces[idx];
  const size_t local = std::min(offset - std::min(offset, start), p.text.size());
  loc.file = p.file;
  loc.line = p.line;
  loc.paragraph = p.paragraph;
  loc.page = p.page;
  int column = p.column;
  size_t i = 0;
  for (const TextPiece::Anchor& a : p.anchors) {
    if (a.offset > local) break;
    i = a.offset;
    loc.line = a.line;
    column = a.column;
  }
  for (; i < local; ++i) {
    const unsigned char c = static_cast<unsigned char>(p.text[i]);
    if (c == '\n') {
      ++loc.line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  loc.column = column;
  return loc;
}

}  // namespace tmalign
