#include "tm/tmx_reader.h"

#include <tuple>
#include <utility>

#include "util/safe_xml.h"
#include "util/xml_escape.h"

namespace tmalign {
namespace {

// TMX date "20240501T120000Z" -> "2024-05-01T12:00:00Z"; anything else is kept as written.
std::string IsoFromTmxDate(const std::string& d) {
  if (d.size() != 16 || d[8] != 'T' || d[15] != 'Z') return d;
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2) + "T" + d.substr(9, 2) + ":" +
         d.substr(11, 2) + ":" + d.substr(13, 2) + "Z";
}

bool IsNativeCode(const std::string& local) {
  return local == "ph" || local == "bpt" || local == "ept" || local == "it" || local == "ut";
}

void AppendText(const XmlNode& run, TmxVariant* v) {
  for (const XmlTextAnchor& a : run.anchors) {
    v->anchors.push_back(XmlTextAnchor{v->text.size() + a.offset, a.line, a.column});
  }
  v->text += run.text;
}

// Walks a <seg> with inline elements: its text (outside native codes) into v, and the
// elements re-serialized into `markup`, so what is stored is well-formed whatever the input's
// quoting and entity style.
void CollectInline(const XmlNode& node, bool in_code, TmxVariant* v, std::string* markup) {
  for (const XmlNode& c : node.children) {
    if (c.is_text) {
      if (!in_code) AppendText(c, v);
      *markup += XmlEscape(c.text);
      continue;
    }
    *markup += "<" + c.name;
    for (const auto& [k, value] : c.attributes) *markup += " " + k + "=\"" + XmlEscape(value) + "\"";
    if (c.children.empty()) {
      *markup += "/>";
      continue;
    }
    *markup += ">";
    // <sub> inside native code is translatable text again.
    const std::string local = c.LocalName();
    CollectInline(c, local == "sub" ? false : (in_code || IsNativeCode(local)), v, markup);
    *markup += "</" + c.name + ">";
  }
}

void ReadSegment(XmlNode& seg, TmxVariant* v) {
  v->text.clear();
  v->anchors.clear();
  v->markup.reset();
  bool elements = false;
  for (const XmlNode& c : seg.children) elements |= !c.is_text;
  if (!elements) {
    // The common case, plain text (one run: expat's chunks are joined): moved, not copied.
    for (XmlNode& c : seg.children) {
      if (&c == &seg.children.front()) {
        v->text = std::move(c.text);
        v->anchors = std::move(c.anchors);
      } else {
        AppendText(c, v);
      }
    }
  } else {
    std::string markup;
    CollectInline(seg, false, v, &markup);
    v->markup = std::move(markup);
  }
  if (!v->anchors.empty()) {
    v->line = v->anchors.front().line;
    v->column = v->anchors.front().column;
  } else {
    std::tie(v->line, v->column) = seg.TextPosition();
  }
}

TmxUnit UnitOf(XmlNode& tu) {
  TmxUnit unit;
  unit.id = tu.Attribute("tuid");
  unit.line = tu.line;
  unit.created_at = IsoFromTmxDate(tu.Attribute("creationdate"));
  unit.changed_at = IsoFromTmxDate(tu.Attribute("changedate"));
  for (XmlNode& c : tu.children) {
    if (c.is_text) continue;
    const std::string local = c.LocalName();
    if (local == "prop") {
      unit.props.emplace_back(c.Attribute("type"), c.TextContent());
      continue;
    }
    if (local != "tuv") continue;
    TmxVariant& v = unit.variants.emplace_back();
    v.lang = c.Attribute("xml:lang");
    if (v.lang.empty()) v.lang = c.Attribute("lang");
    // One <seg> a <tuv> in TMX; should there be more, the last one counts.
    XmlNode* seg = nullptr;
    for (XmlNode& s : c.children) {
      if (!s.is_text && s.LocalName() == "seg") seg = &s;
    }
    if (seg != nullptr) ReadSegment(*seg, &v);
  }
  return unit;
}

}  // namespace

Status ReadTmx(const std::string& path, const TmxReadHandlers& handlers) {
  XmlStreamHandlers h;
  h.on_root = [&](const XmlNode& root) {
    if (root.LocalName() != "tmx") {
      return Status::InvalidInput(path + ":" + std::to_string(root.line) + ":" + std::to_string(root.column) +
                                  ": not a TMX file (root element <" + root.name + ">)");
    }
    return Status::Ok();
  };
  h.capture = {"header", "tu"};
  h.on_element = [&](XmlNode&& node) -> Status {
    if (node.LocalName() == "header") {
      if (!handlers.on_header) return Status::Ok();
      return handlers.on_header(TmxHeader{node.Attribute("srclang"), node.Attribute("creationtoolversion")});
    }
    return handlers.on_unit(UnitOf(node));
  };
  return ParseXmlFile(path, h);
}

Status ReadTmx(const std::string& path, const std::function<Status(TmxUnit&& unit)>& on_unit) {
  return ReadTmx(path, TmxReadHandlers{nullptr, on_unit});
}

}  // namespace tmalign
