#include "tm/tmx_markup.h"

#include "util/xml_escape.h"

namespace tmalign {
namespace {

bool IsNativeCode(const std::string& local) {
  return local == "ph" || local == "bpt" || local == "ept" || local == "it" || local == "ut";
}

void Collect(const XmlNode& node, bool in_code, SegContent* out) {
  for (const XmlNode& c : node.children) {
    if (c.is_text) {
      if (!in_code) out->text += c.text;
      out->markup += XmlEscape(c.text);
      continue;
    }
    out->has_markup = true;
    out->markup += "<" + c.name;
    for (const auto& [k, v] : c.attributes) out->markup += " " + k + "=\"" + XmlEscape(v) + "\"";
    if (c.children.empty()) {
      out->markup += "/>";
      continue;
    }
    out->markup += ">";
    // <sub> inside native code is translatable text again.
    const std::string local = c.LocalName();
    Collect(c, local == "sub" ? false : (in_code || IsNativeCode(local)), out);
    out->markup += "</" + c.name + ">";
  }
}

}  // namespace

SegContent ReadSegContent(const XmlNode& seg) {
  SegContent out;
  bool elements = false;
  for (const XmlNode& c : seg.children) elements |= !c.is_text;
  if (!elements) {  // the common case: plain text, no markup to keep
    for (const XmlNode& c : seg.children) out.text += c.text;
    return out;
  }
  Collect(seg, false, &out);
  if (!out.has_markup) out.markup.clear();
  return out;
}

}  // namespace tmalign
