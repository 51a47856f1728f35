// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
#pragma once

#include <string>
#include <string_view>

namespace tmalign {

std::string XmlEscape(std::string_view text);

}  // namespace tmalign
