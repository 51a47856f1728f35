// tm/tmx_reader and tm/tmx_writer: the one TMX reader and writer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "temp_dir.h"
#include "tm/tmx_reader.h"
#include "tm/tmx_writer.h"

namespace tmalign {
namespace {

class TmxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("tmalign_tmx_test");
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // Reads `text` as a TMX file; the header (when any) into *header.
  Status Read(const std::string& text, std::vector<TmxUnit>* units, TmxHeader* header = nullptr) {
    TmxReadHandlers h;
    h.on_header = [&](const TmxHeader& hd) {
      if (header != nullptr) *header = hd;
      return Status::Ok();
    };
    h.on_unit = [&](TmxUnit&& u) {
      units->push_back(std::move(u));
      return Status::Ok();
    };
    return ReadTmx(Write("in.tmx", text), h);
  }

  std::string dir_;
};

std::string Doc(const std::string& body, const std::string& header = "<header srclang=\"zh-CN\"/>") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n" + header + "\n<body>\n" +
         body + "</body>\n</tmx>\n";
}

TmxUnit Unit(const std::string& zh, const std::string& en) {
  TmxUnit u;
  u.variants.resize(2);
  u.variants[0].lang = "zh-CN";
  u.variants[0].text = zh;
  u.variants[1].lang = "en";
  u.variants[1].text = en;
  return u;
}

std::string WriteToString(const TmxHeader& header, const std::vector<TmxUnit>& units) {
  std::ostringstream out;
  TmxWriter w(out, header);
  for (const TmxUnit& u : units) w.Write(u);
  w.Finish();
  return out.str();
}

TEST_F(TmxTest, ReadsHeaderUnitsPropsDatesAndLanguages) {
  std::vector<TmxUnit> units;
  TmxHeader header;
  Status s = Read(Doc("<tu tuid=\"t1\" creationdate=\"20210616T093000Z\" changedate=\"20220102T030405Z\">\n"
                      "  <prop type=\"x-project\">Pujiang &amp; co</prop><prop type=\"x-b\"></prop>\n"
                      "  <tuv xml:lang=\"zh-CN\"><seg>联盟链</seg></tuv>\n"
                      "  <tuv lang=\"EN\"><seg>alliance chain</seg></tuv>\n"
                      "  <tuv xml:lang=\"fr\"><seg>chaîne</seg></tuv>\n"
                      "</tu>\n"
                      "<tu creationdate=\"2021-06-16\"><tuv xml:lang=\"zh\"/></tu>\n",
                      "<header srclang=\"en-US\" creationtoolversion=\"9.9\"/>"),
                  &units, &header);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(header.src_lang, "en-US");
  EXPECT_EQ(header.creation_tool_version, "9.9");
  ASSERT_EQ(units.size(), 2u);
  const TmxUnit& u = units[0];
  EXPECT_EQ(u.id, "t1");
  EXPECT_EQ(u.line, 5);
  EXPECT_EQ(u.created_at, "2021-06-16T09:30:00Z");
  EXPECT_EQ(u.changed_at, "2022-01-02T03:04:05Z");
  using Props = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(u.props, (Props{{"x-project", "Pujiang & co"}, {"x-b", ""}}));
  ASSERT_EQ(u.variants.size(), 3u);
  EXPECT_EQ(u.variants[0].lang, "zh-CN");
  EXPECT_EQ(u.variants[0].text, "联盟链");
  EXPECT_FALSE(u.variants[0].markup.has_value());
  EXPECT_EQ(u.variants[1].lang, "EN");  // TMX 1.1 lang, as written
  EXPECT_EQ(u.variants[1].text, "alliance chain");
  EXPECT_EQ(u.variants[2].lang, "fr");
  // A date in another form is kept as written; a <tuv> without <seg> has no text.
  EXPECT_EQ(units[1].created_at, "2021-06-16");
  EXPECT_EQ(units[1].changed_at, "");
  ASSERT_EQ(units[1].variants.size(), 1u);
  EXPECT_EQ(units[1].variants[0].text, "");
  EXPECT_EQ(units[1].variants[0].line, 0);
}

TEST_F(TmxTest, InlineMarkupIsKeptAndNativeCodeIsNotText) {
  std::vector<TmxUnit> units;
  Status s =
      Read(Doc("<tu><tuv xml:lang=\"zh\"><seg>要<bpt i='1'>&lt;b&gt;</bpt>联盟链<ept i=\"1\">&lt;/b&gt;</ept>"
               "<ph x=\"2\">{1}<sub>注</sub></ph><hi type=\"b\">框架</hi>&amp;<x/></seg></tuv></tu>\n"),
           &units);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(units.size(), 1u);
  const TmxVariant& v = units[0].variants[0];
  // <sub> inside native code and <hi> are text; the codes are not.
  EXPECT_EQ(v.text, "要联盟链注框架&");
  ASSERT_TRUE(v.markup.has_value());
  EXPECT_EQ(
      *v.markup,
      "要<bpt i=\"1\">&lt;b&gt;</bpt>联盟链<ept i=\"1\">&lt;/b&gt;</ept><ph x=\"2\">{1}<sub>注</sub></ph>"
      "<hi type=\"b\">框架</hi>&amp;<x/>");
}

