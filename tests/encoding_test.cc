#include "text/encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace tmalign {
namespace {

// UTF-8 -> any ICU charset, for building test inputs.
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

const std::string kSimplified =
    "一、区块链技术发展现状\n梅建平认为，区块链为实体经济转型升级提供了重要技术支撑。我们要加强合作。\n";
const std::string kTraditional =
    "一、區塊鏈技術發展現狀\n梅建平認為，區塊鏈為實體經濟轉型升級提供了重要技術支撐。我們要加強合作。\n";

std::string Decode(const std::string& bytes, const std::string& encoding, std::string* used = nullptr) {
  std::string out;
  Status s = DecodeToUtf8(bytes, "in.txt", encoding, &out, used);
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

TEST(EncodingTest, Utf8PassesThroughAndBomIsStripped) {
  std::string used;
  EXPECT_EQ(Decode(kSimplified, "auto", &used), kSimplified);
  EXPECT_EQ(used, "UTF-8");
  EXPECT_EQ(Decode("\xEF\xBB\xBF" + kSimplified, ""), kSimplified);
  EXPECT_EQ(Decode("\xEF\xBB\xBF" + kSimplified, "utf-8"), kSimplified);
}

TEST(EncodingTest, LineEndingsAreNormalised) {
  EXPECT_EQ(Decode("a\r\nb\rc\n\r\nd\r", "auto"), "a\nb\nc\n\nd\n");
  EXPECT_EQ(Decode(Encode("甲\r\n乙\r丙", "UTF-16LE"), "utf-16le"), "甲\n乙\n丙");
}

TEST(EncodingTest, DetectsUtf16ByBom) {
  std::string used;
  EXPECT_EQ(Decode("\xFF\xFE" + Encode(kSimplified, "UTF-16LE"), "auto", &used), kSimplified);
  EXPECT_EQ(used, "UTF-16LE");
  EXPECT_EQ(Decode("\xFE\xFF" + Encode(kSimplified, "UTF-16BE"), "auto", &used), kSimplified);
  EXPECT_EQ(used, "UTF-16BE");
  // An explicit utf-16le also drops the BOM.
  EXPECT_EQ(Decode("\xFF\xFE" + Encode(kSimplified, "UTF-16LE"), "utf-16le"), kSimplified);
}

TEST(EncodingTest, DetectsBomlessUtf16FromNulPattern) {
  const std::string text = "MOST 2021: " + kSimplified + "Shanghai Blockchain Forum\n";
  std::string used;
  EXPECT_EQ(Decode(Encode(text, "UTF-16LE"), "auto", &used), text);
  EXPECT_EQ(used, "UTF-16LE");
  EXPECT_EQ(Decode(Encode(text, "UTF-16BE"), "auto", &used), text);
  EXPECT_EQ(used, "UTF-16BE");
}

TEST(EncodingTest, DetectsBomlessUtf16WithoutAsciiFromCharacters) {
  const std::string text = "梅建平认为，区块链为实体经济转型升级提供了重要技术支撑。";
  std::string used;
  EXPECT_EQ(Decode(Encode(text, "UTF-16LE"), "auto", &used), text);
  EXPECT_EQ(used, "UTF-16LE");
  EXPECT_EQ(Decode(Encode(text, "UTF-16BE"), "auto", &used), text);
  EXPECT_EQ(used, "UTF-16BE");
}

TEST(EncodingTest, DetectsGb18030) {
  std::string used;
  EXPECT_EQ(Decode(Encode(kSimplified, "GB18030"), "auto", &used), kSimplified);
  EXPECT_EQ(used, "GB18030");
  // Traditional characters in GB18030 are not mistaken for Big5.
  EXPECT_EQ(Decode(Encode(kTraditional, "GB18030"), "auto", &used), kTraditional);
  EXPECT_EQ(used, "GB18030");
}

TEST(EncodingTest, DetectsBig5) {
  std::string used;
  EXPECT_EQ(Decode(Encode(kTraditional, "Big5"), "auto", &used), kTraditional);
  EXPECT_EQ(used, "Big5");
  EXPECT_EQ(Decode(Encode(kTraditional, "Big5"), "big5"), kTraditional);
}

TEST(EncodingTest, InvalidUtf8NamesOffsetLineAndSuggestsEncoding) {
  std::string out = "x";
  Status s = DecodeToUtf8("abc\ndef\xFFghi", "zh.txt", "auto", &out);
  ASSERT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(
      s.message(),
      "zh.txt: invalid UTF-8 at byte offset 7 (line 2); if the file is in another encoding, pass --encoding");
  EXPECT_TRUE(out.empty());
}

TEST(EncodingTest, Latin1IsNotMisreadAsChinese) {
  // "naïve café" in Latin-1: 0xEF 0x76 is a valid GB18030 and Big5 pair, but not common Chinese.
  Status s;
  std::string out;
  s = DecodeToUtf8("the na\xEFve caf\xE9 owner\n", "en.txt", "auto", &out);
  ASSERT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("en.txt: invalid UTF-8 at byte offset 6 (line 1)"), std::string::npos)
      << s.message();
}

TEST(EncodingTest, ExplicitEncodingIsStrict) {
  std::string out;
  Status s = DecodeToUtf8(
      "ok\n\xFF"
      "abc",
      "a.txt", "utf-8", &out);
  EXPECT_EQ(s.message(), "a.txt: invalid UTF-8 at byte offset 3 (line 2)");
  // 0xFF can never start a GB18030 character.
  const std::string gb = Encode("区块链\n", "GB18030");
  s = DecodeToUtf8(gb + "\xFF", "b.txt", "gb18030", &out);
  ASSERT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "b.txt: invalid GB18030 at byte offset " + std::to_string(gb.size()) + " (line 2)");
  // Big5 has no trail bytes 0x80-0xA0 (GBK does).
  s = DecodeToUtf8("\xA4\x80", "c.txt", "big5", &out);
  ASSERT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "c.txt: invalid Big5 at byte offset 0 (line 1)");
  // A truncated UTF-16 unit at the end.
  s = DecodeToUtf8(Encode("ab", "UTF-16LE") + "c", "d.txt", "utf-16le", &out);
  ASSERT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "d.txt: invalid UTF-16LE at byte offset 4 (line 1)");
}

