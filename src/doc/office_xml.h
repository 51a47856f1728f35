// What the DOCX and ODT readers share about XML parts: parsing one through util/safe_xml
// (no DTD at all, no entity declarations; messages "PATH: PART:LINE:COLUMN: ...") and
// telling elements by namespace rather than by the prefix a producer happened to choose.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/safe_xml.h"
#include "util/status.h"

namespace tmalign {

// Parses `text`, part `part` of the file `path`. Office parts never carry a document type
// declaration, so one is refused outright, before expat sees it.
Status ParseOfficePart(const std::string& path, const std::string& part, const std::string& text,
                       const XmlStreamHandlers& handlers);

// The namespaces a reader knows, each given a small number by the reader, and the
// prefixes the part's root element binds to them (declarations further in are not
// followed; producers put them all on the root).
class XmlNamespaces {
 public:
  static constexpr int kOther = -1;

  // `uris[i]` gets number i; several URIs may share a number (e.g. strict and transitional).
  explicit XmlNamespaces(std::vector<std::pair<std::string, int>> uris) : uris_(std::move(uris)) {}

  // Learns the prefixes from the root element's xmlns attributes.
  void Bind(const XmlNode& root);
  // The number of `node`'s namespace (kOther when unknown), and its local name.
  int Of(const XmlNode& node, std::string_view* local) const;
  bool Is(const XmlNode& node, int ns, std::string_view local) const;
  // The value of attribute `local` in namespace `ns`, "" when absent.
  const std::string& Attribute(const XmlNode& node, int ns, std::string_view local) const;

 private:
  int OfPrefix(std::string_view prefix) const;
  std::vector<std::pair<std::string, int>> uris_;
  std::vector<std::pair<std::string, int>> prefixes_;  // prefix ("" for the default) -> number
};

}  // namespace tmalign
