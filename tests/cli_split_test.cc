// Runs the built tmalign binary: `tmalign split` end to end.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "run_binary.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using tmalign::testing::RunResult;

std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  int32_t len =
      ucnv_convert(charset, "UTF-8", nullptr, 0, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  std::string out(len, '\0');
  err = U_ZERO_ERROR;
  ucnv_convert(charset, "UTF-8", out.data(), len, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  return out;
}

// BOM + body; avoids GCC 12's bogus -Wrestrict on `"literal" + std::string`.
std::string WithPrefix(const char* prefix, const std::string& body) {
  std::string out(prefix);
  out += body;
  return out;
}

// Single-quotes a path for the shell.
std::string Q(const std::string& path) {
  std::string out = "'";
  out += path;
  out += "'";
  return out;
}

class CliSplitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_cli_split");
    ASSERT_FALSE(std::string(dir_).empty());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  // `tmalign split ARGS`; `args` are shell words.
  RunResult Run(const std::string& args) { return tmalign::testing::RunTmalign("split " + args); }

  fs::path dir_;
};

const std::string kSimplified =
    "一、区块链技术发展现状\n"
    "梅建平认为，区块链为实体经济转型升级提供了重要技术支撑；我们要加强合作。2021年MOST将继续支持上海！\n"
    "\n"
    "（一）加强人才培养\n";
const std::string kSimplifiedSentences =
    "一、区块链技术发展现状\n"
    "梅建平认为，区块链为实体经济转型升级提供了重要技术支撑；\n"
    "我们要加强合作。\n"
    "2021年MOST将继续支持上海！\n"
    "（一）加强人才培养\n";
const std::string kTraditional =
    "一、區塊鏈技術發展現狀\n"
    "梅建平認為，區塊鏈為實體經濟轉型升級提供了重要技術支撐；我們要加強合作。上海將繼續發展！\n";
const std::string kTraditionalSentences =
    "一、區塊鏈技術發展現狀\n"
    "梅建平認為，區塊鏈為實體經濟轉型升級提供了重要技術支撐；\n"
    "我們要加強合作。\n"
    "上海將繼續發展！\n";

TEST_F(CliSplitTest, SimplifiedChineseInEveryEncodingGivesTheSameSentences) {
  const std::pair<const char*, std::string> files[] = {
      {"utf8.txt", kSimplified},
      {"utf8bom.txt", WithPrefix("\xEF\xBB\xBF", kSimplified)},
      {"crlf.txt",
       "一、区块链技术发展现状\r\n梅建平认为，区块链为实体经济转型升级提供了重要技术支撑；我们要加强合作。"
       "2021年MOST将继续支持上海！\r\n\r\n（一）加强人才培养\r\n"},
      {"gb18030.txt", Encode(kSimplified, "GB18030")},
      {"utf16le-bom.txt", WithPrefix("\xFF\xFE", Encode(kSimplified, "UTF-16LE"))},
      {"utf16le.txt", Encode(kSimplified, "UTF-16LE")},
      {"utf16be-bom.txt", WithPrefix("\xFE\xFF", Encode(kSimplified, "UTF-16BE"))},
  };
  for (const auto& [name, bytes] : files) {
    RunResult r = Run(Q(Write(name, bytes)) + " --lang zh");
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
    EXPECT_EQ(r.out, kSimplifiedSentences) << name;
    EXPECT_EQ(r.err, "") << name;
  }
}

TEST_F(CliSplitTest, TraditionalChineseInEveryEncodingGivesTheSameSentences) {
  const std::pair<const char*, std::string> files[] = {
      {"utf8.txt", kTraditional},
      {"big5.txt", Encode(kTraditional, "Big5")},
      {"gb18030.txt", Encode(kTraditional, "GB18030")},
      {"utf16le.txt", WithPrefix("\xFF\xFE", Encode(kTraditional, "UTF-16LE"))},
  };
  for (const auto& [name, bytes] : files) {
    RunResult r = Run(Q(Write(name, bytes)));  // language detected
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
    EXPECT_EQ(r.out, kTraditionalSentences) << name;
  }
}

TEST_F(CliSplitTest, ExplicitEncodingAndVerbose) {
  const std::string path = Write("zh.txt", Encode(kTraditional, "Big5"));
  RunResult r = Run(Q(path) + " --encoding big5 --lang zh --verbose");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, kTraditionalSentences);
  EXPECT_EQ(r.err, "tmalign split: " + path + ": encoding Big5, language zh\n");
  // The same bytes forced through UTF-8 fail.
  r = Run(Q(path) + " --encoding utf-8");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("invalid UTF-8 at byte offset 0 (line 1)"), std::string::npos) << r.err;
}

TEST_F(CliSplitTest, EnglishIsDetected) {
  RunResult r = Run(Q(Write("en.txt", "Dr. Smith arrived. He spoke.\n")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Dr. Smith arrived.\nHe spoke.\n");
}

TEST_F(CliSplitTest, InvalidUtf8IsAnErrorNamingFileAndOffset) {
  const std::string path = Write("bad.txt", "Good line.\nBad \xC3\x28 byte.\n");
  RunResult r = Run(Q(path));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "tmalign split: " + path +
                       ": invalid UTF-8 at byte offset 15 (line 2); if the file is in another encoding, pass "
                       "--encoding\n");
}

TEST_F(CliSplitTest, EmptyFileIsAnError) {
  const std::string path = Write("empty.txt", "");
  RunResult r = Run(Q(path));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tmalign split: " + path + ": file is empty\n");
}

TEST_F(CliSplitTest, HugeSingleLineIsAnError) {
  const std::string path = Write("huge.txt", std::string(5 << 20, 'a'));
  RunResult r = Run(Q(path) + " --lang en");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tmalign split: " + path +
                       ":1: line is 5242880 bytes long (limit 1048576); is this a text file?\n");
}

TEST_F(CliSplitTest, UsageErrors) {
  RunResult r = Run(Q(Write("digits.txt", "2021 — 3.14\n")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--lang"), std::string::npos) << r.err;
  r = Run(Q(Write("x.txt", "Hello.\n")) + " --lang fr");
  EXPECT_EQ(r.exit_code, 2);
  r = Run(Q(Write("y.txt", "Hello.\n")) + " --encoding klingon-8");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("klingon-8"), std::string::npos);
  r = Run(Q((dir_ / "missing.txt").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.txt"), std::string::npos);
  r = Run("");
  EXPECT_EQ(r.exit_code, 2);
  r = Run("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--encoding"), std::string::npos);
}

}  // namespace
