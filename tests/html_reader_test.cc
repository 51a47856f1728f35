// The HTML reader (doc/html_reader.cc) through ReadDocument: the bulletin as LibreOffice
// exports it; hand-written pages as found in the wild (charsets declared or not, markup
// that is not text, unclosed tags, tables, lists, line breaks) and markup nested 100,000
// deep.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <chrono>
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

const std::string kBulletin = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/";

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// UTF-8 -> a legacy charset, for building test pages.
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  const int32_t len =
      ucnv_convert(charset, "UTF-8", nullptr, 0, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  std::string out(static_cast<size_t>(len), '\0');
  err = U_ZERO_ERROR;
  ucnv_convert(charset, "UTF-8", out.data(), len, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  return out;
}

class HtmlReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeTempDir("html_reader"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  DocumentText ReadBytes(const std::string& bytes, const std::string& encoding = "auto") {
    const std::string path = dir_ + "/page.html";
    std::ofstream(path, std::ios::binary) << bytes;
    DocumentReadOptions options;
    options.encoding = encoding;
    DocumentText doc;
    const Status s = ReadDocument(path, options, &doc);
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(doc.format, DocumentFormat::kHtml);
    EXPECT_TRUE(doc.pages.empty());
    return doc;
  }

  std::string dir_;
};

TEST_F(HtmlReaderTest, BulletinGivesTheTextFilesParagraphsExactly) {
  for (const std::string lang : {"zh", "en"}) {
    DocumentText doc;
    const Status s = ReadDocument(kBulletin + "docs/" + lang + ".html", DocumentReadOptions(), &doc);
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(doc.format, DocumentFormat::kHtml);
    EXPECT_EQ(doc.encoding, "UTF-8");
    EXPECT_EQ(doc.utf8, Joined(NonBlankLines(kBulletin + lang + ".txt"))) << lang;
  }
}

const std::string kZh = "区块链技术发展现状与趋势。梅建平认为，区块链为实体经济提供了重要支撑。";
const std::string kZhTraditional = "區塊鏈技術發展現狀與趨勢。梅建平認為，區塊鏈為實體經濟提供了重要支撐。";

TEST_F(HtmlReaderTest, GbkPageWithMetaCharset) {
  const std::string page =
      "<!DOCTYPE html><html><head><meta charset=\"gb2312\"><title>标题不是正文</title></head>"
      "<body><p>" +
      kZh + "</p><p>第二段。</p></body></html>";
  const DocumentText doc = ReadBytes(Encode(page, "GBK"));
  EXPECT_EQ(doc.utf8, kZh + "\n第二段。\n");
  EXPECT_EQ(doc.encoding, "GB18030");
}

TEST_F(HtmlReaderTest, Big5PageWithHttpEquiv) {
  const std::string page =
      "<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=big5'></head>"
      "<body><div>" +
      kZhTraditional + "</div></body></html>";
  const DocumentText doc = ReadBytes(Encode(page, "Big5"));
  EXPECT_EQ(doc.utf8, kZhTraditional + "\n");
  EXPECT_NE(doc.encoding.find("Big5"), std::string::npos) << doc.encoding;
}

TEST_F(HtmlReaderTest, Gb18030PageWithoutCharsetIsDetected) {
  const std::string page = "<html><body><h1>" + kZh + "</h1><p>" + kZh + "</p></body></html>";
  const DocumentText doc = ReadBytes(Encode(page, "GB18030"));
  EXPECT_EQ(doc.utf8, kZh + "\n" + kZh + "\n");
  EXPECT_EQ(doc.encoding, "GB18030");
}

TEST_F(HtmlReaderTest, ForcedEncodingOverridesTheDeclaredOne) {
  // Declared GBK, really UTF-8: --encoding utf-8 wins; left alone, the bytes that do not
  // decode as declared are detected.
  const std::string page = "<meta charset=gbk><p>" + kZh + "</p>";
  EXPECT_EQ(ReadBytes(page, "utf-8").utf8, kZh + "\n");
  const DocumentText detected = ReadBytes(page);
  EXPECT_EQ(detected.utf8, kZh + "\n");
  EXPECT_EQ(detected.encoding, "UTF-8");
}

TEST_F(HtmlReaderTest, MetaAfterTheFirst1024BytesIsNotSeen) {
  // As browsers prescan: a charset declared too late is not applied; detection decides.
  const std::string page = "<html><!--" + std::string(1100, 'x') + "--><meta charset=big5><p>" + kZh + "</p>";
  const DocumentText doc = ReadBytes(Encode(page, "GB18030"));
  EXPECT_EQ(doc.utf8, kZh + "\n");
  EXPECT_EQ(doc.encoding, "GB18030");
}

TEST_F(HtmlReaderTest, ScriptStyleNoscriptTemplateAndHeadAreNotText) {
  const DocumentText doc = ReadBytes(
      "<html><head><title>Title</title><style>p{color:red}</style><script>var a='<p>no</p>';</script></head>"
      "<body><script>document.write('x')</script><p>One.</p><noscript>Enable JavaScript.</noscript>"
      "<template><p>Later.</p></template><style>.x{}</style><p hidden>Hidden.</p><p>Two.</p>"
      "<p><ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>字</p><!-- a comment --></body></html>");
  EXPECT_EQ(doc.utf8, "One.\nTwo.\n漢字\n");
}

TEST_F(HtmlReaderTest, EntitiesAreDecoded) {
  const DocumentText doc =
      ReadBytes("<p>R&amp;D &lt;tag&gt; &quot;q&quot; caf&eacute; &#20013;&#x6587; a&nbsp;b &copy</p>");
  EXPECT_EQ(doc.utf8, "R&D <tag> \"q\" café 中文 a b ©\n");
}

TEST_F(HtmlReaderTest, LineBreaksEndParagraphs) {
  const DocumentText doc = ReadBytes(
      "<p>浦江创新论坛<br>2021年6月16日<br/><br>第二行。</p><pre>line one\nline two\n\nline three</pre>");
  EXPECT_EQ(doc.utf8, "浦江创新论坛\n2021年6月16日\n第二行。\nline one\nline two\nline three\n");
}

TEST_F(HtmlReaderTest, InlineMarkupStaysInTheParagraph) {
  const DocumentText doc =
      ReadBytes("<p>The <b>block</b>chain <a href='x'>seminar</a>\n  was <i>held</i>.</p>");
  EXPECT_EQ(doc.utf8, "The blockchain seminar was held.\n");
}

TEST_F(HtmlReaderTest, TablesAndListsGiveAParagraphACell) {
  const DocumentText doc = ReadBytes(
      "<html><body><table><tr><th>术语</th><th>Term</th></tr><tr><td>区块链</td><td>blockchain</td></tr></"
      "table>"
      "<ul><li>First item<li>Second <em>item</em></ul><dl><dt>链</dt><dd>chain</dd></dl>"
      "<blockquote>Quoted.</blockquote>");
  EXPECT_EQ(doc.utf8, "术语\nTerm\n区块链\nblockchain\nFirst item\nSecond item\n链\nchain\nQuoted.\n");
}

TEST_F(HtmlReaderTest, TextBetweenBlocksIsAParagraphOfItsOwn) {
  const DocumentText doc =
      ReadBytes("<div>Before.<p>Inside.</p>After <b>bold</b>.<section>Next.</section></div>");
  EXPECT_EQ(doc.utf8, "Before.\nInside.\nAfter bold.\nNext.\n");
}

TEST_F(HtmlReaderTest, UnclosedTagsAreReadAsBrowsersRead) {
  const DocumentText doc = ReadBytes("<p>a<p>b<div>c<li>d</span></i><td>e<h2>f</h3>g");
  // A <td> outside a table is ignored, as browsers ignore it: "d" and "e" run together.
  EXPECT_EQ(doc.utf8, "a\nb\nc\nde\nf\ng\n");
}

TEST_F(HtmlReaderTest, DeeplyNestedMarkupIsReadQuickly) {
  constexpr int kDepth = 100000;
  std::string page = "<html><body>";
  for (int i = 0; i < kDepth; ++i) page += i % 1000 == 0 ? "<div>Level " + std::to_string(i) + "." : "<div>";
  page += "Deepest.";
  for (int i = 0; i < kDepth; ++i) page += "</div>";
  page += "<p>After.</p>";
  for (int i = 0; i < kDepth; ++i) page += "<b>";
  page += "Bold.";
  for (int i = 0; i < kDepth; ++i) page += "<span><i>";
  page += "Unclosed.";
  const auto start = std::chrono::steady_clock::now();
  const DocumentText doc = ReadBytes(page);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string want;
  for (int i = 0; i < kDepth; i += 1000) want += "Level " + std::to_string(i) + ".\n";
  want += "Deepest.\nAfter.\nBold.Unclosed.\n";
  EXPECT_EQ(doc.utf8, want);
  EXPECT_LT(seconds, 5.0);
}

}  // namespace
}  // namespace tmalign
