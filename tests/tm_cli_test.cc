// The translation-memory commands end to end: import/export round trip, security,
// durability (kill -9, concurrent imports), translate-toolkit interoperability.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "run_binary.h"
#include "spawn_binary.h"
#include "temp_dir.h"
#include "tm/sqlite_handle.h"
#include "tm_cli_fixture.h"

namespace tmalign {

using testing::ReadFile;
using testing::RunResult;
using testing::RunTmalign;
namespace {

namespace fs = std::filesystem;

class TmCliTest : public testing::TmCliFixture {
 protected:
  TmCliTest() : TmCliFixture("tmalign_tm_cli") {}
  int64_t Query(const std::string& sql) {
    std::unique_ptr<SqliteDb> db;
    if (!SqliteDb::Open(tm_, SQLITE_OPEN_READONLY, tm_, &db).ok()) {
      ADD_FAILURE() << "cannot open " << tm_;
      return -1;
    }
    SqliteStatement st;
    EXPECT_TRUE(SqliteStatement::Prepare(db.get(), sql, &st).ok());
    bool row = false;
    EXPECT_TRUE(st.Step(&row).ok());
    return row ? st.ColumnInt64(0) : -1;
  }
  // The temporary files of imports building the TM (tm/new_tm_file.h) in its folder.
  int TemporaryTms() const {
    int n = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(tm_).parent_path()))
      n += entry.path().filename().string().rfind(".tm.sqlite.tmalign-new.", 0) == 0;
    return n;
  }
};

const char* kTmx = R"(<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="zh-CN" o-tmf="test"/>
  <body>
    <tu creationdate="20210616T093000Z">
      <prop type="x-project">Pujiang</prop>
      <tuv xml:lang="zh-CN"><seg>要探索<bpt i="1">&lt;b&gt;</bpt>联盟链<ept i="1">&lt;/b&gt;</ept>监管框架。<ph x="2">{1}</ph></seg></tuv>
      <tuv xml:lang="en-US"><seg>Explore a <hi type="b">regulatory</hi> framework for the <bpt i="1">&lt;b&gt;</bpt>alliance chain<ept i="1">&lt;/b&gt;</ept>.<ph x="2">{1}</ph></seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="zh-Hant"><seg>區塊鏈技術仍存在潛在風險。</seg></tuv>
      <tuv xml:lang="en-GB"><seg>Blockchain technology still has potential risks.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="fr"><seg>La chaîne.</seg></tuv>
      <tuv xml:lang="en"><seg>The chain.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="de"><seg>Die Kette.</seg></tuv>
      <tuv xml:lang="fr"><seg>La chaîne.</seg></tuv>
    </tu>
  </body>
</tmx>
)";

TEST_F(TmCliTest, ImportTmxLanguagesMarkupAndSkippedSummary) {
  std::string tmx = Write("pujiang.tmx", kTmx);
  RunResult r = Tm("import " + tmx);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 2 units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 2 units not in zh+en (de+fr: 1, en+fr: 1)"), std::string::npos) << r.out;
  RunResult docs = Tm("docs");
  EXPECT_NE(docs.out.find("pujiang\t2 units"), std::string::npos) << docs.out;
  // Markup is not text: the stored source is what a translator reads.
  RunResult m = Tm("match 要探索联盟链监管框架。 --json");
  ASSERT_EQ(m.exit_code, 0) << m.err;
  auto j = nlohmann::json::parse(m.out);
  ASSERT_EQ(j["matches"].size(), 1u);
  EXPECT_EQ(j["matches"][0]["source"], "要探索联盟链监管框架。");
  EXPECT_EQ(j["matches"][0]["score"], 100);
  // zh-Hant imported and matched from a Simplified query.
  RunResult t = Tm("match 区块链技术仍存在潜在风险。 --json");
  EXPECT_EQ(nlohmann::json::parse(t.out)["matches"][0]["score"], 100);
}

