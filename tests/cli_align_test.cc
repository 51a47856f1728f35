// Runs the built tmalign binary: `tmalign align` end to end (formats, errors,
// atomic outputs, the translation memory, input encodings).
#include <expat.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "align/bead.h"
#include "cli/allocator_tuning.h"
#include "dict/cedict.h"
#include "run_binary.h"
#include "temp_dir.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunResult;

const std::string kCorpus = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/";

std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  int32_t len =
      ucnv_convert(charset, "UTF-8", nullptr, 0, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  std::string out(static_cast<size_t>(len), '\0');
  err = U_ZERO_ERROR;
  ucnv_convert(charset, "UTF-8", out.data(), len, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

bool HaveDictionary() {
  std::error_code ec;
  return fs::exists(DefaultCedictPath(), ec);
}

#define REQUIRE_DICTIONARY()                                       \
  if (!HaveDictionary())                                           \
  GTEST_SKIP() << "CC-CEDICT not found at " << DefaultCedictPath() \
               << " (run scripts/fetch-cedict or set TMALIGN_DICT)"

class CliAlignTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_cli_align");
    ASSERT_FALSE(std::string(dir_).empty());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return Path(name);
  }

  // `tmalign align ARGS` in the test's folder; `args` are shell words, quoted by the caller where needed.
  RunResult Run(const std::string& args) { return testing::RunTmalign("align " + args, dir_.string()); }

  // Exit code 2 and one stderr line "tmalign align: ..." that contains `name`.
  void ExpectOneLineError(const RunResult& r, const std::string& name) {
    EXPECT_EQ(r.exit_code, 2) << r.err;
    ASSERT_FALSE(r.err.empty());
    EXPECT_EQ(r.err.rfind("tmalign align: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "not one line: " << r.err;
    EXPECT_NE(r.err.find(name), std::string::npos) << "does not name " << name << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }

  fs::path dir_;
};

std::vector<Bead> ParseBeads(const std::string& text) {
  std::vector<Bead> beads;
  int n = 0;
  for (const std::string& line : Lines(text)) {
    Bead b;
    Status s = ParseBead(line, "stdout:" + std::to_string(++n), &b);
    EXPECT_TRUE(s.ok()) << s.message();
    beads.push_back(b);
  }
  return beads;
}

// Counts elements while expat checks well-formedness.
struct XmlCounts {
  int tu = 0, tuv = 0, seg = 0;
};

bool ParseXml(const std::string& xml, XmlCounts* counts, std::string* error) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, counts);
  XML_SetStartElementHandler(p, [](void* data, const XML_Char* name, const XML_Char**) {
    auto* c = static_cast<XmlCounts*>(data);
    std::string n(name);
    if (n == "tu") ++c->tu;
    if (n == "tuv") ++c->tuv;
    if (n == "seg") ++c->seg;
  });
  bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  if (!ok) {
    *error = std::string(XML_ErrorString(XML_GetErrorCode(p))) + " at line " +
             std::to_string(XML_GetCurrentLineNumber(p));
  }
  XML_ParserFree(p);
  return ok;
}

