// A one-sentence-each-side TM unit for tests: sentence ids equal to the position.
#pragma once

#include <string>

#include "tm/translation_memory.h"

namespace tmalign::testing {

inline TmUnit OneToOneUnit(int position, const std::string& source, const std::string& target) {
  TmUnit u;
  u.position = position;
  u.src_ids = {position};
  u.tgt_ids = {position};
  u.source = source;
  u.target = target;
  u.confidence = 0.9;
  return u;
}

}  // namespace tmalign::testing
