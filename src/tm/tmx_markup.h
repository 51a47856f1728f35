// TMX <seg> content: plain text for matching, and the inline markup (<ph>, <bpt>, <ept>,
// <it>, <ut>, <hi>, <sub>) kept as XML so it survives import -> export.
#pragma once

#include <string>

#include "util/safe_xml.h"

namespace tmalign {

struct SegContent {
  // Translatable text: character data and the text of <hi>/<sub>; the native codes inside
  // <ph>, <bpt>, <ept>, <it>, <ut> are not text.
  std::string text;
  bool has_markup = false;  // the <seg> had child elements
  std::string markup;       // its inner XML (escaped text + elements), when has_markup
};

SegContent ReadSegContent(const XmlNode& seg);

}  // namespace tmalign
