#include "tm/tmx_writer.h"

#include "util/xml_escape.h"

namespace tmalign {

void WriteTmx(const TmxHeader& header, const std::vector<TmxWriteUnit>& units, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<tmx version=\"1.4\">\n"
      << "  <header creationtool=\"tmalign\" creationtoolversion=\"" << XmlEscape(header.creation_tool_version)
      << "\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" srclang=\""
      << XmlEscape(header.src_lang) << "\" o-tmf=\"tmalign\"/>\n"
      << "  <body>\n";
  for (const TmxWriteUnit& u : units) {
    out << "    <tu>\n";
    for (const auto& [type, value] : u.props) {
      out << "      <prop type=\"" << XmlEscape(type) << "\">" << XmlEscape(value) << "</prop>\n";
    }
    out << "      <tuv xml:lang=\"" << XmlEscape(header.src_lang) << "\"><seg>" << XmlEscape(u.source)
        << "</seg></tuv>\n"
        << "      <tuv xml:lang=\"" << XmlEscape(header.tgt_lang) << "\"><seg>" << XmlEscape(u.target)
        << "</seg></tuv>\n"
        << "    </tu>\n";
  }
  out << "  </body>\n</tmx>\n";
}

}  // namespace tmalign