TEST(EncodingTest, UnknownEncodingIsUsageError) {
  std::string out;
  Status s = DecodeToUtf8("abc", "a.txt", "klingon-8", &out);
  EXPECT_EQ(s.code(), Status::Code::kUsage);
  EXPECT_NE(s.message().find("klingon-8"), std::string::npos);
}

TEST(EncodingTest, NulCharacterIsRejectedWithOffset) {
  std::string out;
  Status s = DecodeToUtf8(std::string("ab\ncd\0e", 7), "bin.dat", "auto", &out);
  ASSERT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "bin.dat: NUL character at byte offset 5 (line 2); is this a binary file?");
  s = DecodeToUtf8(Encode(std::string("ab\0", 3), "UTF-16LE"), "w.txt", "utf-16le", &out);
  EXPECT_EQ(s.message(), "w.txt: NUL character at byte offset 4 (line 1); is this a binary file?");
}

class ReadTextFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tmalign_enc_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(ReadTextFileTest, ReadsAndDecodes) {
  std::string text, used;
  ASSERT_TRUE(ReadTextFile(Write("gb.txt", Encode(kSimplified, "GB18030")), "", &text, &used).ok());
  EXPECT_EQ(text, kSimplified);
  EXPECT_EQ(used, "GB18030");
}

TEST_F(ReadTextFileTest, MissingFileAndDirectoryNameThePath) {
  std::string text;
  const std::string missing = (dir_ / "nope.txt").string();
  Status s = ReadTextFile(missing, "", &text);
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_EQ(s.message().rfind(missing + ": ", 0), 0u) << s.message();
  s = ReadTextFile(dir_.string(), "", &text);
  EXPECT_EQ(s.message(), dir_.string() + ": is a directory");
}

TEST_F(ReadTextFileTest, RejectsEmptyAndBlankFiles) {
  std::string text;
  for (const std::string& content :
       {std::string(), std::string("\xEF\xBB\xBF"), std::string(" \r\n\t\n\xE3\x80\x80\n")}) {
    const std::string path = Write("blank.txt", content);
    Status s = ReadTextFile(path, "", &text);
    EXPECT_EQ(s.message(), path + ": file is empty");
  }
}

TEST_F(ReadTextFileTest, RejectsOverlongLineWithLineNumber) {
  std::string text;
  const std::string path = Write("long.txt", "short\n" + std::string(kMaxLineBytes + 1, 'x') + "\nend\n");
  Status s = ReadTextFile(path, "", &text);
  EXPECT_EQ(s.message(), path + ":2: line is 1048577 bytes long (limit 1048576); is this a text file?");
  // Exactly at the limit is fine.
  ASSERT_TRUE(ReadTextFile(Write("edge.txt", std::string(kMaxLineBytes, 'x') + "\n"), "", &text).ok());
}

}  // namespace
}  // namespace tmalign
