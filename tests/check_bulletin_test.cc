// `tmalign check` end to end on the bundled bulletin: the draft's planted
// mistakes (listed in draft-en.mistakes.tsv) are found through the aligner and
// through a translation memory; the published English raises nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dict/cedict.h"
#include "run_binary.h"

namespace tmalign {

using testing::RunResult;
using testing::RunTmalign;
namespace {

const std::string kBulletin = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/";
const std::string kGlossary = std::string(TMALIGN_SOURCE_DIR) + "/glossary/blockchain.tsv";

struct Planted {
  std::string kind;
  int line = 0, column = 0;
  std::string zh, expected, found;
};

std::vector<Planted> ReadPlanted() {
  std::ifstream in(kBulletin + "draft-en.mistakes.tsv");
  std::vector<Planted> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    Planted p;
    std::string l, c;
    std::getline(fields, p.kind, '\t');
    std::getline(fields, l, '\t');
    std::getline(fields, c, '\t');
    std::getline(fields, p.zh, '\t');
    std::getline(fields, p.expected, '\t');
    std::getline(fields, p.found, '\t');
    p.line = std::stoi(l);
    p.column = std::stoi(c);
    out.push_back(p);
  }
  return out;
}

// Each planted mistake is reported once, of its kind, on its line; at its column
// except `missing`, which is reported where the unit's translation starts.
void ExpectPlantedFound(const nlohmann::json& findings, const std::vector<Planted>& planted) {
  ASSERT_EQ(findings.size(), planted.size()) << findings.dump(2);
  for (const Planted& p : planted) {
    bool found = false;
    for (const auto& f : findings) {
      if (f["kind"] != p.kind || f["term_zh"] != p.zh || f["line"] != p.line) continue;
      if (p.kind != "missing") {
        EXPECT_EQ(f["column"], p.column) << p.kind << " " << p.zh;
      }
      found = true;
    }
    EXPECT_TRUE(found) << "not reported: " << p.kind << " " << p.zh << " at line " << p.line << "\n"
                       << findings.dump(2);
  }
}

bool HaveDictionary() {
  std::error_code ec;
  return std::filesystem::exists(DefaultCedictPath(), ec);
}

TEST(CheckBulletinTest, AlignedDraftShowsEveryPlantedMistake) {
  if (!HaveDictionary()) GTEST_SKIP() << "CC-CEDICT not found at " << DefaultCedictPath();
  std::vector<Planted> planted = ReadPlanted();
  ASSERT_EQ(planted.size(), 5u);
  RunResult r = RunTmalign("check --glossary " + kGlossary + " --source " + kBulletin + "zh.txt --target " +
                           kBulletin + "draft-en.txt --json");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ExpectPlantedFound(nlohmann::json::parse(r.out), planted);
}

TEST(CheckBulletinTest, PublishedEnglishIsClean) {
  if (!HaveDictionary()) GTEST_SKIP() << "CC-CEDICT not found at " << DefaultCedictPath();
  RunResult r = RunTmalign("check --glossary " + kGlossary + " --source " + kBulletin + "zh.txt --target " +
                           kBulletin + "en.txt --json");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(nlohmann::json::parse(r.out).empty());
}

TEST(CheckBulletinTest, TranslationMemoryAuditFindsTheSameMistakes) {
  if (!HaveDictionary()) GTEST_SKIP() << "CC-CEDICT not found at " << DefaultCedictPath();
  const std::string tm = ::testing::TempDir() + "check_bulletin_" + std::to_string(getpid()) + ".sqlite";
  std::filesystem::remove(tm);
  ASSERT_EQ(
      RunTmalign("align " + kBulletin + "zh.txt " + kBulletin + "draft-en.txt --tm " + tm + " --doc draft")
          .exit_code,
      0);
  ASSERT_EQ(
      RunTmalign("align " + kBulletin + "zh.txt " + kBulletin + "en.txt --tm " + tm + " --doc published")
          .exit_code,
      0);

  RunResult draft = RunTmalign("check --glossary " + kGlossary + " --tm " + tm + " --doc draft --json");
  EXPECT_EQ(draft.exit_code, 1) << draft.err;
  nlohmann::json findings = nlohmann::json::parse(draft.out);
  std::multiset<std::string> kinds;
  for (const auto& f : findings) {
    kinds.insert(f["kind"].get<std::string>());
    EXPECT_NE(f["unit"].get<std::string>().find("draft:"), std::string::npos) << f.dump();
  }
  for (const Planted& p : ReadPlanted()) {
    EXPECT_GE(kinds.count(p.kind), 1u) << p.kind;
  }

  RunResult published =
      RunTmalign("check --glossary " + kGlossary + " --tm " + tm + " --doc published --json");
  EXPECT_EQ(published.exit_code, 0) << published.out << published.err;

  RunResult missing = RunTmalign("check --glossary " + kGlossary + " --tm " + tm + " --doc nosuch");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nosuch"), std::string::npos) << missing.err;
  std::filesystem::remove(tm);
}

}  // namespace
}  // namespace tmalign
