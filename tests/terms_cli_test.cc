// End-to-end tests of `tmalign terms` (import, export, lookup).
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "run_binary.h"
#include "terms_test_util.h"

namespace tmalign {

using testing::RunResult;
using testing::RunTmalign;

TEST(TermsCliTest, ImportTbxToTsv) {
  const std::string out = ::testing::TempDir() + "imported.tsv";
  RunResult r = RunTmalign("terms import " + Data("v3.tbx") + " -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(out);
  std::string tsv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(tsv.find("联盟链\talliance chain\tconsortium chain\tunion chain\tno\t"), std::string::npos)
      << tsv;
}

TEST(TermsCliTest, ImportErrorsExitTwoWithPosition) {
  RunResult r = RunTmalign("terms import " + Data("xxe.tbx"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("xxe.tbx:3:"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("root"), std::string::npos);
}

TEST(TermsCliTest, LookupChineseAndEnglish) {
  RunResult r = RunTmalign("terms lookup 联盟 --json -g " + Data("glossary.tsv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["en"], "alliance chain");
  r = RunTmalign("terms lookup \"We met the ministry of science and technology.\" --json -g " +
                 Data("glossary.tsv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["zh"], "科技部");
  EXPECT_EQ(RunTmalign("terms lookup 量子 -g " + Data("glossary.tsv")).exit_code, 1);
}

TEST(TermsCliTest, ExportedTbxReadsInTranslateToolkit) {
  if (std::system("/usr/bin/python3 -c 'import translate.storage.tbx' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "translate-toolkit (python3-translate) not installed";
  }
  const std::string tbx = ::testing::TempDir() + "export.tbx";
  RunResult r = RunTmalign("terms export --format tbx -g " + Data("glossary.tsv") + " -o " + tbx);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string script =
      WriteTemp("read_tbx.py",
                "import sys\n"
                "from translate.storage import tbx\n"
                "store = tbx.tbxfile.parsefile(sys.argv[1])\n"
                "for u in store.units:\n"
                "    print(u.source + '\\t' + u.target + '\\t' + u.getnotes().replace('\\n', ' '))\n");
  FILE* p = popen(("/usr/bin/python3 " + script + " " + tbx).c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ASSERT_EQ(pclose(p), 0) << out;
  EXPECT_NE(out.find("联盟链\talliance chain\tbulletin style"), std::string::npos) << out;
  EXPECT_NE(out.find("科技部\tMOST\t"), std::string::npos) << out;
  size_t lines = 0;
  for (char c : out) lines += c == '\n';
  EXPECT_EQ(lines, 6u);
}

TEST(TermsCliTest, ExportTsvAndHelp) {
  RunResult r = RunTmalign("terms export --format tsv -g " + Data("v3.tbx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("zh\ten\tvariants\tforbidden\tcase\tnote\n", 0), 0u);
  EXPECT_EQ(RunTmalign("terms export --format pdf -g " + Data("v3.tbx")).exit_code, 2);
  EXPECT_EQ(RunTmalign("terms import --help").exit_code, 0);
  EXPECT_EQ(RunTmalign("terms lookup --help").exit_code, 0);
  EXPECT_EQ(RunTmalign("terms --help").exit_code, 0);
}

}  // namespace tmalign
