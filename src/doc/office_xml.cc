#include "doc/office_xml.h"

namespace tmalign {
namespace {

// True when the prolog (before the root element) holds a document type declaration.
bool HasDoctype(std::string_view text) {
  size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (text.compare(i, 2, "<?") == 0) {
      const size_t end = text.find("?>", i + 2);
      if (end == std::string_view::npos) return false;
      i = end + 2;
    } else if (text.compare(i, 4, "<!--") == 0) {
      const size_t end = text.find("-->", i + 4);
      if (end == std::string_view::npos) return false;
      i = end + 3;
    } else {
      return text.compare(i, 9, "<!DOCTYPE") == 0;
    }
  }
  return false;
}

}  // namespace

Status ParseOfficePart(const std::string& path, const std::string& part, const std::string& text,
                       const XmlStreamHandlers& handlers) {
  if (HasDoctype(text)) {
    return Status::InvalidInput(path + ": " + part +
                                ": has a document type declaration (DTD), which office documents never "
                                "have: refused");
  }
  return ParseXmlText(text, path + ": " + part, handlers);
}

void XmlNamespaces::Bind(const XmlNode& root) {
  prefixes_.clear();
  for (const auto& [name, value] : root.attributes) {
    std::string prefix;
    if (name == "xmlns") {
      prefix = "";
    } else if (name.compare(0, 6, "xmlns:") == 0) {
      prefix = name.substr(6);
    } else {
      continue;
    }
    for (const auto& [uri, number] : uris_) {
      if (uri == value) prefixes_.emplace_back(prefix, number);
    }
  }
}

int XmlNamespaces::OfPrefix(std::string_view prefix) const {
  for (const auto& [p, number] : prefixes_) {
    if (p == prefix) return number;
  }
  return kOther;
}

int XmlNamespaces::Of(const XmlNode& node, std::string_view* local) const {
  const std::string_view name = node.name;
  const size_t colon = name.find(':');
  if (colon == std::string_view::npos) {
    *local = name;
    return OfPrefix("");
  }
  *local = name.substr(colon + 1);
  return OfPrefix(name.substr(0, colon));
}

bool XmlNamespaces::Is(const XmlNode& node, int ns, std::string_view local) const {
  if (node.is_text) return false;
  std::string_view l;
  return Of(node, &l) == ns && l == local;
}

const std::string& XmlNamespaces::Attribute(const XmlNode& node, int ns, std::string_view local) const {
  static const std::string kEmpty;
  for (const auto& [name, value] : node.attributes) {
    const size_t colon = name.find(':');
    // Unprefixed attributes are in no namespace.
    if (colon == std::string::npos) continue;
    if (std::string_view(name).substr(colon + 1) == local &&
        OfPrefix(std::string_view(name).substr(0, colon)) == ns) {
      return value;
    }
  }
  return kEmpty;
}

}  // namespace tmalign