// Every output format, cross-checked against the beads format.
TEST_F(CliAlignTest, FormatsAgree) {
  REQUIRE_DICTIONARY();
  const std::string inputs = "--presplit '" + kCorpus + "zh.split' '" + kCorpus + "en.split'";
  RunResult beads_run = Run(inputs);
  ASSERT_EQ(beads_run.exit_code, 0) << beads_run.err;
  const std::vector<Bead> beads = ParseBeads(beads_run.out);
  ASSERT_GT(beads.size(), 50u);
  size_t both_sides = 0;
  for (const Bead& b : beads) both_sides += !b.src.empty() && !b.tgt.empty();

  RunResult json_run = Run(inputs + " --format json");
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  nlohmann::json j = nlohmann::json::parse(json_run.out);
  ASSERT_TRUE(j.contains("beads"));
  ASSERT_EQ(j["beads"].size(), beads.size());
  for (size_t k = 0; k < beads.size(); ++k) {
    const auto& jb = j["beads"][k];
    for (const char* field : {"src", "tgt", "type", "confidence", "source", "target"}) {
      ASSERT_TRUE(jb.contains(field)) << field << " missing in bead " << k;
    }
    EXPECT_EQ(jb["src"].get<std::vector<int>>(), beads[k].src);
    EXPECT_EQ(jb["tgt"].get<std::vector<int>>(), beads[k].tgt);
    EXPECT_EQ(jb["type"].get<std::string>(), BeadType(beads[k]));
    double c = jb["confidence"].get<double>();
    EXPECT_GE(c, 0.0);
    EXPECT_LE(c, 1.0);
    EXPECT_EQ(jb["source"].get<std::string>().empty(), beads[k].src.empty());
    EXPECT_EQ(jb["target"].get<std::string>().empty(), beads[k].tgt.empty());
  }
  EXPECT_EQ(j["beads"][0]["source"], "〔第7期 总第142期〕");
  EXPECT_EQ(j["beads"][0]["target"], "{No.7 Vol. 142}");

  // TMX through -o: one <tu> per bead with both sides, each with two <tuv><seg>.
  RunResult tmx_run = Run(inputs + " --format tmx -o out.tmx");
  ASSERT_EQ(tmx_run.exit_code, 0) << tmx_run.err;
  EXPECT_TRUE(tmx_run.out.empty());
  const std::string tmx = ReadFile(dir_ / "out.tmx");
  XmlCounts counts;
  std::string error;
  ASSERT_TRUE(ParseXml(tmx, &counts, &error)) << error;
  EXPECT_EQ(static_cast<size_t>(counts.tu), both_sides);
  EXPECT_EQ(counts.tuv, 2 * counts.tu);
  EXPECT_EQ(counts.seg, 2 * counts.tu);
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos)
        << "left behind: " << entry.path();
  }

  RunResult tsv_run = Run(inputs + " --format tsv");
  ASSERT_EQ(tsv_run.exit_code, 0) << tsv_run.err;
  std::vector<std::string> rows = Lines(tsv_run.out);
  ASSERT_EQ(rows.size(), beads.size() + 1);
  EXPECT_EQ(rows[0], "src_ids\ttgt_ids\tconfidence\tsource\ttarget");
  for (size_t k = 1; k < rows.size(); ++k) {
    EXPECT_EQ(std::count(rows[k].begin(), rows[k].end(), '\t'), 4) << rows[k];
  }
  EXPECT_EQ(rows[1].rfind("0\t0\t", 0), 0u) << rows[1];
}

// --no-realign skips the realign pass: on the bulletin the beads stay right either way, and
// the pass's learned word pairs raise some beads' confidence, so the confidences tell whether
// the pass ran.
TEST_F(CliAlignTest, NoRealignSkipsTheRealignPass) {
  REQUIRE_DICTIONARY();
  const std::string inputs = "--presplit '" + kCorpus + "zh.split' '" + kCorpus + "en.split' --format tsv";
  RunResult with = Run(inputs), without = Run(inputs + " --no-realign");
  ASSERT_EQ(with.exit_code, 0) << with.err;
  ASSERT_EQ(without.exit_code, 0) << without.err;
  const std::vector<std::string> a = Lines(with.out), b = Lines(without.out);
  ASSERT_EQ(a.size(), b.size());
  double raised = 0;
  for (size_t k = 1; k < a.size(); ++k) {
    auto field = [](const std::string& row, int n) {
      size_t at = 0;
      for (int i = 0; i < n; ++i) at = row.find('\t', at) + 1;
      return row.substr(at, row.find('\t', at) - at);
    };
    EXPECT_EQ(field(a[k], 0) + ":" + field(a[k], 1), field(b[k], 0) + ":" + field(b[k], 1));  // same beads
    raised = std::max(raised, std::stod(field(a[k], 2)) - std::stod(field(b[k], 2)));
  }
  EXPECT_GT(raised, 0.01);
}

