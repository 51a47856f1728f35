#include "terms/glossary_terms.h"

namespace tmalign {

void AddGlossaryTerms(const Glossary& glossary, BilingualLexicon* lexicon) {
  for (const TermEntry& entry : glossary.entries()) {
    lexicon->AddTerm(entry.zh, entry.en);
    for (const std::string& variant : entry.variants) lexicon->AddTerm(entry.zh, variant);
  }
}

}  // namespace tmalign
