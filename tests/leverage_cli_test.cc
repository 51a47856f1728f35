// `tmalign analyze` and `tmalign pretranslate` end to end on a new bulletin issue against the
// bundled bulletin's TM; the XLIFF as independent readers see it; bad input.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bulletin_tm.h"
#include "run_binary.h"
#include "temp_dir.h"

namespace tmalign {
namespace {

using testing::RunResult;
using testing::RunTmalign;

const std::string kNewIssue = std::string(TMALIGN_TEST_DATA) + "/leverage/bulletin-08-zh.txt";

class LeverageCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("leverage_cli");
    ASSERT_FALSE(dir_.empty());
    tm_ = dir_ + "/tm.sqlite";
    testing::BuildBulletinTm(tm_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  // Runs /usr/bin/python3 SCRIPT FILE; its standard output and error.
  std::string Python(const std::string& script, const std::string& file, int* rc) {
    FILE* p = popen(("/usr/bin/python3 " + Write("read.py", script) + " " + file + " 2>&1").c_str(), "r");
    std::string text;
    char buf[4096];
    size_t n;
    while (p != nullptr && (n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    *rc = p == nullptr ? -1 : pclose(p);
    return text;
  }
  std::string dir_, tm_;
};

TEST_F(LeverageCliTest, AnalyzeJsonAndTable) {
  RunResult r = RunTmalign("analyze '" + kNewIssue + "' --tm '" + tm_ + "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["file"], kNewIssue);
  EXPECT_EQ(j["segments"], 16);
  int segments = 0;
  for (const auto& [band, counts] : j["bands"].items()) segments += counts["segments"].get<int>();
  EXPECT_EQ(segments, 16);
  EXPECT_EQ(j["bands"].size(), 8u);
  EXPECT_GE(j["bands"]["context"]["segments"].get<int>(), 1);
  EXPECT_GE(j["bands"]["100"]["segments"].get<int>(), 2);  // the masthead and the seminar's name
  EXPECT_EQ(j["bands"]["95-99"]["segments"], 3);           // issue number, date, bulletin number
  EXPECT_EQ(j["bands"]["95-99"]["chars"], 18);
  EXPECT_EQ(j["bands"]["repetition"]["segments"], 1);
  EXPECT_EQ(j["bands"]["repetition"]["chars"], 10);  // 上海浦江创新论坛中心

  RunResult to_file =
      RunTmalign("analyze '" + kNewIssue + "' --tm '" + tm_ + "' --json -o '" + dir_ + "/a.json'");
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(testing::ReadFile(dir_ + "/a.json"), r.out);

  RunResult table = RunTmalign("analyze '" + kNewIssue + "' --tm '" + tm_ + "'");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("16 segments (zh)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("characters"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("repetition           1    6.2%          10    2.6%"), std::string::npos)
      << table.out;
}

TEST_F(LeverageCliTest, AnyDocumentFormatSplitReads) {
  // The bulletin's own Chinese DOCX against its TM: its sentences are split as zh.txt's.
  RunResult r = RunTmalign("analyze '" + testing::kBulletinDir + "docs/zh.docx' --tm '" + tm_ + "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["segments"], 83);
  EXPECT_GE(j["bands"]["context"]["segments"].get<int>(), 30) << r.out;
  EXPECT_EQ(j["bands"]["repetition"]["segments"], 0) << r.out;
  EXPECT_EQ(j["bands"]["95-99"]["segments"], 0) << r.out;
}

TEST_F(LeverageCliTest, MatchShowsTheAdaptedTarget) {
  RunResult r = RunTmalign("match 2021年7月2日 --tm '" + tm_ + "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["matches"].empty()) << r.out;
  EXPECT_EQ(j["matches"][0]["score"], 98);
  EXPECT_EQ(j["matches"][0]["target"], "June.16 2021");
  EXPECT_EQ(j["matches"][0]["adapted_target"], "July.2 2021");
  RunResult text = RunTmalign("match 2021年7月2日 --tm '" + tm_ + "'");
  EXPECT_NE(text.out.find("adapted: July.2 2021"), std::string::npos) << text.out;
  RunResult exact = RunTmalign("match 上海浦江创新论坛中心 --tm '" + tm_ + "' --json");
  EXPECT_TRUE(nlohmann::json::parse(exact.out)["matches"][0]["adapted_target"].is_null()) << exact.out;
}

bool HaveTranslateToolkit() {
  return std::system("/usr/bin/python3 -c 'import translate.storage.xliff, lxml' >/dev/null 2>&1") == 0;
}

TEST_F(LeverageCliTest, TranslateToolkitReadsXliff12) {
  if (!HaveTranslateToolkit()) GTEST_SKIP() << "translate-toolkit (python3-translate) not installed";
  const std::string out = dir_ + "/new.xlf";
  RunResult r = RunTmalign("pretranslate '" + kNewIssue + "' --tm '" + tm_ + "' -o '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("16 units: 9 translated, 4 fuzzy (3 with numbers adapted), 3 without a target"),
            std::string::npos)
      << r.err;
  int rc = 0;
  const std::string text = Python(
      "import sys\nfrom translate.storage import factory\n"
      "store = factory.getobject(sys.argv[1])\n"
      "print(type(store).__name__, store.getsourcelanguage(), store.gettargetlanguage(), len(store.units))\n"
      "for u in store.units:\n"
      "    t = u.getlanguageNode(lang=None, index=1)\n"
      "    alts = u.getalttrans(origin='tmalign')\n"
      "    a = alts[0] if alts else None\n"
      "    print('|'.join([u.getid().split('\\x04')[-1], u.source, u.target or '',\n"
      "                    t.get('state') if t is not None else '-',\n"
      "                    a.xmlelement.get('match-quality') if a else '-', a.source if a else '-',\n"
      "                    a.target if a else '-']))\n",
      out, &rc);
  ASSERT_EQ(rc, 0) << text;
  EXPECT_EQ(text.substr(0, text.find('\n')), "xlifffile zh en 16") << text;
  EXPECT_NE(
      text.find("p2-s1|上海浦江创新论坛中心|Shanghai Center for Pujiang Innovation Forum|translated|-|-|-\n"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find("p3-s1|2021年7月2日|July.2 2021|needs-review-translation|98|2021年6月16日|June.16 2021\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("p1-s1|〔第8期 总第143期〕|{No.8 Vol. 143}|needs-review-translation|98|"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("p8-s1|本届论坛共举办16场专题研讨会，吸引了来自海内外的近千名嘉宾。||-|-|-|-\n"),
            std::string::npos)
      << text;
}

// translate-toolkit 3.8 (Debian 12) has no XLIFF 2.0 reader (upstream issue translate/translate#3369):
// its xliff store looks for 1.x's <body> and finds no unit. The 2.0 file is read with lxml, the
// namespace-aware XML library translate-toolkit itself is built on, as a CAT tool would: by namespace.
TEST_F(LeverageCliTest, Xliff20ReadByNamespace) {
  if (!HaveTranslateToolkit()) GTEST_SKIP() << "translate-toolkit (python3-translate) and lxml not installed";
  const std::string out = dir_ + "/new.xlf";
  RunResult r =
      RunTmalign("pretranslate '" + kNewIssue + "' --tm '" + tm_ + "' --xliff-version 2.0 -o '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int rc = 0;
  const std::string text = Python(
      "import sys\nfrom lxml import etree\n"
      "ns = {'x': 'urn:oasis:names:tc:xliff:document:2.0', 'mtc': 'urn:oasis:names:tc:xliff:matches:2.0'}\n"
      "root = etree.parse(sys.argv[1]).getroot()\n"
      "print(root.tag, root.get('version'), root.get('srcLang'), root.get('trgLang'), "
      "len(root.findall('x:file/x:unit', ns)))\n"
      "for u in root.iterfind('x:file/x:unit', ns):\n"
      "    seg = u.find('x:segment', ns)\n"
      "    tgt = seg.find('x:target', ns)\n"
      "    m = u.find('mtc:matches/mtc:match', ns)\n"
      "    print('|'.join([u.get('id'), seg.findtext('x:source', namespaces=ns), tgt.text if tgt is not None "
      "else '',\n"
      "                    seg.get('state'), m.get('similarity') if m is not None else '-',\n"
      "                    m.findtext('x:target', namespaces=ns) if m is not None else '-']))\n",
      out, &rc);
  ASSERT_EQ(rc, 0) << text;
  EXPECT_EQ(text.substr(0, text.find('\n')), "{urn:oasis:names:tc:xliff:document:2.0}xliff 2.0 zh en 16")
      << text;
  EXPECT_NE(
      text.find("p2-s1|上海浦江创新论坛中心|Shanghai Center for Pujiang Innovation Forum|translated|-|-\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("p3-s1|2021年7月2日|July.2 2021|initial|98|June.16 2021\n"), std::string::npos) << text;
  EXPECT_NE(text.find("p8-s1|本届论坛共举办16场专题研讨会，吸引了来自海内外的近千名嘉宾。||initial|-|-\n"),
            std::string::npos)
      << text;
}

// The whole loop of a new issue: pre-translate, a CAT tool (translate-toolkit) reviews the
// XLIFF, import brings it back, and the same document is then covered by exact matches.
TEST_F(LeverageCliTest, ReviewedXliffImportedBackGivesExactMatches) {
  if (!HaveTranslateToolkit()) GTEST_SKIP() << "translate-toolkit (python3-translate) not installed";
  const std::string out = dir_ + "/new.xlf", reviewed = dir_ + "/reviewed.xlf";
  RunResult r = RunTmalign("pretranslate '" + kNewIssue + "' --tm '" + tm_ + "' -o '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;

  // Imported as it is, only the units pretranslate marked translated go in.
  const std::string unreviewed_tm = dir_ + "/unreviewed.sqlite";
  r = RunTmalign("import '" + out + "' --tm '" + unreviewed_tm + "' --doc b08");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 9 units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 7 units"), std::string::npos) << r.out;

  // The translator fills the units without a target and approves every unit.
  int rc = 0;
  const std::string text = Python(
      "import sys\nfrom translate.storage import factory\n"
      "store = factory.getobject(sys.argv[1])\n"
      "for i, u in enumerate(store.units):\n"
      "    if not u.target:\n"
      "        u.target = 'Reviewed translation %d.' % i\n"
      "    u.markfuzzy(False)\n"
      "    u.markapproved(True)\n"
      "store.savefile(sys.argv[2])\n",
      out + " " + reviewed, &rc);
  ASSERT_EQ(rc, 0) << text;
  r = RunTmalign("import '" + reviewed + "' --tm '" + tm_ + "' --doc b08");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 16 units"), std::string::npos) << r.out;

  r = RunTmalign("analyze '" + kNewIssue + "' --tm '" + tm_ + "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["bands"]["context"]["segments"].get<int>() + j["bands"]["100"]["segments"].get<int>(), 16)
      << r.out;
  r = RunTmalign("match 本届论坛共举办16场专题研讨会，吸引了来自海内外的近千名嘉宾。 --tm '" + tm_ +
                 "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Reviewed translation"), std::string::npos) << r.out;
}

TEST_F(LeverageCliTest, EmptyDocumentIsAnError) {
  for (const std::string& content : {std::string(), std::string("\n  \n\t\n")}) {
    const std::string empty = Write("empty.txt", content);
    for (const std::string cmd : {"analyze", "pretranslate"}) {
      const std::string output = cmd == "pretranslate" ? " -o '" + dir_ + "/out.xlf'" : "";
      RunResult r = RunTmalign(cmd + " '" + empty + "' --tm '" + tm_ + "'" + output);
      EXPECT_EQ(r.exit_code, 2) << cmd;
      EXPECT_EQ(r.out, "") << cmd;
      EXPECT_EQ(r.err.rfind("tmalign " + cmd + ": " + empty + ": ", 0), 0u) << r.err;
      EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
      EXPECT_FALSE(std::filesystem::exists(dir_ + "/out.xlf")) << cmd;
    }
  }
}

TEST_F(LeverageCliTest, MissingTmIsAnErrorAndNotCreated) {
  const std::string missing = dir_ + "/nosuch.sqlite";
  for (const std::string cmd : {"analyze", "pretranslate"}) {
    RunResult r = RunTmalign(cmd + " '" + kNewIssue + "' --tm '" + missing + "'");
    EXPECT_EQ(r.exit_code, 2) << cmd;
    EXPECT_EQ(r.out, "") << cmd;
    EXPECT_EQ(r.err, "tmalign " + cmd + ": " + missing +
                         ": no such translation memory (create one with tmalign import or align --tm)\n");
    EXPECT_FALSE(std::filesystem::exists(missing)) << cmd;
  }
}

TEST_F(LeverageCliTest, BadOptions) {
  RunResult r = RunTmalign("pretranslate '" + kNewIssue + "' --tm '" + tm_ + "' --xliff-version 1.1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tmalign pretranslate: unknown --xliff-version '1.1' (1.2 or 2.0)\n");
  r = RunTmalign("pretranslate '" + kNewIssue + "' --tm '" + tm_ + "' --min 30");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--min must be between 50 and 100"), std::string::npos) << r.err;
  r = RunTmalign("analyze --tm '" + tm_ + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing FILE"), std::string::npos) << r.err;
  r = RunTmalign("analyze '" + dir_ + "/nosuch.txt' --tm '" + tm_ + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(dir_ + "/nosuch.txt"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tmalign
