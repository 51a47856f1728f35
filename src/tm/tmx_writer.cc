#include "tm/tmx_writer.h"

#include "util/xml_escape.h"

namespace tmalign {
namespace {

// "2024-05-01T12:00:00Z" -> "20240501T120000Z" (TMX date); "" when not in that form.
std::string TmxDate(const std::string& iso) {
  if (iso.size() != 20 || iso[4] != '-' || iso[10] != 'T' || iso[19] != 'Z') return "";
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "T" + iso.substr(11, 2) +
         iso.substr(14, 2) + iso.substr(17, 2) + "Z";
}

}  // namespace

TmxWriter::TmxWriter(std::ostream& out, const TmxHeader& header) : out_(out) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       << "<tmx version=\"1.4\">\n"
       << "  <header creationtool=\"tmalign\" creationtoolversion=\""
       << XmlEscape(header.creation_tool_version)
       << "\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" srclang=\""
       << XmlEscape(header.src_lang) << "\" o-tmf=\"tmalign\"/>\n"
       << "  <body>\n";
}

void TmxWriter::Write(const TmxUnit& unit) {
  out_ << "    <tu";
  if (!unit.id.empty()) out_ << " tuid=\"" << XmlEscape(unit.id) << "\"";
  const std::string created = TmxDate(unit.created_at), changed = TmxDate(unit.changed_at);
  if (!created.empty()) out_ << " creationdate=\"" << created << "\"";
  if (!changed.empty()) out_ << " changedate=\"" << changed << "\"";
  out_ << ">\n";
  for (const auto& [type, value] : unit.props) {
    out_ << "      <prop type=\"" << XmlEscape(type) << "\">" << XmlEscape(value) << "</prop>\n";
  }
  for (const TmxVariant& v : unit.variants) {
    out_ << "      <tuv xml:lang=\"" << XmlEscape(v.lang) << "\"><seg>";
    if (v.markup) {
      out_ << *v.markup;
    } else {
      out_ << XmlEscape(v.text);
    }
    out_ << "</seg></tuv>\n";
  }
  out_ << "    </tu>\n";
}

void TmxWriter::Finish() { out_ << "  </body>\n</tmx>\n"; }

}  // namespace tmalign
