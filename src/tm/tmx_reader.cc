#include "tm/tmx_reader.h"

#include "util/safe_xml.h"

namespace tmalign {

Status ReadTmx(const std::string& path, const std::function<Status(TmxUnit&& unit)>& on_unit) {
  XmlStreamHandlers h;
  h.on_root = [&](const XmlNode& root) {
    if (root.LocalName() != "tmx") {
      return Status::InvalidInput(path + ":" + std::to_string(root.line) + ": not a TMX file (root element <" +
                                  root.name + ">)");
    }
    return Status::Ok();
  };
  h.capture = {"tu"};
  h.on_element = [&](XmlNode&& tu) {
    TmxUnit unit;
    unit.id = tu.Attribute("tuid");
    unit.line = tu.line;
    for (const XmlNode& c : tu.children) {
      if (c.is_text) continue;
      if (c.LocalName() == "prop") unit.props.emplace_back(c.Attribute("type"), c.TextContent());
      if (c.LocalName() != "tuv") continue;
      TmxVariant v;
      v.lang = c.Attribute("xml:lang");
      if (v.lang.empty()) v.lang = c.Attribute("lang");
      for (const XmlNode& s : c.children) {
        if (s.is_text || s.LocalName() != "seg") continue;
        std::vector<XmlTextAnchor> anchors;
        v.text = s.TextContentWithAnchors(&anchors);
        std::tie(v.line, v.column) = s.TextPosition();
        for (const XmlTextAnchor& a : anchors) v.anchors.push_back(TmxVariant::Anchor{a.offset, a.line, a.column});
      }
      unit.variants.push_back(std::move(v));
    }
    return on_unit(std::move(unit));
  };
  return ParseXmlFile(path, h);
}

}  // namespace tmalign
