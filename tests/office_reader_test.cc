// The DOCX and ODT readers (doc/docx_reader.cc, doc/odt_reader.cc) and their zip container
// (doc/zip_archive.cc), through ReadDocument. Real documents come from LibreOffice: the
// bulletin (scripts/make-bulletin-documents) and tests/data/office/features.* (scripts/
// make-office-fixtures). What LibreOffice never writes (moves, a deleted paragraph mark,
// nested and simple fields, symbols, ruby, an mc:AlternateContent whose branches differ,
// other prefixes) and damaged or hostile files are built here from minimal XML with
// libzip, or byte by byte where libzip would not write them (a zip bomb, an encrypted
// entry, an OLE file).
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zip.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "doc/document.h"
#include "run_binary.h"
#include "temp_dir.h"
#include "text_lines.h"

namespace tmalign {
namespace {

using ::tmalign::testing::MakeTempDir;
using ::tmalign::testing::NonBlankLines;
using ::tmalign::testing::ReadFile;
using ::tmalign::testing::TextLines;

const std::string kBulletinDocs = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/";
const std::string kOfficeData = std::string(TMALIGN_TEST_DATA) + "/office/";

const char kWordNs[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char kDocumentStart[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>)";
const char kDocumentEnd[] = "</w:body></w:document>";
const char kContentStart[] =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
    R"(xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><office:body><office:text>)";
const char kContentEnd[] = "</office:text></office:body></office:document-content>";

class OfficeReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("office_reader");
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  // A zip of `parts` (name, content), deflated, written by libzip.
  std::string WriteZip(const std::string& name,
                       const std::vector<std::pair<std::string, std::string>>& parts) {
    const std::string path = dir_ + "/" + name;
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(zip, nullptr);
    if (zip == nullptr) return path;
    for (const auto& [part, content] : parts) {
      zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
      EXPECT_GE(zip_file_add(zip, part.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
    }
    EXPECT_EQ(zip_close(zip), 0);
    return path;
  }

  std::string WriteDocx(const std::string& name, const std::string& body,
                        std::vector<std::pair<std::string, std::string>> more = {}) {
    more.emplace_back("word/document.xml", kDocumentStart + body + kDocumentEnd);
    return WriteZip(name, more);
  }

  static Status Read(const std::string& path, DocumentText* text, bool notes = true) {
    DocumentReadOptions options;
    options.notes = notes;
    return ReadDocument(path, options, text);
  }

  static std::vector<std::string> ReadLines(const std::string& path, bool notes = true) {
    DocumentText text;
    const Status status = Read(path, &text, notes);
    EXPECT_TRUE(status.ok()) << status.message();
    return TextLines(text.utf8);
  }

  // Reading fails with one line that starts with the path and holds `words`.
  static void ExpectRefused(const std::string& path, const std::string& words) {
    DocumentText text;
    const auto start = std::chrono::steady_clock::now();
    const Status status = Read(path, &text);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(status.code(), Status::Code::kInvalidInput) << status.message();
    EXPECT_EQ(status.message().rfind(path + ": ", 0), 0u) << status.message();
    EXPECT_EQ(status.message().find('\n'), std::string::npos) << status.message();
    EXPECT_NE(status.message().find(words), std::string::npos) << status.message();
    EXPECT_LT(seconds, 5.0);
  }

  std::string dir_;
};

// ---- The bulletin as LibreOffice writes it: exactly the text file's non-blank lines.

TEST_F(OfficeReaderTest, BulletinDocxAndOdtGiveTheTextFilesLines) {
  for (const std::string lang : {"zh", "en"}) {
    const std::vector<std::string> expected = NonBlankLines(kBulletinDocs + lang + ".txt");
    ASSERT_GT(expected.size(), 20u);
    for (const std::string ext : {".docx", ".odt"}) {
      SCOPED_TRACE(lang + ext);
      DocumentText text;
      const Status status = Read(kBulletinDocs + "docs/" + lang + ext, &text);
      ASSERT_TRUE(status.ok()) << status.message();
      EXPECT_EQ(text.format, ext == ".docx" ? DocumentFormat::kDocx : DocumentFormat::kOdt);
      EXPECT_EQ(text.encoding, "UTF-8");
      EXPECT_TRUE(text.pages.empty());
      EXPECT_EQ(TextLines(text.utf8), expected);
    }
  }
}

// ---- Word features, from LibreOffice (tests/data/office/features.fodt).

std::vector<std::string> FeatureLines(const std::string& no_break_hyphen, bool notes) {
  std::vector<std::string> lines = {
      "Office fixture heading",
      "Split across runs, a tab, a break and three spaces.",
      "First item",
      "Second item",
      "Cell A1",
      "Cell B1",
      "Cell A2",
      "Cell B2",
      "Cell B2 again",
      "Footnoted sentence.",
      "Endnoted sentence.",
      "Anchor paragraph.",
      "Text box words.",             // once, though the DOCX holds it as DrawingML and as VML
      "Titled Fixture title here.",  // a field: its result, not its instruction
      "Kept inserted text here.",
      "Commented word.",
      "Marked words and a link.",
      "softhyphen and non" + no_break_hyphen + "breaking",
      "中文段落，含加粗文字。",
  };
  if (notes) {
    lines.push_back("The footnote text.");
    lines.push_back("The endnote text.");
  }
  return lines;
}

TEST_F(OfficeReaderTest, DocxFeaturesFromLibreOffice) {
  EXPECT_EQ(ReadLines(kOfficeData + "features.docx"), FeatureLines("-", true));
}

TEST_F(OfficeReaderTest, DocxWithoutNotes) {
  EXPECT_EQ(ReadLines(kOfficeData + "features.docx", false), FeatureLines("-", false));
}

TEST_F(OfficeReaderTest, OdtFeaturesFromLibreOffice) {
  EXPECT_EQ(ReadLines(kOfficeData + "features.odt"), FeatureLines("\u2011", true));
}

TEST_F(OfficeReaderTest, OdtWithoutNotes) {
  EXPECT_EQ(ReadLines(kOfficeData + "features.odt", false), FeatureLines("\u2011", false));
}

// ---- What LibreOffice does not write, from minimal WordprocessingML.

TEST_F(OfficeReaderTest, DocxTrackedChangesAccepted) {
  // Moves come only from Word; a deleted paragraph mark joins its paragraph to the next.
  const std::string path = WriteDocx(
      "changes.docx",
      R"(<w:p><w:r><w:t xml:space="preserve">Moved </w:t></w:r>)"
      R"(<w:moveFrom w:id="1"><w:r><w:t xml:space="preserve">away </w:t></w:r></w:moveFrom>)"
      R"(<w:r><w:t xml:space="preserve">and </w:t></w:r><w:moveTo w:id="2"><w:r><w:t>here</w:t></w:r></w:moveTo>)"
      R"(<w:ins w:id="3"><w:r><w:t>, inserted</w:t></w:r></w:ins>)"
      R"(<w:del w:id="4"><w:r><w:delText>, deleted</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>)"
      R"(<w:p><w:pPr><w:rPr><w:del w:id="5"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Joined </w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t>paragraphs.</w:t></w:r></w:p>)"
      R"(<w:p><w:del w:id="6"><w:r><w:delText>A deleted paragraph.</w:delText></w:r></w:del></w:p>)"
      R"(<w:moveFrom w:id="7"><w:r><w:t>Moved away block.</w:t></w:r></w:moveFrom>)");
  EXPECT_EQ(ReadLines(path), (std::vector<std::string>{"Moved and here, inserted.", "Joined paragraphs."}));
}

TEST_F(OfficeReaderTest, DocxFieldsGiveTheirResult) {
  const std::string path = WriteDocx(
      "fields.docx",
      R"(<w:p><w:r><w:t xml:space="preserve">Simple </w:t></w:r><w:fldSimple w:instr=" DATE ">)"
      R"(<w:r><w:t>2024-01-01</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> field.</w:t></w:r></w:p>)"
      // A field in the instruction of another (IF with a PAGE in its condition).
      R"(<w:p><w:r><w:t xml:space="preserve">Nested </w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="end"/></w:r>)"
      R"(<w:r><w:instrText> = 1 "one" "other" </w:instrText><w:tab/><w:t>instr</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>other</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> result.</w:t></w:r></w:p>)"
      // A table of contents: one field over several paragraphs.
      R"(<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \o "1-3"</w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Contents entry</w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t>Second entry</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>)"
      R"(<w:p><w:r><w:t>After the field.</w:t></w:r></w:p>)");
  EXPECT_EQ(ReadLines(path),
            (std::vector<std::string>{"Simple 2024-01-01 field.", "Nested other result.", "Contents entry",
                                      "Second entry", "After the field."}));
}

TEST_F(OfficeReaderTest, DocxRunContent) {
  const std::string path = WriteDocx(
      "runs.docx",
      // Tab stops in the paragraph's properties are no tabs.
      R"(<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>)"
      R"(<w:r><w:t>Split</w:t></w:r><w:r><w:t>Word</w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t>Sym</w:t><w:sym w:font="Wingdings" w:char="F04A"/><w:t>bol</w:t><w:cr/><w:t>soft</w:t>)"
      R"(<w:softHyphen/><w:t>hyphen</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/>)"
      R"(<w:t>non</w:t><w:noBreakHyphen/><w:t>breaking</w:t><w:br/><w:t>line</w:t></w:r></w:p>)"
      // Ruby: the base text, not the reading over it.
      R"(<w:p><w:ruby><w:rubyPr/><w:rt><w:r><w:t>hàn</w:t></w:r></w:rt>)"
      R"(<w:rubyBase><w:r><w:t>汉</w:t></w:r></w:rubyBase></w:ruby><w:r><w:t>字</w:t></w:r></w:p>)");
  EXPECT_EQ(ReadLines(path),
            (std::vector<std::string>{"SplitWord", "Symbol softhyphen non-breaking line", "汉字"}));
}

TEST_F(OfficeReaderTest, DocxAlternateContentReadOnce) {
  // The branches differ here to show which is read: the first mc:Choice, else mc:Fallback.
  const std::string path = WriteDocx(
      "alternate.docx",
      R"(<w:p><w:r><w:t xml:space="preserve">Host </w:t></w:r><w:r><mc:AlternateContent>)"
      R"(<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Choice box</w:t></w:r></w:p>)"
      R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Box cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)"
      R"(</w:txbxContent></w:drawing></mc:Choice>)"
      R"(<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Fallback box</w:t></w:r></w:p>)"
      R"(</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>text.</w:t></w:r></w:p>)"
      R"(<w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict><w:txbxContent>)"
      R"(<w:p><w:r><w:t>Only a fallback</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>)"
      R"(</mc:AlternateContent></w:r></w:p>)"
      R"(<mc:AlternateContent><mc:Choice Requires="w14"><w:p><w:r><w:t>Block choice</w:t></w:r></w:p>)"
      R"(</mc:Choice><mc:Fallback><w:p><w:r><w:t>Block fallback</w:t></w:r></w:p></mc:Fallback>)"
      R"(</mc:AlternateContent>)");
  EXPECT_EQ(ReadLines(path), (std::vector<std::string>{"Host text.", "Choice box", "Box cell",
                                                       "Only a fallback", "Block choice"}));
}

TEST_F(OfficeReaderTest, DocxNotesWithoutSeparatorsAndNoHeaders) {
  const std::string notes_start = std::string("<w:footnotes xmlns:w=\"") + kWordNs + "\">";
  const std::string path = WriteDocx(
      "notes.docx", R"(<w:p><w:r><w:t>Body.</w:t></w:r></w:p>)",
      {{"word/footnotes.xml",
        notes_start +
            R"(<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>)"
            R"(<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>SEPARATOR</w:t></w:r></w:p>)"
            R"(</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Real note.</w:t></w:r></w:p></w:footnote>)"
            R"(</w:footnotes>)"},
       {"word/endnotes.xml", std::string("<w:endnotes xmlns:w=\"") + kWordNs +
                                 R"("><w:endnote w:id="1"><w:p><w:r><w:t>End note.</w:t></w:r></w:p>)"
                                 R"(</w:endnote></w:endnotes>)"},
       {"word/header1.xml", std::string("<w:hdr xmlns:w=\"") + kWordNs +
                                R"("><w:p><w:r><w:t>HEADER</w:t></w:r></w:p></w:hdr>)"}});
  EXPECT_EQ(ReadLines(path), (std::vector<std::string>{"Body.", "Real note.", "End note."}));
  EXPECT_EQ(ReadLines(path, false), (std::vector<std::string>{"Body."}));
}

TEST_F(OfficeReaderTest, DocxElementsKnownByNamespaceNotPrefix) {
  const std::string path = WriteZip(
      "prefix.docx",
      {{"word/document.xml", std::string("<x:document xmlns:x=\"") + kWordNs +
                                 "\" xmlns:w=\"urn:not-word\"><x:body><x:p><x:r><x:t>Word "
                                 "text</x:t><w:t>not Word</w:t></x:r></x:p></x:body></x:document>"}});
  EXPECT_EQ(ReadLines(path), (std::vector<std::string>{"Word text"}));
}

// ---- What LibreOffice does not write, from minimal ODF.

TEST_F(OfficeReaderTest, OdtSpacesNotesAndLabels) {
  const std::string path = WriteZip(
      "minimal.odt",
      {{"content.xml",
        kContentStart +
            std::string(
                R"(<text:list><text:list-item><text:p><text:number>1.</text:number>Numbered</text:p>)"
                R"(</text:list-item></text:list>)"
                R"(<text:p>a<text:s text:c="999999999"/>b<text:s/>c</text:p>)"
                R"(<text:p>Note<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>)"
                R"(<text:note-body><text:p>First note.</text:p><text:list><text:list-item><text:p>Listed)"
                R"( note.</text:p></text:list-item></text:list></text:note-body></text:note> here.</text:p>)"
                R"(<text:p><text:ruby><text:ruby-base>汉</text:ruby-base><text:ruby-text>hàn</text:ruby-text>)"
                R"(</text:ruby>字</text:p>)") +
            kContentEnd}});
  EXPECT_EQ(ReadLines(path), (std::vector<std::string>{"Numbered", "a b c", "Note here.", "汉字",
                                                       "First note.", "Listed note."}));
  EXPECT_EQ(ReadLines(path, false), (std::vector<std::string>{"Numbered", "a b c", "Note here.", "汉字"}));
}

// ---- Damaged, hostile and mistaken files: one line naming the file, quickly.

// A zip written byte by byte, for what libzip will not write: an entry's data is stored
// as given, under the sizes, CRC and flags given.
struct RawEntry {
  std::string name;
  std::string data;  // as stored (already deflated when method is 8)
  uint16_t method = 8;
  uint32_t crc = 0;
  uint32_t size = 0;  // uncompressed, as declared
  uint16_t flags = 0;
};

void Put16(std::string* s, uint16_t v) {
  s->push_back(static_cast<char>(v & 0xFF));
  s->push_back(static_cast<char>(v >> 8));
}
void Put32(std::string* s, uint32_t v) {
  Put16(s, static_cast<uint16_t>(v & 0xFFFF));
  Put16(s, static_cast<uint16_t>(v >> 16));
}

std::string RawZip(const std::vector<RawEntry>& entries) {
  std::string zip, directory;
  for (const RawEntry& e : entries) {
    const uint32_t offset = static_cast<uint32_t>(zip.size());
    auto common = [&](std::string* s) {
      Put16(s, 20);  // version needed
      Put16(s, e.flags);
      Put16(s, e.method);
      Put16(s, 0);       // time
      Put16(s, 0x0021);  // date: 1980-01-01
      Put32(s, e.crc);
      Put32(s, static_cast<uint32_t>(e.data.size()));
      Put32(s, e.size);
      Put16(s, static_cast<uint16_t>(e.name.size()));
      Put16(s, 0);  // extra field
    };
    Put32(&zip, 0x04034b50);
    common(&zip);
    zip += e.name;
    zip += e.data;
    Put32(&directory, 0x02014b50);
    Put16(&directory, 20);  // version made by
    common(&directory);
    Put16(&directory, 0);  // comment
    Put16(&directory, 0);  // disk
    Put16(&directory, 0);  // internal attributes
    Put32(&directory, 0);  // external attributes
    Put32(&directory, offset);
    directory += e.name;
  }
  const uint32_t directory_offset = static_cast<uint32_t>(zip.size());
  zip += directory;
  Put32(&zip, 0x06054b50);
  Put16(&zip, 0);
  Put16(&zip, 0);
  Put16(&zip, static_cast<uint16_t>(entries.size()));
  Put16(&zip, static_cast<uint16_t>(entries.size()));
  Put32(&zip, static_cast<uint32_t>(directory.size()));
  Put32(&zip, directory_offset);
  Put16(&zip, 0);
  return zip;
}

// word/document.xml deflated to `mebibytes` MiB of zeros (about 1 KB of deflate a MiB).
RawEntry ZeroBomb(uint32_t mebibytes, uint32_t declared_size) {
  const std::string chunk = ReadFile(kOfficeData + "zeros-1mib.deflate");
  EXPECT_GT(chunk.size(), 100u);
  RawEntry e;
  e.name = "word/document.xml";
  e.data.reserve(chunk.size() * mebibytes + 2);
  for (uint32_t i = 0; i < mebibytes; ++i) e.data += chunk;
  e.data += std::string("\x03\x00", 2);  // the final block: empty, fixed Huffman
  e.crc = 0;                             // never reached: the limits come first
  e.size = declared_size;
  return e;
}

long PeakMemoryMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}
// Limits below are on the growth of the peak, not its level: under AddressSanitizer the test
// process alone starts near 200 MB.

TEST_F(OfficeReaderTest, ZipBombWithHonestHeaderRefusedUnread) {
  // 1 GiB of zeros in 1 MB, declared as such.
  const std::string path = Write("bomb.docx", RawZip({ZeroBomb(1024, 1u << 30)}));
  const long before = PeakMemoryMegabytes();
  ExpectRefused(path, "word/document.xml: declares 1024 MB uncompressed, more than the 256 MB");
  EXPECT_LT(PeakMemoryMegabytes() - before, 100);
}

TEST_F(OfficeReaderTest, ZipBombOverTheRatioRefused) {
  // 100 MiB (under the size limit) from about 100 KB: a ratio near 1000:1.
  const std::string path = Write("ratio.docx", RawZip({ZeroBomb(100, 100u << 20)}));
  ExpectRefused(path, "word/document.xml: declares a compression ratio of");
}

TEST_F(OfficeReaderTest, ZipBombWithLyingHeaderStopsInflating) {
  // The header says 4000 bytes; the data inflate to 1 GiB. Reading stops at byte 4001.
  const std::string path = Write("liar.docx", RawZip({ZeroBomb(1024, 4000)}));
  const long before = PeakMemoryMegabytes();
  ExpectRefused(path, "word/document.xml: inflates to more than the 4000 bytes its header declares");
  EXPECT_LT(PeakMemoryMegabytes() - before, 100);
}

TEST_F(OfficeReaderTest, EncryptedZipEntryRefused) {
  RawEntry e;
  e.name = "word/document.xml";
  e.data = std::string(40, 'x');
  e.method = 0;
  e.size = 28;
  e.flags = 1;  // traditional PKWARE encryption
  ExpectRefused(Write("locked.docx", RawZip({e})), "word/document.xml: encrypted: remove the password first");
}

TEST_F(OfficeReaderTest, TruncatedZipRefused) {
  const std::string bytes = ReadFile(kOfficeData + "features.docx");
  ASSERT_GT(bytes.size(), 1000u);
  ExpectRefused(Write("truncated.docx", bytes.substr(0, bytes.size() / 2)), "damaged or truncated zip");
}

TEST_F(OfficeReaderTest, CorruptedPartRefused) {
  // Flip bytes inside the compressed data of the first part: inflate or the CRC fails.
  std::string bytes = ReadFile(kBulletinDocs + "docs/en.docx");
  const size_t at = bytes.find("word/document.xml");
  ASSERT_NE(at, std::string::npos);
  for (size_t i = at + 40; i < at + 240; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  DocumentText text;
  const std::string path = Write("corrupt.docx", bytes);
  const Status status = Read(path, &text);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(status.message().rfind(path + ": ", 0), 0u) << status.message();
  EXPECT_EQ(status.message().find('\n'), std::string::npos) << status.message();
}

TEST_F(OfficeReaderTest, RandomBytesNamedDocxRefused) {
  std::mt19937 random(7);
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  const std::string path = Write("random.docx", bytes);
  // Told by content: not a zip, so text, and not text either.
  ExpectRefused(path, "");
  // Forced to DOCX.
  DocumentReadOptions options;
  options.format = DocumentFormat::kDocx;
  DocumentText text;
  const Status status = ReadDocument(path, options, &text);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(status.message(),
            path + ": not a zip container, so not DOCX (damaged, truncated or another format)");
}

TEST_F(OfficeReaderTest, ZipWithoutDocumentPartRefused) {
  const std::string path =
      WriteZip("empty.docx", {{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", "<x/>"}});
  ExpectRefused(path, "word/document.xml is missing");
  ExpectRefused(WriteZip("empty.odt", {{"styles.xml", "<x/>"}}), "content.xml is missing");
}

TEST_F(OfficeReaderTest, DtdAndEntitiesRefused) {
  const std::string doctype = R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>)";
  const std::string body = std::string("<w:document xmlns:w=\"") + kWordNs +
                           "\"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>";
  ExpectRefused(WriteZip("dtd.docx", {{"word/document.xml", doctype + body}}),
                "word/document.xml: has a document type declaration");
  ExpectRefused(
      WriteZip("dtd.odt", {{"content.xml",
                            R"(<?xml version="1.0"?><!-- x --><!DOCTYPE x>)" +
                                std::string(kContentStart).substr(std::string(kContentStart).find("?>") + 2) +
                                kContentEnd}}),
      "content.xml: has a document type declaration");
  // An undeclared entity is an XML error, with its position.
  ExpectRefused(WriteZip("entity.docx", {{"word/document.xml", body}}), "word/document.xml:1:");
}

TEST_F(OfficeReaderTest, EncryptedOfficeFileRefused) {
  // An OLE compound file: the signature, and somewhere the UTF-16LE name of the stream
  // that encrypted OOXML keeps its key information in.
  std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(504, '\0');
  const std::string legacy = ole + std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
  ole += std::string("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28);
  ExpectRefused(Write("secret.docx", ole), "secret.docx: encrypted: remove the password first");
  ExpectRefused(Write("secret.odt", ole), "encrypted: remove the password first");
  ExpectRefused(Write("old.docx", legacy), "a legacy Word .doc (not DOCX): save it as .docx");
}

TEST_F(OfficeReaderTest, EncryptedOdtRefused) {
  const std::string manifest =
      R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">)"
      R"(<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>)"
      R"(</manifest:file-entry></manifest:manifest>)";
  ExpectRefused(
      WriteZip("secret.odt", {{"META-INF/manifest.xml", manifest}, {"content.xml", "\x01\x02garbage"}}),
      "encrypted: remove the password first");
}

TEST_F(OfficeReaderTest, DocxThatIsPlainTextReadAsText) {
  const std::string path = Write("notes.docx", "First line.\nSecond line.\n");
  DocumentText text;
  const Status status = Read(path, &text);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(text.format, DocumentFormat::kText);
  EXPECT_EQ(text.utf8, "First line.\nSecond line.\n");
  EXPECT_NE(text.note.find("plain text: read as text"), std::string::npos) << text.note;
}

}  // namespace
}  // namespace tmalign
