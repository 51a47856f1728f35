#include "tm/alignment_units.h"

namespace tmalign {

TmDocument TmDocumentOfAlignment(const AlignedDocument& doc, const std::string& id,
                                 const std::string& title) {
  TmDocument d;
  d.id = id;
  d.title = title.empty() ? id : title;
  d.src_lang = LanguageCode(doc.src.lang);
  d.tgt_lang = LanguageCode(doc.tgt.lang);
  d.src_path = doc.src.path;
  d.tgt_path = doc.tgt.path;
  d.src_sha256 = doc.src.sha256;
  d.tgt_sha256 = doc.tgt.sha256;
  return d;
}

std::vector<TmUnit> TmUnitsOfAlignment(const AlignedDocument& doc) {
  std::vector<TmUnit> units;
  units.reserve(doc.beads.size());
  for (size_t k = 0; k < doc.beads.size(); ++k) {
    const Bead& b = doc.beads[k];
    TmUnit u;
    u.position = static_cast<int>(k);
    u.src_ids = b.src;
    u.tgt_ids = b.tgt;
    u.source = JoinSentences(doc.src, b.src);
    u.target = JoinSentences(doc.tgt, b.tgt);
    u.confidence = b.confidence;
    for (int id : b.src) u.src_sentences.push_back(doc.src.sentences[static_cast<size_t>(id)].text);
    for (int id : b.tgt) u.tgt_sentences.push_back(doc.tgt.sentences[static_cast<size_t>(id)].text);
    units.push_back(std::move(u));
  }
  return units;
}

}  // namespace tmalign
