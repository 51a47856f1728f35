// WordprocessingML (DOCX): word/document.xml, then word/footnotes.xml and
// word/endnotes.xml, as the paragraphs a reader of the document sees with every tracked
// change accepted. Headers, footers and comments are not the document's text and are
// not read.
#include <memory>

#include "doc/office_xml.h"
#include "doc/readers.h"
#include "doc/zip_archive.h"

namespace tmalign {
namespace {

enum Ns { kW, kMc };

const char kDocumentPart[] = "word/document.xml";
const char kFootnotesPart[] = "word/footnotes.xml";
const char kEndnotesPart[] = "word/endnotes.xml";

class DocxReader {
 public:
  DocxReader()
      : ns_({{"http://schemas.openxmlformats.org/wordprocessingml/2006/main", kW},
             {"http://purl.oclc.org/ooxml/wordprocessingml/main", kW},
             {"http://schemas.openxmlformats.org/markup-compatibility/2006", kMc}}) {}

  // Appends the paragraphs of the body (`notes` false) or of the footnotes or endnotes.
  Status ReadPart(const std::string& path, const std::string& part, const std::string& xml, bool notes,
                  std::vector<Paragraph>* out) {
    fields_.clear();
    carried_.clear();
    XmlStreamHandlers handlers;
    handlers.on_root = [this](const XmlNode& root) {
      ns_.Bind(root);
      return Status::Ok();
    };
    if (notes) {
      handlers.capture = {"footnote", "endnote"};
      handlers.on_element = [this, out](XmlNode&& note) {
        const std::string& type = ns_.Attribute(note, kW, "type");
        // The separator lines between body and notes are notes too, of these types.
        if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") {
          return Status::Ok();
        }
        Block(note, out);
        return Status::Ok();
      };
    } else {
      // Paragraphs, wherever they are (tables, content controls); and block-level
      // alternatives and deletions whole, so their paragraphs are seen in context.
      handlers.capture = {"p", "AlternateContent", "del", "moveFrom"};
      handlers.on_element = [this, out](XmlNode&& element) {
        Block(element, out);
        return Status::Ok();
      };
    }
    TMALIGN_RETURN_IF_ERROR(ParseOfficePart(path, part, xml, handlers));
    if (!carried_.empty()) out->push_back(Paragraph{std::move(carried_), 0});
    carried_.clear();
    return Status::Ok();
  }

 private:
  // The one branch of an mc:AlternateContent to read: the first mc:Choice, else the
  // mc:Fallback (Word writes a text box twice, as DrawingML and as VML).
  const XmlNode* Branch(const XmlNode& alternate) const {
    const XmlNode* fallback = nullptr;
    for (const XmlNode& c : alternate.children) {
      if (ns_.Is(c, kMc, "Choice")) return &c;
      if (ns_.Is(c, kMc, "Fallback") && fallback == nullptr) fallback = &c;
    }
    return fallback;
  }

  // Block-level content: paragraphs, tables, content controls, text box contents.
  void Block(const XmlNode& node, std::vector<Paragraph>* out) {
    if (node.is_text) return;
    std::string_view local;
    const int ns = ns_.Of(node, &local);
    if (ns == kMc && local == "AlternateContent") {
      if (const XmlNode* branch = Branch(node)) Block(*branch, out);
      return;
    }
    if (ns == kW) {
      if (local == "p") return ReadParagraph(node, out);
      if (local == "del" || local == "moveFrom" || local == "sectPr" || local == "tblPr" || local == "trPr" ||
          local == "tcPr" || local == "tblGrid") {
        return;
      }
    }
    for (const XmlNode& c : node.children) Block(c, out);
  }

  void ReadParagraph(const XmlNode& p, std::vector<Paragraph>* out) {
    std::string text = std::move(carried_);
    carried_.clear();
    std::vector<Paragraph> nested;  // text boxes anchored here: their own paragraphs, after
    bool mark_deleted = false;
    for (const XmlNode& c : p.children) {
      if (ns_.Is(c, kW, "pPr")) {
        mark_deleted = MarkDeleted(c);
        continue;
      }
      Inline(c, &text, &nested);
    }
    if (mark_deleted) {
      // With the deletion of its mark accepted, the paragraph runs on into the next.
      carried_ = std::move(text);
    } else {
      out->push_back(Paragraph{std::move(text), 0});
    }
    for (Paragraph& n : nested) out->push_back(std::move(n));
  }

