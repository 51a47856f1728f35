// Match normalization: the form in which glossary terms and drafts are compared.
// The result is used for matching only and never stored or shown.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace tmalign {

// Normalized text with a map back to the input it came from.
struct NormalizedText {
  std::string text;
  // origin[i] = byte offset in the input of the code point that produced text byte i;
  // origin.size() == text.size() + 1 and origin.back() == input size.
  std::vector<uint32_t> origin;
};

// NFKC (full-width -> half-width), case folding, Traditional -> Simplified (OpenCC t2s,
// phrase level), curly quotes and 「」『』 -> straight, dashes and hyphens -> '-'.
class MatchNormalizer {
 public:
  ~MatchNormalizer();
  // Fails when OpenCC's t2s.json cannot be loaded.
  static Status Create(std::unique_ptr<MatchNormalizer>* out);
  // Process-wide instance created on first use; aborts if OpenCC data is missing.
  static const MatchNormalizer& Shared();

  std::string Normalize(std::string_view utf8) const;
  NormalizedText NormalizeWithOrigin(std::string_view utf8) const;
  // Normalize() without the Traditional -> Simplified step (the costly one).
  std::string FoldWidthAndCase(std::string_view utf8) const;
  // Traditional -> Simplified only; everything else is left as is.
  std::string ToSimplified(std::string_view utf8) const;

 private:
  MatchNormalizer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tmalign