TEST_F(TmCliTest, ExportImportExportIsLosslessWithMarkupAndProps) {
  ASSERT_EQ(Tm("import " + Write("pujiang.tmx", kTmx)).exit_code, 0);
  ASSERT_EQ(
      Tm("import " + Write("extra.tsv", "第一季度经济平稳增长。\tThe economy grew steadily.\n")).exit_code,
      0);
  std::string e1 = dir_ + "/e1.tmx", e2 = dir_ + "/e2.tmx";
  RunResult r = Tm("export --format tmx -o " + e1);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string first = ReadFile(e1);
  for (const char* needle :
       {"creationtool=\"tmalign\"", "srclang=\"", "segtype=\"sentence\"", "o-tmf=\"tmalign\"",
        "datatype=\"plaintext\"", "<prop type=\"x-tmalign-doc\">pujiang</prop>",
        "<prop type=\"x-tmalign-position\">1</prop>", "<prop type=\"x-tmalign-confidence\">",
        "creationdate=\"20210616T093000Z\"", "<prop type=\"x-project\">Pujiang</prop>",
        "<bpt i=\"1\">&lt;b&gt;</bpt>联盟链<ept i=\"1\">&lt;/b&gt;</ept>", "<hi type=\"b\">regulatory</hi>",
        "<ph x=\"2\">{1}</ph>", "xml:lang=\"zh-Hant\""}) {
    EXPECT_NE(first.find(needle), std::string::npos) << needle;
  }
  std::string tm2 = dir_ + "/tm2.sqlite";
  ASSERT_EQ(RunTmalign("import " + e1 + " --tm " + tm2).exit_code, 0);
  ASSERT_EQ(RunTmalign("export --format tmx -o " + e2 + " --tm " + tm2).exit_code, 0);
  EXPECT_EQ(first, ReadFile(e2));
  RunResult tsv = Tm("export --format tsv");
  EXPECT_NE(tsv.out.find("第一季度经济平稳增长。\tThe economy grew steadily.\n"), std::string::npos)
      << tsv.out;
}

TEST_F(TmCliTest, DedupDocsDeleteStats) {
  std::string a = Write("a.tsv", "联盟链\talliance chain\n公有链\tpublic chain\n");
  std::string b = Write("b.tsv", "联盟链\talliance chain\n");
  ASSERT_EQ(Tm("import " + a + " " + b).exit_code, 0);
  EXPECT_EQ(Query("SELECT count(*) FROM units"), 3);
  EXPECT_EQ(Query("SELECT count(*) FROM segments"), 2);
  RunResult m = Tm("match 联盟链 --json");
  auto j = nlohmann::json::parse(m.out);
  ASSERT_EQ(j["matches"].size(), 1u);
  EXPECT_EQ(j["matches"][0]["usage"], 2);
  RunResult s = Tm("stats --json");
  ASSERT_EQ(s.exit_code, 0) << s.err;
  auto st = nlohmann::json::parse(s.out);
  EXPECT_EQ(st["units"], 3);
  EXPECT_EQ(st["pairs"], 2);
  EXPECT_EQ(st["shared_pairs"], 1);
  EXPECT_EQ(Tm("delete --doc a").exit_code, 0);
  EXPECT_EQ(Query("SELECT count(*) FROM segments"), 1);
  RunResult missing = Tm("delete --doc a");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no document 'a'"), std::string::npos);
  // Importing a file again replaces its document: nothing duplicated.
  ASSERT_EQ(Tm("import " + b).exit_code, 0);
  EXPECT_EQ(Query("SELECT count(*) FROM units"), 1);
}

// A first import into an empty TM builds the segment-hash index at commit instead of row by
// row; later imports find its pairs through that index. Pairs repeated within one file are
// found in memory, past the writer's table growth (1024 slots at first).
TEST_F(TmCliTest, RepeatedPairsAreStoredOnceWithinAndAcrossImports) {
  std::string rows;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 3000; ++i)
      rows += "第" + std::to_string(i) + "句。\tSentence " + std::to_string(i) + ".\n";
  }
  ASSERT_EQ(Tm("import " + Write("big.tsv", rows)).exit_code, 0);
  EXPECT_EQ(Query("SELECT count(*) FROM units"), 6000);
  EXPECT_EQ(Query("SELECT count(*) FROM segments"), 3000);
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'segments_hash'"), 1);
  // Thousands of posting lists, written many rows to a statement, all findable.
  for (int i : {0, 1234, 2999}) {
    RunResult m = Tm("match 第" + std::to_string(i) + "句。 --json");
    ASSERT_EQ(m.exit_code, 0) << m.err;
    auto j = nlohmann::json::parse(m.out);
    ASSERT_FALSE(j["matches"].empty()) << i;
    EXPECT_EQ(j["matches"][0]["score"], 100);
    EXPECT_EQ(j["matches"][0]["target"], "Sentence " + std::to_string(i) + ".");
  }
  ASSERT_EQ(Tm("import " + Write("again.tsv", "第7句。\tSentence 7.\n新句。\tNew sentence.\n")).exit_code, 0);
  EXPECT_EQ(Query("SELECT count(*) FROM segments"), 3001);
  EXPECT_EQ(Query("SELECT count(DISTINCT segment_id) FROM units WHERE source = '第7句。'"), 1);
  EXPECT_EQ(Query("SELECT count(*) FROM units WHERE source = '第7句。'"), 3);
}

