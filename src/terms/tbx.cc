#include "terms/tbx.h"

namespace tmalign {

Status LoadTbx(const std::string& path, Glossary*) { return Status::Internal(path + ": TBX not implemented yet"); }
std::string GlossaryToTbx(const Glossary&) { return ""; }

}  // namespace tmalign
