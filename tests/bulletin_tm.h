// The bundled bulletin as a TM for the leverage tests, built from its hand-made splits and gold
// alignment (no dictionary needed): one unit per gold bead, document pujiang-2021-bulletin-07.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "align/bead.h"
#include "text_lines.h"
#include "tm/translation_memory.h"

namespace tmalign::testing {

inline const std::string kBulletinDir =
    std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/";
inline const std::string kBulletinDoc = "pujiang-2021-bulletin-07";

// Stores the bulletin's units in the TM at `path` (created); fails the test on error.
inline void BuildBulletinTm(const std::string& path) {
  const std::vector<std::string> zh = NonBlankLines(kBulletinDir + "zh.split");
  const std::vector<std::string> en = NonBlankLines(kBulletinDir + "en.split");
  std::vector<Bead> beads;
  ASSERT_TRUE(ReadBeadFile(kBulletinDir + "gold.align", &beads).ok());
  std::vector<TmUnit> units;
  for (const Bead& b : beads) {
    TmUnit u;
    u.position = static_cast<int>(units.size());
    u.src_ids = b.src;
    u.tgt_ids = b.tgt;
    for (int id : b.src) {
      u.source += zh[static_cast<size_t>(id)];
      u.src_sentences.push_back(zh[static_cast<size_t>(id)]);
    }
    for (int id : b.tgt) {
      u.target += (u.target.empty() ? "" : " ") + en[static_cast<size_t>(id)];
      u.tgt_sentences.push_back(en[static_cast<size_t>(id)]);
    }
    u.confidence = 1;
    units.push_back(std::move(u));
  }
  std::unique_ptr<TranslationMemory> tm;
  ASSERT_TRUE(TranslationMemory::Open(path, &tm).ok());
  TmDocument doc;
  doc.id = kBulletinDoc;
  ASSERT_TRUE(tm->ReplaceDocument(doc, units).ok());
}

}  // namespace tmalign::testing
