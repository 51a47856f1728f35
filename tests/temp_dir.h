// A fresh temporary folder for a test ("/tmp/PREFIX_abc123"); empty on failure.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace tmalign::testing {

inline std::string MakeTempDir(const std::string& prefix) {
  std::string tmpl = (std::filesystem::temp_directory_path() / (prefix + "_XXXXXX")).string();
  return ::mkdtemp(tmpl.data()) ? tmpl : std::string();
}

}  // namespace tmalign::testing
