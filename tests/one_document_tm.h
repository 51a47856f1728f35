// A test fixture: a TM in a fresh temporary folder holding one document of units, with a
// searcher over it; the folder goes at the end of the test.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "temp_dir.h"
#include "tm/tm_search.h"
#include "tm/translation_memory.h"

namespace tmalign::testing {

class OneDocumentTmTest : public ::testing::Test {
 protected:
  // Call from SetUp: the TM (in a folder named after `prefix`) with document `doc_id`.
  void BuildTm(const std::string& prefix, const std::string& doc_id, const std::vector<TmUnit>& units) {
    dir_ = MakeTempDir(prefix);
    ASSERT_FALSE(dir_.empty());
    ASSERT_TRUE(TranslationMemory::Open(dir_ + "/tm.sqlite", &tm_).ok());
    TmDocument doc;
    doc.id = doc_id;
    ASSERT_TRUE(tm_->ReplaceDocument(doc, units).ok());
    ASSERT_TRUE(TmSearcher::Create(tm_.get(), &searcher_).ok());
  }
  void TearDown() override {
    searcher_.reset();
    tm_.reset();
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }

  std::string dir_;
  std::unique_ptr<TranslationMemory> tm_;
  std::unique_ptr<TmSearcher> searcher_;
};

}  // namespace tmalign::testing
