// The SQLite connection under a TranslationMemory, for the TM's own components (search,
// import, export, the pair index): no code outside src/tm runs SQL or includes this file
// (scripts/check-layers enforces it).
#pragma once

#include "tm/sqlite_handle.h"
#include "tm/translation_memory.h"

namespace tmalign {

SqliteDb* TmConnection(TranslationMemory* tm);

}  // namespace tmalign
