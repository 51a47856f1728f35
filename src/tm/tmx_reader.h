// Streaming TMX reader: one callback per <tu>, memory bounded by the largest unit.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "util/status.h"

namespace tmalign {

struct TmxVariant {
  std::string lang;  // xml:lang (or TMX 1.1 lang) of the <tuv>, as written
  std::string text;  // <seg> text; inline tags dropped, their text content kept
  int line = 0;      // where the <seg> text starts (1-based; column in code points)
  int column = 0;
  struct Anchor {
    size_t offset;  // byte offset in text where a stretch from another file position starts
    int line;
    int column;
  };
  std::vector<Anchor> anchors;  // after inline tags and entity references; sorted by offset
};

struct TmxUnit {
  std::string id;  // tuid attribute, may be empty
  int line = 0;    // line of the <tu> start tag
  std::vector<std::pair<std::string, std::string>> props;  // <prop type="...">value</prop>
  std::vector<TmxVariant> variants;
};

// Reads `path`; fails with "file:line:column: message" on malformed XML, a root other than
// <tmx>, or any entity declaration. A callback error stops the read and is returned.
Status ReadTmx(const std::string& path, const std::function<Status(TmxUnit&& unit)>& on_unit);

}  // namespace tmalign
