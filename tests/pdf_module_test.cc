// The PDF module (doc/pdf_text_boxes.h): tmalign does not link poppler, reads a PDF through
// the module it loads on demand, and without the module refuses the PDF saying where it
// looked, while every other format reads as before.
#include <gtest/gtest.h>

#include <string>

#include "run_binary.h"

namespace tmalign {
namespace {

using ::tmalign::testing::RunTmalign;

const std::string kDocs = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/docs/";

TEST(PdfModuleTest, TheExecutableDoesNotLinkPoppler) {
  const testing::RunResult r = RunTmalign("", "", "ldd");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("libc.so"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("libpoppler"), std::string::npos) << r.out;
}

TEST(PdfModuleTest, APdfIsReadThroughTheModule) {
  const testing::RunResult r = RunTmalign("split '" + kDocs + "zh.pdf'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "〔第7期 总第142期〕");
}

TEST(PdfModuleTest, WithoutTheModuleAPdfIsRefusedNamingWhereItLooked) {
  const std::string missing = "/nonexistent/tmalign-pdf.so";
  const testing::RunResult r =
      RunTmalign("split '" + kDocs + "zh.pdf'", "", "env TMALIGN_PDF_MODULE=" + missing);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find(kDocs + "zh.pdf: reading PDF needs tmalign's PDF module"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  // Other formats do not need it.
  const testing::RunResult docx =
      RunTmalign("split '" + kDocs + "zh.docx'", "", "env TMALIGN_PDF_MODULE=" + missing);
  EXPECT_EQ(docx.exit_code, 0) << docx.err;
  EXPECT_EQ(docx.out.substr(0, docx.out.find('\n')), "〔第7期 总第142期〕");
}

}  // namespace
}  // namespace tmalign
