// The current time as ISO-8601 UTC ("2026-11-25T10:30:00Z"), the TM's timestamp form.
#pragma once

#include <string>

namespace tmalign {

std::string UtcNowIso8601();

}  // namespace tmalign