// main() starts the process again with glibc's allocator tuned (cli/allocator_tuning.h) when
// GLIBC_TUNABLES is not set, and leaves a value the user set alone, even an empty one. The
// profile prints the value the alignment ran under; the beads are the same either way.
TEST_F(CliAlignTest, RunsWithTheAllocatorTunedUnlessTheUserSetTunables) {
  REQUIRE_DICTIONARY();
  const std::string args = "align --presplit '" + kCorpus + "zh.split' '" + kCorpus + "en.split'";
  auto run = [&](const std::string& env) {
    return testing::RunTmalign(args, dir_.string(), "env " + env + " TMALIGN_PROFILE=1");
  };
  auto tunables = [](const RunResult& r) {
    const std::string key = "allocator GLIBC_TUNABLES=";
    const size_t at = r.err.find(key);
    if (at == std::string::npos) return std::string("(no line)");
    return r.err.substr(at + key.size(), r.err.find('\n', at) - at - key.size());
  };
  const RunResult unset = run("-u GLIBC_TUNABLES"), mine = run("GLIBC_TUNABLES=glibc.malloc.top_pad=0"),
                  empty = run("GLIBC_TUNABLES=");
  for (const RunResult* r : {&unset, &mine, &empty}) ASSERT_EQ(r->exit_code, 0) << r->err;
  EXPECT_EQ(tunables(unset), cli::kAllocatorTunables) << unset.err;
  EXPECT_EQ(tunables(mine), "glibc.malloc.top_pad=0");
  EXPECT_EQ(tunables(empty), "");
  EXPECT_EQ(unset.out, mine.out);
  EXPECT_EQ(unset.out, empty.out);
  EXPECT_FALSE(unset.out.empty());
}

TEST_F(CliAlignTest, InvalidUtf8NamesFileAndLeavesNoOutput) {
  REQUIRE_DICTIONARY();
  const std::string bad = Write("bad.txt", "This is English text.\nAnother line \x80 here.\n");
  RunResult r = Run("'" + kCorpus + "zh.txt' bad.txt -o out.txt");
  ExpectOneLineError(r, "bad.txt");
  EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 2"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.txt"));
}

TEST_F(CliAlignTest, EmptyFileAndNoTmCreated) {
  REQUIRE_DICTIONARY();
  Write("empty.txt", "");
  RunResult r = Run("'" + kCorpus + "zh.txt' empty.txt --tm tm.sqlite --doc d");
  ExpectOneLineError(r, "empty.txt");
  EXPECT_FALSE(fs::exists(dir_ / "tm.sqlite"));
}

TEST_F(CliAlignTest, TwoEnglishFiles) {
  REQUIRE_DICTIONARY();
  RunResult r = Run("'" + kCorpus + "en.txt' '" + kCorpus + "en.split'");
  ExpectOneLineError(r, "en.txt");
  EXPECT_NE(r.err.find("both are English"), std::string::npos) << r.err;
}

TEST_F(CliAlignTest, HugeSingleLine) {
  REQUIRE_DICTIONARY();
  std::string line;
  line.reserve(5 << 20);
  while (line.size() < (5u << 20)) line += "word ";
  Write("huge.txt", line);
  Write("out.txt", "previous output\n");  // a failed run must not touch it
  RunResult r = Run("'" + kCorpus + "zh.txt' huge.txt -o out.txt");
  ExpectOneLineError(r, "huge.txt");
  EXPECT_EQ(ReadFile(dir_ / "out.txt"), "previous output\n");
}

TEST_F(CliAlignTest, UnknownFormat) {
  RunResult r = Run("'" + kCorpus + "zh.txt' '" + kCorpus + "en.txt' --format xml");
  ExpectOneLineError(r, "xml");
}

TEST_F(CliAlignTest, DocIdWithControlCharactersIsRefusedBeforeAnyWrite) {
  RunResult r = Run("'" + kCorpus + "zh.txt' '" + kCorpus +
                    "en.txt' --tm tm.sqlite --doc \"$(printf 'two\\tcolumns')\"");
  ExpectOneLineError(r, "--doc");
  EXPECT_FALSE(fs::exists(dir_ / "tm.sqlite"));
}

TEST_F(CliAlignTest, TmInMissingFolder) {
  RunResult r = Run("'" + kCorpus + "zh.txt' '" + kCorpus + "en.txt' --tm nodir/tm.sqlite");
  ExpectOneLineError(r, "nodir/tm.sqlite");
  EXPECT_FALSE(fs::exists(dir_ / "nodir"));
}

