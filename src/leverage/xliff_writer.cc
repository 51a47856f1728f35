#include "leverage/xliff_writer.h"

#include "util/xml_escape.h"

namespace tmalign {
namespace {

// What a segment gets: a translated target, a fuzzy one, or none.
enum class Fill { kNone, kTranslated, kFuzzy };

Fill FillOf(const SegmentLeverage& s, int min_score) {
  if (!s.has_match || s.best.match.score < min_score) return Fill::kNone;
  return s.best.match.score == 100 ? Fill::kTranslated : Fill::kFuzzy;
}

// For a match whose numbers changed but could not be adapted: why, so the translator knows the
// target still has the TM's numbers. Empty otherwise.
std::string NumbersNote(const SegmentLeverage& s, Fill fill) {
  if (fill != Fill::kFuzzy || !s.best.numbers.numbers_differ || s.best.numbers.adapted) return "";
  return "numbers not adapted: " + s.best.numbers.reason;
}

std::string Attr(const char* name, const std::string& value) {
  return std::string(" ") + name + "=\"" + XmlEscape(value) + "\"";
}

void Write12(const std::vector<SegmentLeverage>& segments, const XliffOptions& o, std::string* out) {
  *out += "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n";
  *out += "  <file" + Attr("original", o.original) + Attr("source-language", o.src_lang) +
          Attr("target-language", o.tgt_lang) + " datatype=\"plaintext\">\n";
  *out += "    <header>\n      <tool tool-id=\"tmalign\" tool-name=\"tmalign\"" +
          Attr("tool-version", o.tool_version) + "/>\n    </header>\n    <body>\n";
  for (const SegmentLeverage& s : segments) {
    const Fill fill = FillOf(s, o.min_score);
    *out += "      <trans-unit" + Attr("id", SentenceId(s.sentence)) + " xml:space=\"preserve\">\n";
    *out +=
        "        <source" + Attr("xml:lang", o.src_lang) + ">" + XmlEscape(s.sentence.text) + "</source>\n";
    if (fill != Fill::kNone) {
      const char* state = fill == Fill::kTranslated ? "translated" : "needs-review-translation";
      *out += "        <target" + Attr("xml:lang", o.tgt_lang) + Attr("state", state) + ">" +
              XmlEscape(s.best.target()) + "</target>\n";
    }
    if (const std::string note = NumbersNote(s, fill); !note.empty()) {
      *out += "        <note from=\"tmalign\">" + XmlEscape(note) + "</note>\n";
    }
    if (fill == Fill::kFuzzy) {
      const TmPair& p = s.best.match.pair;
      *out += "        <alt-trans" + Attr("match-quality", std::to_string(s.best.match.score)) +
              " origin=\"tmalign\">\n";
      *out += "          <source" + Attr("xml:lang", o.src_lang) + ">" + XmlEscape(p.source) + "</source>\n";
      *out += "          <target" + Attr("xml:lang", o.tgt_lang) + ">" + XmlEscape(p.target) + "</target>\n";
      *out += "        </alt-trans>\n";
    }
    *out += "      </trans-unit>\n";
  }
  *out += "    </body>\n  </file>\n</xliff>\n";
}

void Write20(const std::vector<SegmentLeverage>& segments, const XliffOptions& o, std::string* out) {
  *out +=
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
      "xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" version=\"2.0\"" +
      Attr("srcLang", o.src_lang) + Attr("trgLang", o.tgt_lang) + ">\n";
  *out += "  <file id=\"f1\"" + Attr("original", o.original) + ">\n";
  for (const SegmentLeverage& s : segments) {
    const Fill fill = FillOf(s, o.min_score);
    *out += "    <unit" + Attr("id", SentenceId(s.sentence)) + ">\n";
    if (fill == Fill::kFuzzy) {
      const TmPair& p = s.best.match.pair;
      *out += "      <mtc:matches>\n        <mtc:match ref=\"#s1\" type=\"tm\"" +
              Attr("similarity", std::to_string(s.best.match.score)) + " origin=\"tmalign\">\n";
      *out += "          <source>" + XmlEscape(p.source) + "</source>\n";
      *out += "          <target>" + XmlEscape(p.target) + "</target>\n";
      *out += "        </mtc:match>\n      </mtc:matches>\n";
    }
    if (const std::string note = NumbersNote(s, fill); !note.empty()) {
      *out += "      <notes>\n        <note category=\"tmalign\">" + XmlEscape(note) +
              "</note>\n      </notes>\n";
    }
    const char* state = fill == Fill::kTranslated ? "translated" : "initial";
    *out += "      <segment id=\"s1\"" + Attr("state", state) + ">\n";
    *out += "        <source xml:space=\"preserve\">" + XmlEscape(s.sentence.text) + "</source>\n";
    if (fill != Fill::kNone) {
      *out += "        <target xml:space=\"preserve\">" + XmlEscape(s.best.target()) + "</target>\n";
    }
    *out += "      </segment>\n    </unit>\n";
  }
  *out += "  </file>\n</xliff>\n";
}

}  // namespace

std::string WritePretranslationXliff(const std::vector<SegmentLeverage>& segments,
                                     const XliffOptions& options, PretranslationCounts* counts) {
  *counts = PretranslationCounts{};
  for (const SegmentLeverage& s : segments) {
    ++counts->units;
    switch (FillOf(s, options.min_score)) {
      case Fill::kNone:
        ++counts->empty;
        break;
      case Fill::kTranslated:
        ++counts->translated;
        break;
      case Fill::kFuzzy:
        ++counts->fuzzy;
        break;
    }
    if (FillOf(s, options.min_score) != Fill::kNone && s.best.adapted()) ++counts->adapted;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (options.version == XliffVersion::k12) {
    Write12(segments, options, &out);
  } else {
    Write20(segments, options, &out);
  }
  return out;
}

}  // namespace tmalign