TEST_F(TmCliTest, QueriesGiveJsonLines) {
  ASSERT_EQ(Tm("import " +
               Write("a.tsv", "我们要积极发展联盟链。\tWe shall actively develop the alliance chain.\n"))
                .exit_code,
            0);
  std::string q = Write("q.txt", "我们要积极发展联盟链。\n我们要发展联盟链。\nnothing like it\n");
  RunResult r = Tm("match --queries " + q);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["query"], "我们要积极发展联盟链。");
  EXPECT_TRUE(rows[0]["elapsed_ms"].is_number());
  EXPECT_EQ(rows[0]["matches"][0]["score"], 100);
  EXPECT_EQ(rows[0]["matches"][0]["target"], "We shall actively develop the alliance chain.");
  EXPECT_EQ(rows[0]["matches"][0]["doc"], "a");
  EXPECT_EQ(rows[0]["matches"][0]["unit"], 0);
  EXPECT_EQ(rows[1]["matches"][0]["score"], 81);  // 11 characters, 2 deleted
  EXPECT_EQ(rows[1]["matches"][0]["diff_text"], "我们要[-积极-]发展联盟链。");
  EXPECT_TRUE(rows[2]["matches"].empty());
  RunResult s = Tm("search --queries " + Write("s.txt", "联盟链\nalliance\n"));
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.out.find("\"hits\":[{"), std::string::npos);
  RunResult kwic = Tm("search 联盟链");
  EXPECT_NE(kwic.out.find("我们要积极发展[联盟链]。"), std::string::npos) << kwic.out;
}

TEST_F(TmCliTest, HostileXmlIsRejectedAndNothingImported) {
  std::string xxe = Write("xxe.tmx",
                          "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "
                          "\"file:///etc/passwd\">]>\n<tmx version=\"1.4\"><header/><body>"
                          "<tu><tuv xml:lang=\"zh\"><seg>&x;</seg></tuv><tuv "
                          "xml:lang=\"en\"><seg>&x;</seg></tuv></tu></body></tmx>\n");
  RunResult r = Tm("import " + xxe);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("xxe.tmx:2"), std::string::npos) << r.err;
  // The TM did not exist: a failed first import leaves none, and no temporary file beside it.
  EXPECT_FALSE(fs::exists(tm_));
  EXPECT_EQ(TemporaryTms(), 0);

  std::string lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY a \"aaaaaaaaaa\">";
  for (char name = 'b'; name <= 'j'; ++name) {
    lol.append("<!ENTITY ").push_back(name);
    lol.append(" \"");
    for (int k = 0; k < 10; ++k) {
      lol.push_back('&');
      lol.push_back(static_cast<char>(name - 1));
      lol.push_back(';');
    }
    lol.append("\">");
  }
  lol +=
      "]>\n<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"zh\"><seg>&j;</seg></tuv><tuv "
      "xml:lang=\"en\"><seg>x</seg></tuv></tu></body></tmx>\n";
  r = Tm("import " + Write("lol.tmx", lol));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("lol.tmx:"), std::string::npos) << r.err;

  // Malformed after good units, into a TM that exists: file:line, and none of the file's
  // units stay (the transaction rolls back).
  ASSERT_EQ(Tm("import " + Write("good.tmx", kTmx)).exit_code, 0);
  const int64_t units = Query("SELECT count(*) FROM units");
  const int64_t documents = Query("SELECT count(*) FROM documents");
  std::string bad =
      Write("bad.tmx",
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body>\n"
            "<tu><tuv xml:lang=\"zh\"><seg>一</seg></tuv><tuv xml:lang=\"en\"><seg>one</seg></tuv></tu>\n"
            "<tu><tuv xml:lang=\"zh\"><seg>二</seg></tuv><tuv xml:lang=\"en\"><seg>two</seg></tuv>\n"
            "</body></tmx>\n");
  r = Tm("import " + bad);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.tmx:5:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing imported"), std::string::npos) << r.err;
  EXPECT_EQ(Query("SELECT count(*) FROM units"), units);
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), documents);
}

