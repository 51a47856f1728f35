#include "cli/alignment_output.h"

#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/one_line.h"
#include "tm/tmx_writer.h"

namespace tmalign::cli {
namespace {

std::string Ids(const std::vector<int>& ids) {
  std::string out;
  for (size_t k = 0; k < ids.size(); ++k) {
    if (k) out += ',';
    out += std::to_string(ids[k]);
  }
  return out;
}

std::string Confidence(double c) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3) << c;
  return out.str();
}

std::string LangTag(Language lang) { return lang == Language::kZh ? "zh-CN" : "en"; }

void WriteBeads(const AlignedDocument& doc, std::ostream& out) {
  for (const Bead& b : doc.beads) out << FormatBead(b) << '\n';
}

void WriteTsv(const AlignedDocument& doc, std::ostream& out) {
  out << "src_ids\ttgt_ids\tconfidence\tsource\ttarget\n";
  for (const Bead& b : doc.beads) {
    out << Ids(b.src) << '\t' << Ids(b.tgt) << '\t' << Confidence(b.confidence) << '\t'
        << OneLine(JoinSentences(doc.src, b.src)) << '\t' << OneLine(JoinSentences(doc.tgt, b.tgt)) << '\n';
  }
}

void WriteJson(const AlignedDocument& doc, std::ostream& out) {
  nlohmann::ordered_json j;
  j["source"] = {
      {"file", doc.src.path}, {"lang", LanguageCode(doc.src.lang)}, {"sentences", doc.src.sentences.size()}};
  j["target"] = {
      {"file", doc.tgt.path}, {"lang", LanguageCode(doc.tgt.lang)}, {"sentences", doc.tgt.sentences.size()}};
  j["beads"] = nlohmann::ordered_json::array();
  for (const Bead& b : doc.beads) {
    j["beads"].push_back({{"src", b.src},
                          {"tgt", b.tgt},
                          {"type", BeadType(b)},
                          {"confidence", std::round(b.confidence * 1000) / 1000},
                          {"source", JoinSentences(doc.src, b.src)},
                          {"target", JoinSentences(doc.tgt, b.tgt)}});
  }
  out << j.dump(2) << '\n';
}

// TMX: only beads with both sides are translation units.
void WriteTmxUnits(const AlignedDocument& doc, const std::string& doc_id, std::ostream& out) {
  TmxWriter tmx(out, TmxHeader{LangTag(doc.src.lang), TMALIGN_VERSION});
  for (size_t k = 0; k < doc.beads.size(); ++k) {
    const Bead& b = doc.beads[k];
    if (b.src.empty() || b.tgt.empty()) continue;
    TmxUnit unit;
    unit.props = {{"x-tmalign-doc", doc_id},
                  {"x-tmalign-position", std::to_string(k)},
                  {"x-tmalign-src-ids", Ids(b.src)},
                  {"x-tmalign-tgt-ids", Ids(b.tgt)},
                  {"x-tmalign-confidence", Confidence(b.confidence)}};
    unit.variants.resize(2);
    unit.variants[0].lang = LangTag(doc.src.lang);
    unit.variants[0].text = JoinSentences(doc.src, b.src);
    unit.variants[1].lang = LangTag(doc.tgt.lang);
    unit.variants[1].text = JoinSentences(doc.tgt, b.tgt);
    tmx.Write(unit);
  }
  tmx.Finish();
}

}  // namespace

bool IsAlignmentFormat(const std::string& format) {
  return format == "beads" || format == "tsv" || format == "json" || format == "tmx";
}

std::string AlignmentFileExtension(const std::string& format) {
  return format == "beads" ? ".align" : "." + format;
}

void WriteAlignmentAs(const std::string& format, const AlignedDocument& doc, const std::string& doc_id,
                      std::ostream& out) {
  if (format == "beads") {
    WriteBeads(doc, out);
  } else if (format == "tsv") {
    WriteTsv(doc, out);
  } else if (format == "json") {
    WriteJson(doc, out);
  } else {
    WriteTmxUnits(doc, doc_id, out);
  }
}

}  // namespace tmalign::cli
