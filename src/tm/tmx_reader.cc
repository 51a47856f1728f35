#include "tm/tmx_reader.h"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

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

// The attribute's value, or "" when absent.
std::string AttributeOf(const char** attributes, std::string_view attr) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (attr == attributes[i]) return attributes[i + 1];
  }
  return std::string();
}

bool IsNativeCode(std::string_view local) {
  return local == "ph" || local == "bpt" || local == "ept" || local == "it" || local == "ut";
}

// Builds each <tu> straight from the parser's events: a subtree of elements per unit, built and
// walked, cost as much as parsing itself. What it yields is what walking that subtree gave: a
// unit's props and variants are its direct <prop> and <tuv> children, a variant's segment is
// the last <seg> child of its <tuv>, and everything else is skipped.
class TmxUnitBuilder {
 public:
  TmxUnitBuilder(const std::string& path, const TmxReadHandlers& handlers)
      : path_(path), handlers_(handlers) {}

  Status Start(const char* name, const char** attributes, int line, int column) {
    if (!seen_root_) {
      seen_root_ = true;
      if (XmlLocalName(name) != "tmx") {
        return Status::InvalidInput(path_ + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                    ": not a TMX file (root element <" + name + ">)");
      }
      return Status::Ok();
    }
    ++depth_;
    if (in_ == kNone) {
      const std::string_view local = XmlLocalName(name);
      if (local == "header") {
        in_ = kHeader;
        record_depth_ = depth_;
        header_ =
            TmxHeader{AttributeOf(attributes, "srclang"), AttributeOf(attributes, "creationtoolversion")};
      } else if (local == "tu") {
        in_ = kUnit;
        record_depth_ = depth_;
        unit_ = TmxUnit();
        unit_.id = AttributeOf(attributes, "tuid");
        unit_.line = line;
        unit_.created_at = IsoFromTmxDate(AttributeOf(attributes, "creationdate"));
        unit_.changed_at = IsoFromTmxDate(AttributeOf(attributes, "changedate"));
      }
      return Status::Ok();
    }
    if (in_ != kUnit) return Status::Ok();
    const int level = depth_ - record_depth_;  // 1: a child of the <tu>
    if (seg_ != nullptr) {
      StartInline(name, attributes);
    } else if (level == 1 && XmlLocalName(name) == "prop") {
      unit_.props.emplace_back(AttributeOf(attributes, "type"), std::string());
      prop_depth_ = depth_;
    } else if (level == 1 && XmlLocalName(name) == "tuv") {
      TmxVariant& v = unit_.variants.emplace_back();
      v.lang = AttributeOf(attributes, "xml:lang");
      if (v.lang.empty()) v.lang = AttributeOf(attributes, "lang");
      tuv_depth_ = depth_;
    } else if (level == 2 && tuv_depth_ == depth_ - 1 && XmlLocalName(name) == "seg") {
      // One <seg> a <tuv> in TMX; should there be more, the last one counts.
      seg_ = &unit_.variants.back();
      seg_->text.clear();
      seg_->anchors.clear();
      seg_->markup.reset();
      seg_depth_ = depth_;
      seg_line_ = line;
      seg_column_ = column;
      first_text_line_ = 0;
      codes_.clear();
    }
    return Status::Ok();
  }

  Status Text(std::string_view text, int line, int column) {
    if (in_ != kUnit) return Status::Ok();
    if (prop_depth_ != 0) unit_.props.back().second.append(text);
    if (seg_ == nullptr) return Status::Ok();
    if (open_tag_) CloseOpenTag();
    if (first_text_line_ == 0) {
      first_text_line_ = line;
      first_text_column_ = column;
    }
    if (seg_->markup) *seg_->markup += XmlEscape(text);
    if (!InCode()) {
      seg_->anchors.push_back(XmlTextAnchor{seg_->text.size(), line, column});
      seg_->text.append(text);
    }
    return Status::Ok();
  }

