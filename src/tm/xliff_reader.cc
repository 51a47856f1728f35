#include "tm/xliff_reader.h"

#include <cstdlib>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "util/safe_xml.h"
#include "util/xml_escape.h"

namespace tmalign {
namespace {

std::string At(const std::string& path, int line, int column) {
  return path + ":" + std::to_string(line) + ":" + std::to_string(column);
}

// XLIFF 1.2's native-code elements: their content is the original format's code, never text
// (TMX has the same four).
bool IsNativeCode(const std::string& local) {
  return local == "ph" || local == "bpt" || local == "ept" || local == "it";
}

// Codes without content: 1.2 <x/>, <bx/>, <ex/>; 2.x <ph/>, <sc/>, <ec/>, <sm/>, <em/>.
bool IsEmptyCode(const std::string& local) {
  return local == "x" || local == "bx" || local == "ex" || local == "ph" || local == "sc" || local == "ec" ||
         local == "sm" || local == "em";
}

void AppendCodePoint(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The element as it was written, start tag only ("<g id=\"1\">") or empty ("<x id=\"1\"/>").
std::string TagOf(const XmlNode& e, bool empty) {
  std::string tag = "<" + e.name;
  for (const auto& [k, v] : e.attributes) tag += " " + k + "=\"" + XmlEscape(v) + "\"";
  return tag + (empty ? "/>" : ">");
}

// Turns the inline content of an XLIFF <source>/<target> into TMX segment text and markup.
class InlineConverter {
 public:
  explicit InlineConverter(TmxVariant* v) : v_(v) {}

  void Walk(const XmlNode& node, bool in_code) {
    for (const XmlNode& c : node.children) {
      if (c.is_text) {
        if (!in_code) AppendText(c);
        markup_ += XmlEscape(c.text);
        continue;
      }
      const std::string local = c.LocalName();
      if (in_code) {  // 1.2 <sub> inside a native code is text again; anything else stays code
        if (local == "sub") {
          markup_ += "<sub>";
          Walk(c, false);
          markup_ += "</sub>";
        } else {
          markup_ += XmlEscape(TagOf(c, c.children.empty()));
          Walk(c, true);
          if (!c.children.empty()) markup_ += XmlEscape("</" + c.name + ">");
        }
        continue;
      }
      if (local == "cp") {  // 2.x: a code point XML cannot carry
        std::string hex = c.Attribute("hex");
        std::string ch;
        AppendCodePoint(static_cast<uint32_t>(std::strtoul(hex.c_str(), nullptr, 16)), &ch);
        v_->text += ch;
        markup_ += XmlEscape(ch);
      } else if (IsNativeCode(local) && !(local == "ph" && c.children.empty())) {
        // 1.2 native code: the same TMX element; bpt/ept pair through i (XLIFF's rid, else id).
        std::string id = c.Attribute("rid").empty() ? c.Attribute("id") : c.Attribute("rid");
        markup_ += "<" + local;
        if ((local == "bpt" || local == "ept") && !id.empty()) markup_ += " i=\"" + XmlEscape(id) + "\"";
        if (local == "it" && !c.Attribute("pos").empty())
          markup_ += " pos=\"" + XmlEscape(c.Attribute("pos")) + "\"";
        markup_ += ">";
        Walk(c, true);
        markup_ += "</" + local + ">";
      } else if (IsEmptyCode(local) || c.children.empty()) {
        markup_ += "<ph>" + XmlEscape(TagOf(c, true)) + "</ph>";
      } else {
        // <g>, <pc>, <mrk> and anything unknown: text inside, the tags as a bpt/ept pair.
        const std::string i = std::to_string(next_i_++);
        markup_ += "<bpt i=\"" + i + "\">" + XmlEscape(TagOf(c, false)) + "</bpt>";
        Walk(c, false);
        markup_ += "<ept i=\"" + i + "\">" + XmlEscape("</" + c.name + ">") + "</ept>";
      }
    }
  }

  std::string TakeMarkup() { return std::move(markup_); }

 private:
  void AppendText(const XmlNode& run) {
    for (const XmlTextAnchor& a : run.anchors) {
      v_->anchors.push_back(XmlTextAnchor{v_->text.size() + a.offset, a.line, a.column});
    }
    v_->text += run.text;
  }

  TmxVariant* v_;
  std::string markup_;
  int next_i_ = 1;
};

void ReadSide(const XmlNode& side, const std::string& lang, TmxVariant* v) {
  v->lang = lang;
  bool elements = false;
  for (const XmlNode& c : side.children) elements |= !c.is_text;
  InlineConverter conv(v);
  conv.Walk(side, false);
  if (elements) v->markup = conv.TakeMarkup();
  if (!v->anchors.empty()) {
    v->line = v->anchors.front().line;
    v->column = v->anchors.front().column;
  } else {
    std::tie(v->line, v->column) = side.TextPosition();
  }
}

// The first child element of `parent` with local name `local`, or null.
const XmlNode* ChildNamed(const XmlNode& parent, std::string_view local) {
  for (const XmlNode& c : parent.children)
    if (!c.is_text && c.LocalName() == local) return &c;
  return nullptr;
}

// The <source> and <target> children of `parent` (a 1.2 trans-unit or a 2.x segment) into `seg`.
void ReadSegment(const XmlNode& parent, const XliffFile& file, XliffSegment* seg) {
  for (const XmlNode& c : parent.children) {
    if (c.is_text) continue;
    const std::string local = c.LocalName();
    if (local == "source") {
      ReadSide(c, file.src_lang, &seg->source);
    } else if (local == "target") {
      seg->target.emplace();
      ReadSide(c, file.tgt_lang, &*seg->target);
      if (file.version.rfind("1.", 0) == 0) seg->state = c.Attribute("state");
    }
  }
}

// The <mrk mtype="seg"> elements under `side`, in order; they may sit inside <g> codes.
void CollectSegmentMarks(const XmlNode& side, std::vector<const XmlNode*>* marks) {
  for (const XmlNode& c : side.children) {
    if (c.is_text) continue;
    if (c.LocalName() == "mrk" && c.Attribute("mtype") == "seg") {
      marks->push_back(&c);
    } else {
      CollectSegmentMarks(c, marks);
    }
  }
}

// The statuses a CAT tool keeps outside the standard's state attribute, in a trans-unit:
// Trados Studio's <sdl:seg-defs><sdl:seg id=MID conf=...> (no conf: not translated yet),
// memoQ's mq:status on the unit.
class ToolStates {
 public:
  explicit ToolStates(const XmlNode& tu) {
    if (const std::string& mq = tu.Attribute("mq:status"); !mq.empty()) memoq_ = "mq:" + mq;
    const XmlNode* defs = ChildNamed(tu, "seg-defs");
    if (defs == nullptr || defs->name.rfind("sdl:", 0) != 0) return;
    for (const XmlNode& seg : defs->children)
      if (!seg.is_text && seg.LocalName() == "seg")
        studio_.emplace(seg.Attribute("id"), &seg.Attribute("conf"));
  }
  // Segment `mid`'s status ("sdl:Translated", "mq:ManuallyConfirmed"), "" when there is none.
  std::string Of(const std::string& mid) const {
    if (!memoq_.empty()) return memoq_;
    auto it = studio_.find(mid);
    if (it == studio_.end()) return "";
    return "sdl:" + (it->second->empty() ? std::string("NotTranslated") : *it->second);
  }

 private:
  std::string memoq_;
  std::unordered_map<std::string_view, const std::string*> studio_;  // mid -> conf
};

// A 1.2 trans-unit's segments: one per marked segment of its <seg-source> when its target
// (if any) marks them too, else the unit's <source> and <target> as one segment.
void ReadV1Segments(const XmlNode& tu, const XliffFile& file, std::vector<XliffSegment>* out) {
  const XmlNode* seg_source = ChildNamed(tu, "seg-source");
  const XmlNode* target = ChildNamed(tu, "target");
  std::vector<const XmlNode*> src_marks, tgt_marks;
  if (seg_source != nullptr) CollectSegmentMarks(*seg_source, &src_marks);
  if (target != nullptr) CollectSegmentMarks(*target, &tgt_marks);
  if (src_marks.empty() || (target != nullptr && tgt_marks.empty())) {
    XliffSegment& seg = out->emplace_back();
    ReadSegment(tu, file, &seg);
    if (seg.state.empty())
      seg.state = ToolStates(tu).Of(src_marks.size() == 1 ? src_marks[0]->Attribute("mid") : "");
    return;
  }
  const std::string unit_state = target != nullptr ? target->Attribute("state") : "";
  const ToolStates tool_states(tu);
  std::unordered_map<std::string_view, const XmlNode*> target_of;  // by mid; the first wins
  for (const XmlNode* t : tgt_marks) target_of.emplace(t->Attribute("mid"), t);
  for (const XmlNode* mark : src_marks) {
    XliffSegment& seg = out->emplace_back();
    const std::string& mid = mark->Attribute("mid");
    ReadSide(*mark, file.src_lang, &seg.source);
    if (auto t = target_of.find(mid); t != target_of.end()) {
      seg.target.emplace();
      ReadSide(*t->second, file.tgt_lang, &*seg.target);
    }
    seg.state = unit_state.empty() ? tool_states.Of(mid) : unit_state;
  }
}

}  // namespace

Status ReadXliff(const std::string& path, const XliffReadHandlers& handlers) {
  XliffFile file;
  XmlStreamHandlers h;
  h.reject_doctype = true;
  h.on_root = [&](const XmlNode& root) {
    if (root.LocalName() != "xliff") {
      return Status::InvalidInput(At(path, root.line, root.column) + ": not an XLIFF file (root element <" +
                                  root.name + ">)");
    }
    file.version = root.Attribute("version");
    if (file.version != "1.2" && file.version != "1.1" && file.version.rfind("2.", 0) != 0) {
      return Status::InvalidInput(At(path, root.line, root.column) + ": unsupported XLIFF version '" +
                                  file.version + "' (1.2 and 2.x are read)");
    }
    if (file.version.rfind("2.", 0) == 0) {
      file.src_lang = root.Attribute("srcLang");
      file.tgt_lang = root.Attribute("trgLang");
      file.line = root.line;
      file.column = root.column;
    }
    return Status::Ok();
  };
  // translate="yes"/"no" holds for everything inside an element that says it, until an inner
  // element says otherwise: the innermost open <file>/<group>'s value (true: translatable).
  std::vector<bool> translatable = {true};
  auto inherit = [&](const XmlNode& e) {
    const std::string& t = e.Attribute("translate");
    return t == "no" ? false : t == "yes" ? true : translatable.back();
  };
  h.announce = {"file", "group"};
  h.on_close = [&](const std::string&) {
    if (translatable.size() > 1) translatable.pop_back();
    return Status::Ok();
  };
  h.on_start = [&](const XmlNode& start) {
    // 1.2 has no translate on <file>; 2.x has, so a 2.x file's value counts.
    const bool is_v1 = file.version.rfind("1.", 0) == 0;
    translatable.push_back(start.LocalName() == "file" && is_v1 ? translatable.back() : inherit(start));
    if (start.LocalName() == "group") return Status::Ok();
    if (is_v1) {
      file.src_lang = start.Attribute("source-language");
      file.tgt_lang = start.Attribute("target-language");
      file.original = start.Attribute("original");
      file.line = start.line;
      file.column = start.column;
    } else {
      file.original = start.Attribute("id");
    }
    return handlers.on_file ? handlers.on_file(file) : Status::Ok();
  };
  h.capture = {"trans-unit", "unit"};
  h.on_element = [&](XmlNode&& u) -> Status {
    const bool is_v1 = file.version.rfind("1.", 0) == 0;
    // A 2.x file has no <trans-unit> and a 1.2 file no <unit>: a stray one is not a unit.
    if ((u.LocalName() == "trans-unit") != is_v1) return Status::Ok();
    XliffUnit unit;
    unit.id = u.Attribute("id");
    unit.line = u.line;
    unit.column = u.column;
    unit.translate = inherit(u);
    if (is_v1) {
      unit.approved = u.Attribute("approved") == "yes";
      ReadV1Segments(u, file, &unit.segments);
    } else {
      for (const XmlNode& c : u.children) {
        if (c.is_text || c.LocalName() != "segment") continue;
        XliffSegment& seg = unit.segments.emplace_back();
        ReadSegment(c, file, &seg);
        seg.state = c.Attribute("state").empty() ? "initial" : c.Attribute("state");
      }
    }
    return handlers.on_unit(std::move(unit));
  };
  return ParseXmlFile(path, h);
}

}  // namespace tmalign
