// One TMX translation unit (<tu>) and the TMX header, as tm/tmx_reader yields them and
// tm/tmx_writer writes them.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "util/safe_xml.h"

namespace tmalign {

struct TmxHeader {
  std::string src_lang;               // srclang ("zh-CN", or "*all*" when units differ)
  std::string creation_tool_version;  // creationtoolversion
};

// One <tuv>: a language and its segment (<seg>).
struct TmxVariant {
  std::string lang;  // xml:lang (or TMX 1.1 lang) as written
  // The segment's translatable text: character data and the text of <hi> and <sub>; the native
  // codes inside <ph>, <bpt>, <ept>, <it> and <ut> are not text.
  std::string text;
  // The segment's inner XML (escaped text and elements) when it has inline elements, so they
  // survive import -> export; written instead of `text` when set.
  std::optional<std::string> markup;

  // Reading only: where `text` comes from in the file (1-based; column in code points). The
  // position of the segment's text (0 when there is no <seg>), and where each stretch of it
  // starts (a stretch after inline markup or an entity reference does not continue the
  // previous column), sorted by offset.
  int line = 0;
  int column = 0;
  std::vector<XmlTextAnchor> anchors;  // offsets into text
};

struct TmxUnit {
  std::string id;  // tuid, may be empty
  int line = 0;    // reading only: line of the <tu> start tag
  // creationdate and changedate in ISO 8601 ("2024-05-01T12:00:00Z"). Read: converted from
  // TMX's "20240501T120000Z", a value in another form kept as written, "" when absent.
  // Written only when in that ISO form.
  std::string created_at, changed_at;
  std::vector<std::pair<std::string, std::string>> props;  // <prop type="...">value</prop>, in order
  std::vector<TmxVariant> variants;
};

}  // namespace tmalign
