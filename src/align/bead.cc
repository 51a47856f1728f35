#include "align/bead.h"

#include <cctype>
#include <fstream>

namespace tmalign {
namespace {

std::string FormatIds(const std::vector<int>& ids) {
  std::string out = "[";
  for (size_t k = 0; k < ids.size(); ++k) {
    if (k) out += ',';
    out += std::to_string(ids[k]);
  }
  out += ']';
  return out;
}

// Parses "[1, 2]" at `*pos`.
bool ParseIds(std::string_view s, size_t* pos, std::vector<int>* ids) {
  auto skip_space = [&] {
    while (*pos < s.size() && std::isspace(static_cast<unsigned char>(s[*pos]))) ++*pos;
  };
  skip_space();
  if (*pos >= s.size() || s[*pos] != '[') return false;
  ++*pos;
  skip_space();
  if (*pos < s.size() && s[*pos] == ']') {
    ++*pos;
    return true;
  }
  while (true) {
    skip_space();
    size_t start = *pos;
    long value = 0;
    while (*pos < s.size() && std::isdigit(static_cast<unsigned char>(s[*pos]))) {
      value = value * 10 + (s[*pos] - '0');
      if (value > 100000000) return false;
      ++*pos;
    }
    if (*pos == start) return false;
    ids->push_back(static_cast<int>(value));
    skip_space();
    if (*pos < s.size() && s[*pos] == ',') {
      ++*pos;
      continue;
    }
    if (*pos < s.size() && s[*pos] == ']') {
      ++*pos;
      return true;
    }
    return false;
  }
}

}  // namespace

std::string FormatBead(const Bead& bead) { return FormatIds(bead.src) + ":" + FormatIds(bead.tgt); }

std::string BeadType(const Bead& bead) {
  return std::to_string(bead.src.size()) + "-" + std::to_string(bead.tgt.size());
}

Status ParseBead(std::string_view line, std::string_view where, Bead* bead) {
  bead->src.clear();
  bead->tgt.clear();
  size_t pos = 0;
  bool ok = ParseIds(line, &pos, &bead->src);
  while (ok && pos < line.size() && std::isspace(static_cast<unsigned char>(line[pos]))) ++pos;
  ok = ok && pos < line.size() && line[pos++] == ':';
  ok = ok && ParseIds(line, &pos, &bead->tgt);
  while (ok && pos < line.size() && std::isspace(static_cast<unsigned char>(line[pos]))) ++pos;
  if (!ok || pos != line.size()) {
    return Status::InvalidInput(std::string(where) + ": not a bead (expected e.g. [3]:[4,5])");
  }
  if (bead->src.empty() && bead->tgt.empty()) {
    return Status::InvalidInput(std::string(where) + ": a bead needs at least one sentence");
  }
  return Status::Ok();
}

Status ReadBeadFile(const std::string& path, std::vector<Bead>* beads) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot read");
  beads->clear();
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Bead bead;
    TMALIGN_RETURN_IF_ERROR(ParseBead(line, path + ":" + std::to_string(line_no), &bead));
    beads->push_back(std::move(bead));
  }
  return Status::Ok();
}

}  // namespace tmalign
