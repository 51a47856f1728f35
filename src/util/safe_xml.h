// Safe streaming XML reading with expat: no DTD entities at all (a document that declares
// an entity is rejected, so no XXE and no billion laughs), no external fetching, and
// errors as "file:line:column: message".
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/status.h"

namespace tmalign {

// Where a stretch of text content starts in the file: text after inline markup or an
// entity reference does not continue the previous column.
struct XmlTextAnchor {
  size_t offset = 0;  // byte offset in the text content
  int line = 0;
  int column = 0;  // 1-based, in code points
};

// An element (or, when is_text, a run of character data) with its 1-based position.
struct XmlNode {
  bool is_text = false;
  std::string name;  // element name as written (prefix kept), empty for text
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<XmlNode> children;       // elements and text runs in document order
  std::string text;                    // text runs only
  std::vector<XmlTextAnchor> anchors;  // text runs only: positions of the character data chunks
  int line = 0;
  int column = 0;

  // The attribute value, or "" when absent.
  const std::string& Attribute(const std::string& attr) const;
  // The name without a namespace prefix.
  std::string LocalName() const;
  // All descendant text in document order (inline markup dropped, its text kept).
  std::string TextContent() const;
  // TextContent plus the file position of each chunk of it (offsets into the result).
  std::string TextContentWithAnchors(std::vector<XmlTextAnchor>* anchors) const;
  // The first text run's position (or the element's when it has no text).
  std::pair<int, int> TextPosition() const;
};

// An element name without its namespace prefix ("xml:lang" -> "lang").
std::string_view XmlLocalName(std::string_view name);

struct XmlStreamHandlers {
  // Called once with the root element (no children).
  std::function<Status(const XmlNode& root)> on_root;
  // Elements whose local name is listed here are built as subtrees and handed to on_element
  // when they close (outermost only); everything else is streamed past. A subtree more than
  // 512 elements deep fails the parse ("name:line:column: elements nested more than 512 deep
  // inside <unit>"), so no reader of one recurses without bound.
  std::set<std::string> capture;
  std::function<Status(XmlNode&& element)> on_element;
  // Elements whose local name is listed here are handed to on_start at their start tag (name,
  // attributes and position, no children), outside captured elements only. Optional.
  std::set<std::string> announce;
  std::function<Status(const XmlNode& start)> on_start;
  // Called at the end tag of an announced element, with its name as written. Optional.
  std::function<Status(const std::string& name)> on_close;
  // A document type declaration (<!DOCTYPE ...>, with or without a DTD) is an error, not
  // only entity declarations: for formats that never have one (XLIFF).
  bool reject_doctype = false;
};

// Parses `path` in chunks; a handler error stops the parse and is returned as is.
Status ParseXmlFile(const std::string& path, const XmlStreamHandlers& handlers);

// The parse as events, without building elements: for a reader of millions of small records
// (TMX units), where a subtree per record cost as much as expat's own parsing. Same safety
// rules and error messages as ParseXmlFile. Every handler is required.
struct XmlEventHandlers {
  // A start tag: the name as written, the attributes as expat gives them (name, value, ...,
  // nullptr), and its 1-based position.
  std::function<Status(const char* name, const char** attributes, int line, int column)> on_start;
  std::function<Status(const char* name)> on_end;
  // A chunk of character data (a text may come in several) and where it starts.
  std::function<Status(std::string_view text, int line, int column)> on_text;
};
Status ParseXmlFileEvents(const std::string& path, const XmlEventHandlers& handlers);
// Same for text already in memory; `name` is used in messages.
Status ParseXmlText(const std::string& text, const std::string& name, const XmlStreamHandlers& handlers);

}  // namespace tmalign