std::string BigTmx(int units) {
  std::string s = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"zh\"/><body>\n";
  for (int i = 0; i < units; ++i) {
    s += "<tu><tuv xml:lang=\"zh\"><seg>第" + std::to_string(i) + "句关于联盟链监管的测试文本，编号" +
         std::to_string(i * 7) + "。</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence " + std::to_string(i) +
         " of a test about alliance chain regulation, number " + std::to_string(i * 7) +
         ".</seg></tuv></tu>\n";
  }
  return s + "</body></tmx>\n";
}

TEST_F(TmCliTest, KillDuringImportLeavesAnIntactTmWithoutTheFile) {
  ASSERT_EQ(Tm("import " + Write("before.tsv", "联盟链\talliance chain\n")).exit_code, 0);
  std::string big = Write("big.tmx", BigTmx(300000));
  // SIGKILL at a known place inside the import's transaction: the binary pauses at its 40th
  // check (163,840 units in; cli/interrupt.h). Waiting for the WAL to grow instead raced the
  // commit: the writer's page cache holds a 300,000-unit import until it commits.
  testing::SpawnedTmalign run;
  ASSERT_TRUE(run.Start({"import", big, "--tm", tm_}, fs::path(tm_).parent_path().string(),
                        {"TMALIGN_TEST_PAUSE=import:40"}));
  const bool paused = run.WaitForStderr("tmalign: paused at import:40");
  run.Signal(SIGKILL);
  ASSERT_TRUE(paused) << run.err();
  ASSERT_EQ(run.Wait(), -1) << "the import was not ended by the signal";

  std::unique_ptr<SqliteDb> db;
  ASSERT_TRUE(SqliteDb::Open(tm_, SQLITE_OPEN_READWRITE, tm_, &db).ok());
  SqliteStatement check;
  ASSERT_TRUE(SqliteStatement::Prepare(db.get(), "PRAGMA integrity_check", &check).ok());
  bool row = false;
  ASSERT_TRUE(check.Step(&row).ok());
  EXPECT_EQ(check.ColumnText(0), "ok");
  db.reset();
  EXPECT_EQ(Query("SELECT count(*) FROM units WHERE doc_id = 'big'"), 0);
  EXPECT_EQ(Query("SELECT count(*) FROM units"), 1);
  RunResult m = Tm("match 联盟链");
  EXPECT_EQ(m.exit_code, 0) << m.err;
}