TEST_F(TmxTest, OnlyTheUnitsOwnPropsVariantsAndLastSegmentCount) {
  std::vector<TmxUnit> units;
  // A unit's props and variants are its direct children; a variant's text is its last direct
  // <seg>; a <tu> inside another, or inside the header, is not a unit of its own.
  Status s = Read(Doc("<tu><prop type=\"a\">x<b>y</b>z</prop><note><seg>not a segment</seg></note>\n"
                      "  <tuv xml:lang=\"zh\"><prop type=\"inner\">p</prop><seg>旧</seg><seg>新</seg></tuv>\n"
                      "  <tuv xml:lang=\"en\"><seg><ph>{1}</ph></seg></tuv>\n"
                      "  <tu><tuv xml:lang=\"ja\"><seg>inner</seg></tuv></tu>\n"
                      "</tu>\n",
                      "<header srclang=\"zh\"><tu><tuv xml:lang=\"zh\"><seg>h</seg></tuv></tu></header>"),
                  &units);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(units.size(), 1u);
  const TmxUnit& u = units[0];
  EXPECT_EQ(u.props, (std::vector<std::pair<std::string, std::string>>{{"a", "xyz"}}));
  ASSERT_EQ(u.variants.size(), 2u);
  EXPECT_EQ(u.variants[0].text, "新");
  EXPECT_FALSE(u.variants[0].markup.has_value());
  // Text only inside a code: no text, the code kept, the position that of the code's text.
  EXPECT_EQ(u.variants[1].text, "");
  EXPECT_EQ(u.variants[1].markup, std::optional<std::string>("<ph>{1}</ph>"));
  EXPECT_TRUE(u.variants[1].anchors.empty());
  EXPECT_EQ(u.variants[1].line, 7);
  EXPECT_EQ(u.variants[1].column, 31);
}

TEST_F(TmxTest, TextPositionsAndAnchors) {
  std::vector<TmxUnit> units;
  // Line 6 is `  <tuv xml:lang="en"><seg>ab<ph>x</ph>cd`: "ab" at column 27, "cd" at 39.
  Status s = Read(Doc("<tu>\n  <tuv xml:lang=\"en\"><seg>ab<ph>x</ph>cd\nef</seg></tuv></tu>\n"), &units);
  ASSERT_TRUE(s.ok()) << s.message();
  const TmxVariant& v = units[0].variants[0];
  EXPECT_EQ(v.text, "abcd\nef");
  EXPECT_EQ(v.line, 6);
  EXPECT_EQ(v.column, 27);
  // "cd" after the <ph> starts a new stretch: offset 2, line 6, column after </ph>.
  bool found = false;
  for (const XmlTextAnchor& a : v.anchors) {
    if (a.offset == 2) {
      found = true;
      EXPECT_EQ(a.line, 6);
      EXPECT_EQ(a.column, 39);
    }
  }
  EXPECT_TRUE(found);
  ASSERT_FALSE(v.anchors.empty());
  EXPECT_EQ(v.anchors.front().offset, 0u);
  for (size_t i = 1; i < v.anchors.size(); ++i) EXPECT_LE(v.anchors[i - 1].offset, v.anchors[i].offset);
}

TEST_F(TmxTest, RefusesEntityDeclarations) {
  std::vector<TmxUnit> units;
  Status s = Read(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"zh\"><seg>&x;</seg></tuv></tu></body></tmx>\n",
      &units);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("in.tmx:2:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("entity declarations are not allowed"), std::string::npos) << s.message();
  EXPECT_TRUE(units.empty());
  // An internal entity too (the "billion laughs" shape).
  s = Read(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]>\n"
      "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"zh\"><seg>&b;</seg></tuv></tu></body></tmx>\n",
      &units);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("entity declarations are not allowed"), std::string::npos) << s.message();
  EXPECT_TRUE(units.empty());
}

TEST_F(TmxTest, MalformedXmlAndWrongRootNameFileLineColumn) {
  std::vector<TmxUnit> units;
  Status s = Read(
      Doc("<tu><tuv xml:lang=\"zh\"><seg>a</seg></tuv></tu>\n<tu><tuv xml:lang=\"en\"><seg>b</tuv></tu>\n"),
      &units);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("in.tmx:6:32: mismatched tag"), std::string::npos) << s.message();
  EXPECT_EQ(units.size(), 1u);  // streamed: the unit before the error was handed out
  units.clear();
  s = Read("<?xml version=\"1.0\"?>\n  <xliff version=\"1.2\"/>\n", &units);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("in.tmx:2:3: not a TMX file (root element <xliff>)"), std::string::npos)
      << s.message();
  s = ReadTmx(dir_ + "/missing.tmx", [](TmxUnit&&) { return Status::Ok(); });
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("missing.tmx: cannot open file"), std::string::npos) << s.message();
}

