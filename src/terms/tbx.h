// TBX import/export (TBX-Basic in the TBX v2 <martif> form, and TBX v3 <tbx> basic dialect).
// Administrative status maps to our columns: preferred -> en, admitted -> variants,
// deprecated/superseded -> forbidden; a term without a status is preferred if it is the
// first English term of its entry, admitted otherwise.
#pragma once

#include <string>

#include "terms/glossary.h"
#include "util/status.h"

namespace tmalign {

// Appends the entries of a TBX file; malformed XML or entries fail with "file:line: reason".
Status LoadTbx(const std::string& path, Glossary* glossary);
// TBX-Basic (v2 <martif>) text for the glossary; `case` is kept as a <note>case-sensitive</note>.
std::string GlossaryToTbx(const Glossary& glossary);

}  // namespace tmalign