// A TM that does not exist is built in a temporary file beside its path and appears there only
// when complete: killed midway, no TM is left at the path, and the next import (into the same
// path) removes the dead process's temporary file and creates the TM in WAL mode.
TEST_F(TmCliTest, KillDuringFirstImportLeavesNoTmAndTheNextImportCleansUp) {
  std::string big = Write("big.tmx", BigTmx(30000));
  testing::SpawnedTmalign run;
  ASSERT_TRUE(run.Start({"import", big, "--tm", tm_}, fs::path(tm_).parent_path().string(),
                        {"TMALIGN_TEST_PAUSE=import:5"}));  // 20,480 units in
  const bool paused = run.WaitForStderr("tmalign: paused at import:5");
  run.Signal(SIGKILL);
  ASSERT_TRUE(paused) << run.err();
  ASSERT_EQ(run.Wait(), -1) << "the import was not ended by the signal";
  EXPECT_FALSE(fs::exists(tm_));
  EXPECT_GE(TemporaryTms(), 1);
  EXPECT_EQ(Tm("stats").exit_code, 2);  // no TM for readers

  RunResult r = Tm("import " + Write("after.tsv", "联盟链\talliance chain\n"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(TemporaryTms(), 0);
  EXPECT_EQ(Query("SELECT count(*) FROM units"), 1);
  std::unique_ptr<SqliteDb> db;
  ASSERT_TRUE(SqliteDb::Open(tm_, SQLITE_OPEN_READWRITE, tm_, &db).ok());
  for (const char* pragma : {"PRAGMA integrity_check", "PRAGMA journal_mode"}) {
    SqliteStatement st;
    ASSERT_TRUE(SqliteStatement::Prepare(db.get(), pragma, &st).ok());
    bool row = false;
    ASSERT_TRUE(st.Step(&row).ok());
    ASSERT_TRUE(row);
    EXPECT_EQ(st.ColumnText(0), pragma[7] == 'i' ? "ok" : "wal") << pragma;
  }
  db.reset();
  // Later imports go into the TM as into any.
  ASSERT_EQ(Tm("import " + big).exit_code, 0);
  EXPECT_EQ(Query("SELECT count(*) FROM units"), 30001);
}

TEST_F(TmCliTest, TwoConcurrentImportsBothLand) {
  ASSERT_EQ(Tm("stats").exit_code, 2);  // no TM yet: stats does not create one
  std::string a = Write("a.tmx", BigTmx(3000)), b = Write("b.tmx", BigTmx(2000));
  RunResult ra, rb;
  std::thread ta([&] { ra = Tm("import " + a); });
  std::thread tb([&] { rb = Tm("import " + b); });
  ta.join();
  tb.join();
  EXPECT_EQ(ra.exit_code, 0) << ra.err;
  EXPECT_EQ(rb.exit_code, 0) << rb.err;
  EXPECT_EQ(Query("SELECT count(*) FROM units WHERE doc_id = 'a'"), 3000);
  EXPECT_EQ(Query("SELECT count(*) FROM units WHERE doc_id = 'b'"), 2000);
  EXPECT_EQ(Query("SELECT count(*) FROM segments"), 3000);  // b's 2000 pairs are a's first 2000
}

bool HaveTranslateToolkit() {
  return std::system("/usr/bin/python3 -c 'from translate.storage import tmx' >/dev/null 2>&1") == 0;
}

TEST_F(TmCliTest, TranslateToolkitReadsOurTmx) {
  if (!HaveTranslateToolkit()) GTEST_SKIP() << "translate-toolkit (python3-translate) not installed";
  ASSERT_EQ(Tm("import " + Write("pujiang.tmx", kTmx)).exit_code, 0);
  ASSERT_EQ(Tm("import " + Write("x.tsv", "联盟链 & <公有链>\t\"alliance\" & <public> chains\n")).exit_code,
            0);
  std::string out = dir_ + "/out.tmx";
  ASSERT_EQ(Tm("export --format tmx -o " + out).exit_code, 0);
  std::string script = Write("read.py",
                             "import sys\nfrom translate.storage import tmx\n"
                             "store = tmx.tmxfile.parsefile(sys.argv[1])\n"
                             "units = [u for u in store.units]\nprint(len(units))\n"
                             "for u in units: print(u.source + '\\t' + u.target)\n");
  FILE* p = popen(("/usr/bin/python3 " + script + " " + out + " 2>&1").c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  ASSERT_EQ(pclose(p), 0) << text;
  EXPECT_EQ(text.substr(0, 2), "3\n") << text;
  EXPECT_NE(text.find("联盟链 & <公有链>\t\"alliance\" & <public> chains"), std::string::npos) << text;
  EXPECT_NE(text.find("區塊鏈技術仍存在潛在風險。\tBlockchain technology still has potential risks."),
            std::string::npos)
      << text;
}

TEST_F(TmCliTest, TmxWrittenByTranslateToolkitImports) {
  if (!HaveTranslateToolkit()) GTEST_SKIP() << "translate-toolkit (python3-translate) not installed";
  std::string tt = dir_ + "/tt.tmx";
  std::string script = Write(
      "write.py",
      "import sys\nfrom translate.storage import tmx\n"
      "store = tmx.tmxfile(sourcelanguage='zh-CN', targetlanguage='en-US')\n"
      "store.addtranslation('发展联盟链。', 'zh-CN', 'Develop the alliance chain.', 'en-US')\n"
      "store.addtranslation('区块链 <监管> & 安全', 'zh-CN', 'Blockchain <regulation> & security', 'en-US')\n"
      "open(sys.argv[1], 'wb').write(bytes(store))\n");
  ASSERT_EQ(std::system(("/usr/bin/python3 " + script + " " + tt).c_str()), 0);
  RunResult r = Tm("import " + tt);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 2 units"), std::string::npos) << r.out;
  RunResult tsv = Tm("export --format tsv");
  EXPECT_EQ(tsv.out,
            "发展联盟链。\tDevelop the alliance chain.\n区块链 <监管> & 安全\tBlockchain <regulation> & "
            "security\n");
}

}  // namespace
}  // namespace tmalign
