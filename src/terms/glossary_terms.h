// Glossary terms as alignment evidence: every approved or accepted rendering
// of a term becomes a translation of its Chinese form in the lexicon.
#pragma once

#include "dict/bilingual_lexicon.h"
#include "terms/glossary.h"

namespace tmalign {

void AddGlossaryTerms(const Glossary& glossary, BilingualLexicon* lexicon);

}  // namespace tmalign
