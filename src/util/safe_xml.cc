#include "util/safe_xml.h"

#include <expat.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace tmalign {

const std::string& XmlNode::Attribute(const std::string& attr) const {
  static const std::string kEmpty;
  for (const auto& [k, v] : attributes) {
    if (k == attr) return v;
  }
  return kEmpty;
}

std::string_view XmlLocalName(std::string_view name) {
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string XmlNode::LocalName() const { return std::string(XmlLocalName(name)); }

std::string XmlNode::TextContent() const {
  if (is_text) return text;
  std::string out;
  for (const XmlNode& c : children) out += c.TextContent();
  return out;
}

std::string XmlNode::TextContentWithAnchors(std::vector<XmlTextAnchor>* anchors) const {
  std::string out;
  std::vector<const XmlNode*> stack = {this};
  // Depth-first, document order.
  while (!stack.empty()) {
    const XmlNode* n = stack.back();
    stack.pop_back();
    if (n->is_text) {
      for (XmlTextAnchor a : n->anchors) {
        a.offset += out.size();
        anchors->push_back(a);
      }
      out += n->text;
      continue;
    }
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(&*it);
  }
  return out;
}

std::pair<int, int> XmlNode::TextPosition() const {
  if (is_text) return {line, column};
  for (const XmlNode& c : children) {
    if (c.is_text || !c.TextContent().empty()) return c.TextPosition();
  }
  return {line, column};
}

namespace {

// Elements nested deeper than this inside a captured element are refused: the tree's users
// walk it recursively (and destroying it recurses too), so a file of 200,000 nested <g>
// overflowed the stack. Real documents nest a few dozen deep.
constexpr size_t kMaxCapturedDepth = 512;

struct ParseState {
  XML_Parser parser = nullptr;
  const std::string* name = nullptr;
  const XmlStreamHandlers* handlers = nullptr;  // one of handlers
  const XmlEventHandlers* events = nullptr;     // and events
  Status error;
  bool seen_root = false;
  std::vector<XmlNode> stack;  // open captured elements (outermost first)

  // The current event's 1-based line and column.
  int Line() const { return static_cast<int>(XML_GetCurrentLineNumber(parser)); }
  int Column() const { return static_cast<int>(XML_GetCurrentColumnNumber(parser)) + 1; }
  std::string Here() const { return *name + ":" + std::to_string(Line()) + ":" + std::to_string(Column()); }
  void Fail(Status s) {
    if (error.ok()) error = std::move(s);
    XML_StopParser(parser, XML_FALSE);
  }
};

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* st = static_cast<ParseState*>(data);
  if (!st->error.ok()) return;
  XmlNode node;
  node.name = name;
  node.line = st->Line();
  node.column = st->Column();
  for (int i = 0; attrs[i] != nullptr; i += 2) node.attributes.emplace_back(attrs[i], attrs[i + 1]);
  if (!st->seen_root) {
    st->seen_root = true;
    if (st->handlers->on_root) {
      Status s = st->handlers->on_root(node);
      if (!s.ok()) return st->Fail(std::move(s));
    }
  }
  if (st->stack.empty() && st->handlers->on_start && !st->handlers->announce.empty() &&
      st->handlers->announce.count(std::string(XmlLocalName(name)))) {
    Status s = st->handlers->on_start(node);
    if (!s.ok()) return st->Fail(std::move(s));
  }
  if (st->stack.size() >= kMaxCapturedDepth) {
    return st->Fail(Status::InvalidInput(st->Here() + ": elements nested more than " +
                                         std::to_string(kMaxCapturedDepth) + " deep inside <" +
                                         st->stack.front().name + ">"));
  }
  if (!st->stack.empty() || st->handlers->capture.count(std::string(XmlLocalName(name))))
    st->stack.push_back(std::move(node));
}

void XMLCALL OnEnd(void* data, const XML_Char* name) {
  auto* st = static_cast<ParseState*>(data);
  if (!st->error.ok()) return;
  if (st->stack.empty()) {
    if (st->handlers->on_close && st->handlers->announce.count(std::string(XmlLocalName(name)))) {
      Status s = st->handlers->on_close(name);
      if (!s.ok()) st->Fail(std::move(s));
    }
    return;
  }
  XmlNode node = std::move(st->stack.back());
  st->stack.pop_back();
  if (!st->stack.empty()) {
    st->stack.back().children.push_back(std::move(node));
    return;
  }
  if (st->handlers->on_element) {
    Status s = st->handlers->on_element(std::move(node));
    if (!s.ok()) st->Fail(std::move(s));
  }
}

void XMLCALL OnText(void* data, const XML_Char* s, int len) {
  auto* st = static_cast<ParseState*>(data);
  if (!st->error.ok() || st->stack.empty()) return;
  auto& children = st->stack.back().children;
  const int line = st->Line();
  const int column = st->Column();
  if (children.empty() || !children.back().is_text) {
    XmlNode t;
    t.is_text = true;
    t.line = line;
    t.column = column;
    children.push_back(std::move(t));
  }
  XmlNode& run = children.back();
  run.anchors.push_back(XmlTextAnchor{run.text.size(), line, column});
  run.text.append(s, static_cast<size_t>(len));
}

void XMLCALL OnStartEvent(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* st = static_cast<ParseState*>(data);
  if (!st->error.ok()) return;
  Status s = st->events->on_start(name, attrs, st->Line(), st->Column());
  if (!s.ok()) st->Fail(std::move(s));
}

void XMLCALL OnEndEvent(void* data, const XML_Char* name) {
  auto* st = static_cast<ParseState*>(data);
  if (!st->error.ok()) return;
  Status s = st->events->on_end(name);
  if (!s.ok()) st->Fail(std::move(s));
}

void XMLCALL OnTextEvent(void* data, const XML_Char* text, int len) {
  auto* st = static_cast<ParseState*>(data);
  if (!st->error.ok()) return;
  Status s = st->events->on_text(std::string_view(text, static_cast<size_t>(len)), st->Line(), st->Column());
  if (!s.ok()) st->Fail(std::move(s));
}

// Any entity declaration ends the parse: this is what makes XXE and entity expansion impossible.
void XMLCALL OnEntityDecl(void* data, const XML_Char* entity_name, int, const XML_Char*, int, const XML_Char*,
                          const XML_Char*, const XML_Char*, const XML_Char*) {
  auto* st = static_cast<ParseState*>(data);
  st->Fail(Status::InvalidInput(st->Here() + ": entity declarations are not allowed (entity '" +
                                std::string(entity_name) + "')"));
}

// At the end of the declaration, so an entity declared inside fails first, as it does everywhere.
void XMLCALL OnDoctypeEnd(void* data) {
  auto* st = static_cast<ParseState*>(data);
  st->Fail(Status::InvalidInput(
      st->Here() +
      ": a document type declaration (<!DOCTYPE>) is not allowed in this file format (no DTD is ever read)"));
}

class Parser {
 public:
  Parser(const std::string& name, const XmlStreamHandlers& handlers) : Parser(name, handlers.reject_doctype) {
    state_.handlers = &handlers;
    XML_SetElementHandler(state_.parser, OnStart, OnEnd);
    XML_SetCharacterDataHandler(state_.parser, OnText);
  }
  Parser(const std::string& name, const XmlEventHandlers& events) : Parser(name, false) {
    state_.events = &events;
    XML_SetElementHandler(state_.parser, OnStartEvent, OnEndEvent);
    XML_SetCharacterDataHandler(state_.parser, OnTextEvent);
  }
  ~Parser() { XML_ParserFree(state_.parser); }

  // Feeds one chunk; returns the first error.
  Status Feed(const char* data, size_t len, bool final) {
    return Parsed(XML_Parse(state_.parser, data, static_cast<int>(len), final ? XML_TRUE : XML_FALSE));
  }

  // Reads up to `max` bytes of `f` straight into expat's buffer (XML_Parse would copy them
  // there: 5 GB for a 10M-unit TMX) and parses them; *final at the end of the file.
  Status FeedFrom(FILE* f, const std::string& path, size_t max, bool* final) {
    void* buf = XML_GetBuffer(state_.parser, static_cast<int>(max));
    if (buf == nullptr) return Status::Internal(path + ": XML parser: out of memory");
    const size_t n = std::fread(buf, 1, max, f);
    if (std::ferror(f)) return Status::IoError(path + ": read error");
    *final = n < max && std::feof(f);
    return Parsed(XML_ParseBuffer(state_.parser, static_cast<int>(n), *final ? XML_TRUE : XML_FALSE));
  }

 private:
  Status Parsed(XML_Status status) {
    if (status == XML_STATUS_ERROR) {
      if (!state_.error.ok()) return state_.error;
      return Status::InvalidInput(state_.Here() + ": " + XML_ErrorString(XML_GetErrorCode(state_.parser)));
    }
    return state_.error;
  }
  Parser(const std::string& name, bool reject_doctype) {
    state_.name = &name;
    state_.parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(state_.parser, &state_);
    XML_SetEntityDeclHandler(state_.parser, OnEntityDecl);
    XML_SetParamEntityParsing(state_.parser, XML_PARAM_ENTITY_PARSING_NEVER);
    if (reject_doctype) XML_SetEndDoctypeDeclHandler(state_.parser, OnDoctypeEnd);
  }
  ParseState state_;
};

// Feeds the file at `path` to `p` in chunks.
Status FeedFile(const std::string& path, Parser* p) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Status::IoError(path + ": cannot open file");
  bool final = false;
  while (!final) TMALIGN_RETURN_IF_ERROR(p->FeedFrom(f.get(), path, size_t{1} << 16, &final));
  return Status::Ok();
}

}  // namespace

Status ParseXmlText(const std::string& text, const std::string& name, const XmlStreamHandlers& handlers) {
  Parser p(name, handlers);
  constexpr size_t kChunk = 1 << 16;
  for (size_t pos = 0; pos < text.size(); pos += kChunk) {
    TMALIGN_RETURN_IF_ERROR(p.Feed(text.data() + pos, std::min(kChunk, text.size() - pos), false));
  }
  return p.Feed("", 0, true);
}

Status ParseXmlFile(const std::string& path, const XmlStreamHandlers& handlers) {
  Parser p(path, handlers);
  return FeedFile(path, &p);
}

Status ParseXmlFileEvents(const std::string& path, const XmlEventHandlers& handlers) {
  Parser p(path, handlers);
  return FeedFile(path, &p);
}

}  // namespace tmalign