  // w:pPr/w:rPr/w:del (or w:moveFrom): the paragraph mark itself is a deletion.
  bool MarkDeleted(const XmlNode& ppr) const {
    for (const XmlNode& c : ppr.children) {
      if (!ns_.Is(c, kW, "rPr")) continue;
      for (const XmlNode& d : c.children) {
        if (ns_.Is(d, kW, "del") || ns_.Is(d, kW, "moveFrom")) return true;
      }
    }
    return false;
  }

  // Text is shown unless some open complex field is still in its instruction.
  bool Shown() const {
    for (bool in_result : fields_) {
      if (!in_result) return false;
    }
    return true;
  }

  void Inline(const XmlNode& node, std::string* text, std::vector<Paragraph>* nested) {
    if (node.is_text) return;  // white space between elements; text is only in w:t
    std::string_view local;
    const int ns = ns_.Of(node, &local);
    if (ns == kMc && local == "AlternateContent") {
      if (const XmlNode* branch = Branch(node)) Inline(*branch, text, nested);
      return;
    }
    if (ns == kW) {
      if (local == "t") {
        if (Shown()) *text += node.TextContent();
        return;
      }
      if (local == "tab" || local == "ptab") {
        if (Shown()) *text += ' ';
        return;
      }
      if (local == "br" || local == "cr") {
        if (Shown()) *text += '\n';
        return;
      }
      if (local == "noBreakHyphen") {
        if (Shown()) *text += '-';
        return;
      }
      if (local == "fldChar") {
        const std::string& type = ns_.Attribute(node, kW, "fldCharType");
        if (type == "begin") {
          fields_.push_back(false);
        } else if (type == "separate") {
          if (!fields_.empty()) fields_.back() = true;
        } else if (type == "end") {
          if (!fields_.empty()) fields_.pop_back();
        }
        return;
      }
      // Deleted and moved-away text, field instructions, run properties (their w:del
      // marks), symbols, soft hyphens, ruby text over the base.
      if (local == "del" || local == "moveFrom" || local == "delText" || local == "instrText" ||
          local == "delInstrText" || local == "rPr" || local == "pPr" || local == "sym" ||
          local == "softHyphen" || local == "rt") {
        return;
      }
      if (local == "txbxContent") {
        for (const XmlNode& c : node.children) Block(c, nested);
        return;
      }
      if (local == "p" || local == "tbl") return Block(node, nested);
    }
    // Runs, insertions, moves here, simple fields, hyperlinks, content controls, drawings.
    for (const XmlNode& c : node.children) Inline(c, text, nested);
  }

  XmlNamespaces ns_;
  std::vector<bool> fields_;  // open complex fields, innermost last: past w:fldChar "separate"?
  std::string carried_;       // text of a paragraph whose mark is deleted, to start the next
};

}  // namespace

Status ReadDocx(const std::string& path, std::string_view bytes, const DocumentReadOptions& options,
                std::vector<Paragraph>* paragraphs) {
  TMALIGN_RETURN_IF_ERROR(RefuseOleFile(path, bytes, "a legacy Word .doc (not DOCX): save it as .docx"));
  std::unique_ptr<ZipArchive> zip;
  TMALIGN_RETURN_IF_ERROR(ZipArchive::Open(path, bytes, "DOCX", &zip));
  if (!zip->Contains(kDocumentPart)) {
    return Status::InvalidInput(path + ": " + kDocumentPart +
                                " is missing: a zip container, but not a DOCX document");
  }
  DocxReader reader;
  std::string xml;
  TMALIGN_RETURN_IF_ERROR(zip->Read(kDocumentPart, &xml));
  TMALIGN_RETURN_IF_ERROR(reader.ReadPart(path, kDocumentPart, xml, false, paragraphs));
  if (!options.notes) return Status::Ok();
  for (const char* part : {kFootnotesPart, kEndnotesPart}) {
    if (!zip->Contains(part)) continue;
    TMALIGN_RETURN_IF_ERROR(zip->Read(part, &xml));
    TMALIGN_RETURN_IF_ERROR(reader.ReadPart(path, part, xml, true, paragraphs));
  }
  return Status::Ok();
}

}  // namespace tmalign
