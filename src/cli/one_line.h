// Text for one-line and tab-separated output: tabs and line breaks become spaces.
#pragma once

#include <string>

namespace tmalign::cli {

inline std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace tmalign::cli