  Status End(const char* name) {
    if (depth_ == 0) return Status::Ok();  // the root's end
    const int depth = depth_--;
    if (in_ == kHeader) {
      if (depth != record_depth_) return Status::Ok();
      in_ = kNone;
      return handlers_.on_header ? handlers_.on_header(header_) : Status::Ok();
    }
    if (in_ != kUnit) return Status::Ok();
    if (seg_ != nullptr) {
      if (depth > seg_depth_) {
        EndInline(name);
        return Status::Ok();
      }
      FinishSegment();
    }
    if (depth == prop_depth_) prop_depth_ = 0;
    if (depth == tuv_depth_) tuv_depth_ = 0;
    if (depth != record_depth_) return Status::Ok();
    in_ = kNone;
    return handlers_.on_unit(std::move(unit_));
  }

 private:
  bool InCode() const { return !codes_.empty() && codes_.back(); }

  // An element inside a <seg>: its text and the markup it is kept as, which is re-serialized so
  // that it is well-formed whatever the input's quoting and entity style.
  void StartInline(const char* name, const char** attributes) {
    if (open_tag_) CloseOpenTag();
    if (!seg_->markup) seg_->markup = XmlEscape(seg_->text);  // the text so far had no codes
    std::string& markup = *seg_->markup;
    markup += '<';
    markup += name;
    for (int i = 0; attributes[i] != nullptr; i += 2) {
      markup += ' ';
      markup += attributes[i];
      markup += "=\"";
      markup += XmlEscape(attributes[i + 1]);
      markup += '"';
    }
    open_tag_ = true;  // closed by its first child, or as an empty element at its end
    // <sub> inside native code is translatable text again.
    const std::string_view local = XmlLocalName(name);
    codes_.push_back(local == "sub" ? false : (InCode() || IsNativeCode(local)));
  }

  void EndInline(const char* name) {
    std::string& markup = *seg_->markup;
    if (open_tag_) {
      markup += "/>";
      open_tag_ = false;
    } else {
      markup += "</";
      markup += name;
      markup += '>';
    }
    codes_.pop_back();
  }

  void CloseOpenTag() {
    *seg_->markup += '>';
    open_tag_ = false;
  }

  void FinishSegment() {
    TmxVariant& v = *seg_;
    if (!v.anchors.empty()) {
      v.line = v.anchors.front().line;
      v.column = v.anchors.front().column;
    } else if (first_text_line_ != 0) {  // text inside codes only
      v.line = first_text_line_;
      v.column = first_text_column_;
    } else {
      v.line = seg_line_;
      v.column = seg_column_;
    }
    seg_ = nullptr;
  }

  const std::string& path_;
  const TmxReadHandlers& handlers_;
  bool seen_root_ = false;
  int depth_ = 0;  // elements open below the root
  enum { kNone, kHeader, kUnit } in_ = kNone;
  int record_depth_ = 0;  // depth of the open <header> or <tu>
  TmxHeader header_;
  TmxUnit unit_;
  int prop_depth_ = 0, tuv_depth_ = 0;  // depth of the open <prop> or <tuv> child of the unit; 0: none
  TmxVariant* seg_ = nullptr;           // the variant whose <seg> is open
  int seg_depth_ = 0, seg_line_ = 0, seg_column_ = 0;
  int first_text_line_ = 0, first_text_column_ = 0;  // the segment's first text, codes included
  std::vector<bool> codes_;                          // per open inline element: inside native code
  bool open_tag_ = false;                            // the last inline start tag awaits its '>'
};

}  // namespace

Status ReadTmx(const std::string& path, const TmxReadHandlers& handlers) {
  TmxUnitBuilder builder(path, handlers);
  XmlEventHandlers events;
  events.on_start = [&](const char* name, const char** attributes, int line, int column) {
    return builder.Start(name, attributes, line, column);
  };
  events.on_end = [&](const char* name) { return builder.End(name); };
  events.on_text = [&](std::string_view text, int line, int column) {
    return builder.Text(text, line, column);
  };
  return ParseXmlFileEvents(path, events);
}

Status ReadTmx(const std::string& path, const std::function<Status(TmxUnit&& unit)>& on_unit) {
  return ReadTmx(path, TmxReadHandlers{nullptr, on_unit});
}

}  // namespace tmalign
