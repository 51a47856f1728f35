// The PDF reader (doc/pdf_reader.cc) through ReadDocument: the bulletin as LibreOffice
// exports it gives the paragraphs of its text files; running headers, footers and page
// numbers, list bullets and hyphenation are undone (tests/data/pdf, made by
// scripts/make-pdf-fixtures); a PDF without text, an encrypted one and a damaged one are
// refused with what to do.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "doc/document.h"
#include "temp_dir.h"
#include "text_lines.h"

namespace tmalign {
namespace {

using ::tmalign::testing::NonBlankLines;
using ::tmalign::testing::TextLines;

const std::string kBulletin = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/";
const std::string kPdfData = std::string(TMALIGN_TEST_DATA) + "/pdf/";

DocumentText Read(const std::string& path) {
  DocumentText doc;
  const Status s = ReadDocument(path, DocumentReadOptions(), &doc);
  EXPECT_TRUE(s.ok()) << s.message();
  return doc;
}

Status ReadStatus(const std::string& path) {
  DocumentText doc;
  return ReadDocument(path, DocumentReadOptions(), &doc);
}

// The share of the text file's paragraphs that come out of the PDF exactly, in order
// (a longest common subsequence, so one merged or split paragraph costs only itself).
double Agreement(const std::vector<std::string>& want, const std::vector<std::string>& got) {
  std::vector<std::vector<int>> lcs(want.size() + 1, std::vector<int>(got.size() + 1, 0));
  for (size_t i = want.size(); i-- > 0;) {
    for (size_t j = got.size(); j-- > 0;) {
      lcs[i][j] = want[i] == got[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  return want.empty() ? 0 : static_cast<double>(lcs[0][0]) / static_cast<double>(want.size());
}

void ExpectBulletin(const std::string& lang) {
  const auto start = std::chrono::steady_clock::now();
  const DocumentText doc = Read(kBulletin + "docs/" + lang + ".pdf");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(doc.format, DocumentFormat::kPdf);
  const std::vector<std::string> want = NonBlankLines(kBulletin + lang + ".txt");
  const std::vector<std::string> got = TextLines(doc.utf8);
  const double agreement = Agreement(want, got);
  std::printf("%s.pdf: %zu paragraphs (text file: %zu), %.1f%% exactly equal; %d pages in %.3f s\n",
              lang.c_str(), got.size(), want.size(), 100 * agreement,
              doc.pages.empty() ? 0 : doc.pages.back(), seconds);
  EXPECT_GE(agreement, 0.95);
  EXPECT_LE(got.size(), want.size() + 1);
  ASSERT_EQ(doc.pages.size(), got.size());
  EXPECT_EQ(doc.pages.front(), 1);
  EXPECT_TRUE(std::is_sorted(doc.pages.begin(), doc.pages.end()));
  EXPECT_GE(doc.pages.back(), 2);
  if (agreement < 1) {
    for (size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
      const std::string w = i < want.size() ? want[i] : "", g = i < got.size() ? got[i] : "";
      if (w != g) std::printf("  paragraph %zu\n    text: %s\n    pdf:  %s\n", i + 1, w.c_str(), g.c_str());
    }
  }
}

// Three pages by LibreOffice with a running header, "第 N 页" in the footer, a bulleted
// list (one item over two lines), paragraphs that start "1." after a plain space (text,
// not a list marker) and a Kangxi radical (⽅ for 方): the paragraphs of running.txt.
TEST(PdfReaderTest, RunningHeadersFootersAndBulletsAreDropped) {
  const DocumentText doc = Read(kPdfData + "running.pdf");
  const std::vector<std::string> want = NonBlankLines(kPdfData + "running.txt");
  const std::vector<std::string> got = TextLines(doc.utf8);
  EXPECT_EQ(got.size(), want.size());
  for (size_t i = 0; i < std::min(want.size(), got.size()); ++i) {
    EXPECT_EQ(got[i], want[i]) << "paragraph " << i + 1;
  }
  ASSERT_EQ(doc.pages.size(), got.size());
  EXPECT_EQ(doc.pages.front(), 1);
  EXPECT_EQ(doc.pages.back(), 3);
  EXPECT_EQ(doc.utf8.find("Pujiang Innovation Forum Bulletin"), std::string::npos);
  EXPECT_EQ(doc.utf8.find("页"), std::string::npos);
  EXPECT_EQ(doc.utf8.find("•"), std::string::npos);
  EXPECT_NE(doc.utf8.find("研究方向与方法。"), std::string::npos);
}

TEST(PdfReaderTest, ImageOnlyPdfNeedsOcr) {
  const Status s = ReadStatus(kPdfData + "image-only.pdf");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), kPdfData + "image-only.pdf: no text layer: it needs OCR first");
}

TEST(PdfReaderTest, EncryptedPdfIsRefused) {
  const Status s = ReadStatus(kPdfData + "encrypted.pdf");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), kPdfData + "encrypted.pdf: encrypted: remove the password first");
}

TEST(PdfReaderTest, GarbageAfterThePdfHeaderIsNotReadable) {
  const std::string dir = testing::MakeTempDir("pdf_reader");
  const std::string path = dir + "/broken.pdf";
  std::ofstream(path, std::ios::binary) << "%PDF-1.7\n" << std::string(2000, '\x9c') << "garbage\n";
  const Status s = ReadStatus(path);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), path + ": not a readable PDF");
  std::filesystem::remove_all(dir);
}

TEST(PdfReaderTest, ChineseBulletinGivesTheTextFilesParagraphs) { ExpectBulletin("zh"); }
TEST(PdfReaderTest, EnglishBulletinGivesTheTextFilesParagraphs) { ExpectBulletin("en"); }

}  // namespace
}  // namespace tmalign
