// Bead: one alignment result, the sentence ids of each side (0-based) and a confidence, in the
// MAC-Dev / Bertalign text form "[3]:[4,5]", "[7]:[]".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace tmalign {

struct Bead {
  std::vector<int> src;
  std::vector<int> tgt;
  double confidence = 0;  // in [0,1]; 0 for parsed beads
};

std::string FormatBead(const Bead& bead);
// Parses one "[a,b]:[c]" line; `where` ("file:line") prefixes errors.
Status ParseBead(std::string_view line, std::string_view where, Bead* bead);
// Reads a whole .align file (blank lines ignored).
Status ReadBeadFile(const std::string& path, std::vector<Bead>* beads);
// "1-2", "1-0": sizes of the two sides.
std::string BeadType(const Bead& bead);

}  // namespace tmalign
