// XLIFF and TMX inputs of `tmalign check` (declared in check/unit_sources.h).
#include "check/unit_sources.h"
#include "text/language.h"
#include "tm/tmx_reader.h"
#include "util/safe_xml.h"

namespace tmalign {

namespace {

TextPiece PieceOf(const XmlNode& element, const std::string& path) {
  TextPiece p;
  std::vector<XmlTextAnchor> anchors;
  p.text = element.TextContentWithAnchors(&anchors);
  p.file = path;
  std::tie(p.line, p.column) = element.TextPosition();
  for (const XmlTextAnchor& a : anchors) p.anchors.push_back(TextPiece::Anchor{a.offset, a.line, a.column});
  return p;
}

}  // namespace

Status UnitsFromXliffFile(const std::string& path, std::vector<CheckUnit>* units) {
  XmlStreamHandlers h;
  h.on_root = [&](const XmlNode& root) {
    if (root.LocalName() != "xliff") {
      return Status::InvalidInput(path + ":" + std::to_string(root.line) +
                                  ": not an XLIFF file (root element <" + root.name + ">)");
    }
    const std::string& version = root.Attribute("version");
    if (version != "1.2" && version != "1.1" && version.rfind("2.", 0) != 0) {
      return Status::InvalidInput(path + ":" + std::to_string(root.line) + ": unsupported XLIFF version '" +
                                  version + "' (1.2 and 2.x are read)");
    }
    return Status::Ok();
  };
  h.capture = {"trans-unit", "unit"};
  h.on_element = [&](XmlNode&& u) {
    CheckUnit unit;
    unit.id = u.Attribute("id");
    unit.document = path;
    auto take = [&](const XmlNode& parent) {
      for (const XmlNode& c : parent.children) {
        if (c.is_text) continue;
        if (c.LocalName() == "source") unit.source.push_back(PieceOf(c, path));
        if (c.LocalName() == "target") unit.target.push_back(PieceOf(c, path));
      }
    };
    take(u);  // XLIFF 1.2: source/target are children of trans-unit
    for (const XmlNode& c : u.children) {
      if (!c.is_text && c.LocalName() == "segment") take(c);  // XLIFF 2: unit/segment/source
    }
    bool has_target = false;
    for (const TextPiece& p : unit.target)
      has_target |= p.text.find_first_not_of(" \t\r\n") != std::string::npos;
    if (has_target) units->push_back(std::move(unit));  // untranslated units have nothing to check
    return Status::Ok();
  };
  return ParseXmlFile(path, h);
}

Status UnitsFromTmxFile(const std::string& path, std::vector<CheckUnit>* units) {
  return ReadTmx(path, [&](TmxUnit&& tu) {
    CheckUnit unit;
    unit.id = tu.id.empty() ? "line " + std::to_string(tu.line) : tu.id;
    unit.document = path;
    for (TmxVariant& v : tu.variants) {
      const Language lang = ParseLanguageCode(v.lang);
      if (lang == Language::kUnknown) continue;
      TextPiece p{std::move(v.text), path, v.line, v.column, {}};
      for (const auto& a : v.anchors) p.anchors.push_back(TextPiece::Anchor{a.offset, a.line, a.column});
      (lang == Language::kZh ? unit.source : unit.target).push_back(std::move(p));
    }
    if (!unit.target.empty()) units->push_back(std::move(unit));
    return Status::Ok();
  });
}

}  // namespace tmalign
