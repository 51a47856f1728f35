// XLIFF and TMX inputs of `tmalign check` (declared in check/unit_sources.h).
#include "check/unit_sources.h"
#include "text/language.h"
#include "tm/tmx_reader.h"
#include "tm/xliff_reader.h"
#include "util/safe_xml.h"

namespace tmalign {

namespace {

TextPiece PieceOf(TmxVariant* side, const std::string& path) {
  TextPiece p{std::move(side->text), path, side->line, side->column, {}};
  for (const XmlTextAnchor& a : side->anchors)
    p.anchors.push_back(TextPiece::Anchor{a.offset, a.line, a.column});
  return p;
}

}  // namespace

Status UnitsFromXliffFile(const std::string& path, std::vector<CheckUnit>* units) {
  XliffReadHandlers h;
  h.on_unit = [&](XliffUnit&& xu) {
    if (!xu.translate) return Status::Ok();  // locked text: its target, if any, is no translation
    CheckUnit unit;
    unit.id = xu.id;
    unit.document = path;
    bool has_target = false;
    for (XliffSegment& seg : xu.segments) {
      unit.source.push_back(PieceOf(&seg.source, path));
      if (!seg.target) continue;
      has_target |= seg.target->text.find_first_not_of(" \t\r\n") != std::string::npos;
      unit.target.push_back(PieceOf(&*seg.target, path));
    }
    if (has_target) units->push_back(std::move(unit));  // untranslated units have nothing to check
    return Status::Ok();
  };
  return ReadXliff(path, h);
}

Status UnitsFromTmxFile(const std::string& path, std::vector<CheckUnit>* units) {
  return ReadTmx(path, [&](TmxUnit&& tu) {
    CheckUnit unit;
    unit.id = tu.id.empty() ? "line " + std::to_string(tu.line) : tu.id;
    unit.document = path;
    for (TmxVariant& v : tu.variants) {
      const Language lang = ParseLanguageCode(v.lang);
      if (lang == Language::kUnknown) continue;
      (lang == Language::kZh ? unit.source : unit.target).push_back(PieceOf(&v, path));
    }
    if (!unit.target.empty()) units->push_back(std::move(unit));
    return Status::Ok();
  });
}

}  // namespace tmalign
