// SHA-256 (FIPS 180-4), used to fingerprint aligned source files in the TM.
#pragma once

#include <string>
#include <string_view>

namespace tmalign {

// Returns the SHA-256 digest of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace tmalign