TEST_F(CliAlignTest, TmUnderRegularFile) {
  Write("plain.txt", "not a folder\n");
  RunResult r = Run("'" + kCorpus + "zh.txt' '" + kCorpus + "en.txt' --tm plain.txt/tm.sqlite");
  ExpectOneLineError(r, "plain.txt/tm.sqlite");
  EXPECT_EQ(ReadFile(dir_ / "plain.txt"), "not a folder\n");
}

// Documents and units of a TM, read with the SQLite C API.
struct TmSnapshot {
  long documents = -1;
  std::vector<std::string> units;  // "doc|position|src_ids|tgt_ids|source|target"
};

TmSnapshot ReadTm(const std::string& path) {
  TmSnapshot snap;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << path << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
    return snap;
  }
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM documents", -1, &st, nullptr), SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW) snap.documents = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  EXPECT_EQ(sqlite3_prepare_v2(db,
                               "SELECT doc_id, position, src_ids, tgt_ids, source, target FROM units "
                               "ORDER BY doc_id, position",
                               -1, &st, nullptr),
            SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < 6; ++c) {
      if (c) row += '|';
      const unsigned char* text = sqlite3_column_text(st, c);
      row += text ? reinterpret_cast<const char*>(text) : "";
    }
    snap.units.push_back(row);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return snap;
}

TEST_F(CliAlignTest, TmFailedRunLeavesUnitsAndRealignReplaces) {
  REQUIRE_DICTIONARY();
  const std::string zh = "'" + kCorpus + "zh.txt'", en = "'" + kCorpus + "en.txt'";
  RunResult first = Run(zh + " " + en + " --tm tm.sqlite --doc bulletin");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  TmSnapshot before = ReadTm(Path("tm.sqlite"));
  EXPECT_EQ(before.documents, 1);
  ASSERT_GT(before.units.size(), 50u);
  EXPECT_EQ(before.units[0], "bulletin|0|0|0|〔第7期 总第142期〕|{No.7 Vol. 142}");

  // A bad TGT fails before anything is written.
  Write("bad.txt", "English text \xC3\x28 broken.\n");
  RunResult bad = Run(zh + " bad.txt --tm tm.sqlite --doc bulletin");
  ExpectOneLineError(bad, "bad.txt");
  TmSnapshot after_bad = ReadTm(Path("tm.sqlite"));
  EXPECT_EQ(after_bad.documents, before.documents);
  EXPECT_EQ(after_bad.units, before.units);

  // Aligning the same document again replaces its units: not doubled.
  RunResult again = Run(zh + " " + en + " --tm tm.sqlite --doc bulletin");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  TmSnapshot after = ReadTm(Path("tm.sqlite"));
  EXPECT_EQ(after.documents, 1);
  EXPECT_EQ(after.units, before.units);
}

// GB18030 and UTF-16 copies of zh.txt give the beads the UTF-8 file gives.
TEST_F(CliAlignTest, EncodingsAlignTheSame) {
  REQUIRE_DICTIONARY();
  const std::string zh = ReadFile(kCorpus + "zh.txt");
  const std::string en = "'" + kCorpus + "en.txt'";
  Write("zh.gb18030.txt", Encode(zh, "GB18030"));
  Write("zh.utf16.txt", Encode(zh, "UTF-16LE"));
  RunResult utf8 = Run("'" + kCorpus + "zh.txt' " + en);
  ASSERT_EQ(utf8.exit_code, 0) << utf8.err;
  ASSERT_FALSE(utf8.out.empty());
  RunResult gb = Run("zh.gb18030.txt " + en);
  ASSERT_EQ(gb.exit_code, 0) << gb.err;
  EXPECT_EQ(gb.out, utf8.out);
  RunResult u16 = Run("zh.utf16.txt " + en);
  ASSERT_EQ(u16.exit_code, 0) << u16.err;
  EXPECT_EQ(u16.out, utf8.out);
}

}  // namespace
}  // namespace tmalign