TEST_F(TmxTest, HandlerErrorStopsTheRead) {
  int calls = 0;
  Status s = ReadTmx(Write("two.tmx", Doc("<tu/>\n<tu/>\n")), [&](TmxUnit&&) {
    ++calls;
    return Status::InvalidInput("stop here");
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "stop here");
  EXPECT_EQ(calls, 1);
}

TEST_F(TmxTest, WriterOutputIsExact) {
  TmxUnit u = Unit("联盟链 <b> & \"x\"", "alliance chain");
  u.props = {{"x-tmalign-doc", "d&1"}, {"x-note", "<n>"}};
  u.created_at = "2021-06-16T09:30:00Z";
  u.changed_at = "not a date";  // not ISO 8601: no changedate attribute
  TmxUnit plain = Unit("a", "b");
  plain.id = "t2";
  plain.variants[1].markup = "<ph x=\"1\">{1}</ph>b";
  EXPECT_EQ(WriteToString(TmxHeader{"zh-CN", "1.2.3"}, {u, plain}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<tmx version=\"1.4\">\n"
            "  <header creationtool=\"tmalign\" creationtoolversion=\"1.2.3\" datatype=\"plaintext\" "
            "segtype=\"sentence\" adminlang=\"en\" srclang=\"zh-CN\" o-tmf=\"tmalign\"/>\n"
            "  <body>\n"
            "    <tu creationdate=\"20210616T093000Z\">\n"
            "      <prop type=\"x-tmalign-doc\">d&amp;1</prop>\n"
            "      <prop type=\"x-note\">&lt;n&gt;</prop>\n"
            "      <tuv xml:lang=\"zh-CN\"><seg>联盟链 &lt;b&gt; &amp; &quot;x&quot;</seg></tuv>\n"
            "      <tuv xml:lang=\"en\"><seg>alliance chain</seg></tuv>\n"
            "    </tu>\n"
            "    <tu tuid=\"t2\">\n"
            "      <tuv xml:lang=\"zh-CN\"><seg>a</seg></tuv>\n"
            "      <tuv xml:lang=\"en\"><seg><ph x=\"1\">{1}</ph>b</seg></tuv>\n"
            "    </tu>\n"
            "  </body>\n"
            "</tmx>\n");
}

TEST_F(TmxTest, WriteThenReadRoundTrips) {
  TmxUnit a =
      Unit("要探索联盟链监管框架。", "Explore a regulatory framework <for> the alliance chain & more.");
  a.id = "u1";
  a.created_at = "2021-06-16T09:30:00Z";
  a.changed_at = "2022-01-02T03:04:05Z";
  a.props = {{"x-tmalign-doc", "pujiang"}, {"x-tmalign-position", "3"}, {"x-project", "P & Q"}};
  a.variants[0].lang = "zh-Hant";
  TmxUnit b = Unit("第一季度。", "First quarter.");
  b.variants[1].markup = "First <hi type=\"b\">quarter</hi><ph x=\"1\">{1}</ph>.";
  const std::string written = WriteToString(TmxHeader{"*all*", "1"}, {a, b});

  std::vector<TmxUnit> units;
  TmxHeader header;
  Status s = ReadTmx(Write("rt.tmx", written), TmxReadHandlers{[&](const TmxHeader& h) {
                                                                 header = h;
                                                                 return Status::Ok();
                                                               },
                                                               [&](TmxUnit&& u) {
                                                                 units.push_back(std::move(u));
                                                                 return Status::Ok();
                                                               }});
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(header.src_lang, "*all*");
  ASSERT_EQ(units.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const TmxUnit& want = i == 0 ? a : b;
    const TmxUnit& got = units[i];
    EXPECT_EQ(got.id, want.id);
    EXPECT_EQ(got.created_at, want.created_at);
    EXPECT_EQ(got.changed_at, want.changed_at);
    EXPECT_EQ(got.props, want.props);
    ASSERT_EQ(got.variants.size(), 2u);
    for (int side = 0; side < 2; ++side) {
      EXPECT_EQ(got.variants[side].lang, want.variants[side].lang);
      EXPECT_EQ(got.variants[side].markup, want.variants[side].markup);
    }
  }
  EXPECT_EQ(units[0].variants[0].text, a.variants[0].text);
  EXPECT_EQ(units[0].variants[1].text, a.variants[1].text);
  EXPECT_EQ(units[1].variants[1].text, "First quarter.");  // the code {1} is not text
  // What was read writes back to the same bytes.
  EXPECT_EQ(WriteToString(header, units), written);
}

}  // namespace
}  // namespace tmalign
