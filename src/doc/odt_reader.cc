// OpenDocument text (ODT): content.xml as the paragraphs a reader of the document sees,
// with every tracked change accepted, and the notes' paragraphs after the body.
#include <algorithm>
#include <cstdlib>
#include <memory>

#include "doc/office_xml.h"
#include "doc/readers.h"
#include "doc/zip_archive.h"

namespace tmalign {
namespace {

enum Ns { kText, kOffice, kDraw, kTable };

const char kContentPart[] = "content.xml";
const char kManifestPart[] = "META-INF/manifest.xml";
const char kMimetypePart[] = "mimetype";
const char kTextMediaType[] = "application/vnd.oasis.opendocument.text";

// More spaces than this from one text:s would only cost memory: they fold into one anyway.
constexpr long kMaxSpaces = 64;

class OdtReader {
 public:
  explicit OdtReader(bool notes)
      : notes_wanted_(notes),
        ns_({{"urn:oasis:names:tc:opendocument:xmlns:text:1.0", kText},
             {"urn:oasis:names:tc:opendocument:xmlns:office:1.0", kOffice},
             {"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", kDraw},
             {"urn:oasis:names:tc:opendocument:xmlns:table:1.0", kTable}}) {}

  Status Read(const std::string& path, const std::string& xml, std::vector<Paragraph>* out) {
    XmlStreamHandlers handlers;
    handlers.on_root = [this](const XmlNode& root) {
      ns_.Bind(root);
      return Status::Ok();
    };
    // Paragraphs and headings wherever they are (lists, tables, sections, frames); the
    // tracked-changes record whole, as it holds the deleted text.
    handlers.capture = {"p", "h", "tracked-changes"};
    handlers.on_element = [this, out](XmlNode&& element) {
      Block(element, out);
      return Status::Ok();
    };
    TMALIGN_RETURN_IF_ERROR(ParseOfficePart(path, kContentPart, xml, handlers));
    for (Paragraph& n : notes_) out->push_back(std::move(n));
    notes_.clear();
    return Status::Ok();
  }

 private:
  // Block-level content: paragraphs, headings, lists, tables, sections, frames.
  void Block(const XmlNode& node, std::vector<Paragraph>* out) {
    if (node.is_text) return;  // white space between blocks; svg:title and svg:desc text
    std::string_view local;
    const int ns = ns_.Of(node, &local);
    if (ns == kText) {
      if (local == "p" || local == "h") return ReadParagraph(node, out);
      if (local == "tracked-changes") return;  // deletions live here
    }
    if (ns == kOffice && (local == "annotation" || local == "annotation-end")) return;
    for (const XmlNode& c : node.children) Block(c, out);
  }

  void ReadParagraph(const XmlNode& p, std::vector<Paragraph>* out) {
    std::string text;
    std::vector<Paragraph> nested;  // frames anchored here: their own paragraphs, after
    Inline(p, &text, &nested);
    out->push_back(Paragraph{std::move(text), 0});
    for (Paragraph& n : nested) out->push_back(std::move(n));
  }

  // The content of a text element (paragraph, span, link, field...).
  void Inline(const XmlNode& element, std::string* text, std::vector<Paragraph>* nested) {
    for (const XmlNode& c : element.children) {
      if (c.is_text) {
        *text += c.text;
        continue;
      }
      std::string_view local;
      const int ns = ns_.Of(c, &local);
      if (ns == kText) {
        if (local == "s") {
          const std::string& count = ns_.Attribute(c, kText, "c");
          long n = count.empty() ? 1 : std::strtol(count.c_str(), nullptr, 10);
          n = std::clamp(n, 1L, kMaxSpaces);
          text->append(static_cast<size_t>(n), ' ');
        } else if (local == "tab") {
          *text += ' ';
        } else if (local == "line-break") {
          *text += '\n';
        } else if (local == "note") {
          Note(c);
        } else if (local == "ruby-text" || local == "number" || local == "tracked-changes") {
          // Ruby over the base text, a list label, a change record: not the text itself.
        } else if (local == "p" || local == "h" || local == "list" || local == "section" ||
                   local == "table-of-content") {
          Block(c, nested);
        } else {
          Inline(c, text, nested);  // span, a, meta, fields, bookmarks, change marks
        }
      } else if (ns == kOffice && (local == "annotation" || local == "annotation-end")) {
        // A comment, and its end mark.
      } else {
        // Frames, text boxes and shapes: any paragraphs they hold, never their titles.
        Block(c, nested);
      }
    }
  }

  // text:note: the citation (its number) goes, the body's paragraphs go to the notes.
  void Note(const XmlNode& note) {
    if (!notes_wanted_) return;
    for (const XmlNode& c : note.children) {
      if (ns_.Is(c, kText, "note-body")) Block(c, &notes_);
    }
  }

  bool notes_wanted_;
  XmlNamespaces ns_;
  std::vector<Paragraph> notes_;  // in the order of their citations
};

}  // namespace

Status ReadOdt(const std::string& path, std::string_view bytes, const DocumentReadOptions& options,
               std::vector<Paragraph>* paragraphs) {
  TMALIGN_RETURN_IF_ERROR(
      RefuseOleFile(path, bytes, "a legacy Office file (an OLE compound file, not ODT): save it as .odt"));
  std::unique_ptr<ZipArchive> zip;
  TMALIGN_RETURN_IF_ERROR(ZipArchive::Open(path, bytes, "ODT", &zip));
  std::string data;
  if (zip->Contains(kMimetypePart)) {
    TMALIGN_RETURN_IF_ERROR(zip->Read(kMimetypePart, &data));
    if (data.compare(0, sizeof kTextMediaType - 1, kTextMediaType) != 0) {
      return Status::InvalidInput(path + ": " + kMimetypePart + ": '" + data.substr(0, 80) +
                                  "', not an OpenDocument text (ODT)");
    }
  }
  // A password-protected ODT is a zip whose parts are encrypted by ODF itself, as the
  // manifest says.
  if (zip->Contains(kManifestPart)) {
    TMALIGN_RETURN_IF_ERROR(zip->Read(kManifestPart, &data));
    if (data.find("encryption-data") != std::string::npos) {
      return Status::InvalidInput(path + ": encrypted: remove the password first");
    }
  }
  if (!zip->Contains(kContentPart)) {
    return Status::InvalidInput(path + ": " + kContentPart +
                                " is missing: a zip container, but not an ODT document");
  }
  TMALIGN_RETURN_IF_ERROR(zip->Read(kContentPart, &data));
  return OdtReader(options.notes).Read(path, data, paragraphs);
}

}  // namespace tmalign
