#include "terms/tbx.h"

#include <gtest/gtest.h>

#include <fstream>

#include "util/safe_xml.h"

namespace tmalign {

namespace {

std::string Data(const std::string& name) { return std::string(TMALIGN_TEST_DATA) + "/terms/" + name; }

Status Load(const std::string& name, Glossary* g) { return LoadTbx(Data(name), g); }

}  // namespace

TEST(TbxTest, ImportsTbxV3AdministrativeStatus) {
  Glossary g;
  Status s = Load("v3.tbx", &g);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(g.entries().size(), 2u);
  const TermEntry& e = g.entries()[0];
  EXPECT_EQ(e.zh, "联盟链");
  EXPECT_EQ(e.en, "alliance chain");  // preferred wins even when listed after a deprecated term
  EXPECT_EQ(e.variants, std::vector<std::string>{"consortium chain"});
  EXPECT_EQ(e.forbidden, std::vector<std::string>{"union chain"});
  EXPECT_EQ(e.note, "Permissioned blockchain shared by several organizations.");
  EXPECT_EQ(e.line, 6);
  EXPECT_TRUE(g.entries()[1].case_sensitive);
}

TEST(TbxTest, ExportRoundTrips) {
  Glossary g;
  ASSERT_TRUE(g.ParseTsv("zh\ten\tvariants\tforbidden\tcase\tnote\n"
                         "联盟链\talliance chain\tconsortium chain\tunion chain|league chain\t\tR&D <draft>\n"
                         "科技部\tMOST\t\t\tyes\t\n",
                         "g.tsv")
                  .ok());
  const std::string path = ::testing::TempDir() + "roundtrip.tbx";
  std::ofstream(path) << GlossaryToTbx(g);
  Glossary back;
  Status s = LoadTbx(path, &back);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(back.entries().size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back.entries()[i].zh, g.entries()[i].zh);
    EXPECT_EQ(back.entries()[i].en, g.entries()[i].en);
    EXPECT_EQ(back.entries()[i].variants, g.entries()[i].variants);
    EXPECT_EQ(back.entries()[i].forbidden, g.entries()[i].forbidden);
    EXPECT_EQ(back.entries()[i].case_sensitive, g.entries()[i].case_sensitive);
    EXPECT_EQ(back.entries()[i].note, g.entries()[i].note);
  }
}

TEST(TbxTest, MalformedInputNamesFileAndLine) {
  Glossary g;
  Status s = Load("malformed.tbx", &g);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), Data("malformed.tbx") + ":6:3: mismatched tag");
  Glossary g2;
  s = Load("no_en.tbx", &g2);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), Data("no_en.tbx") + ":4: termEntry has no en term");
}

TEST(TbxTest, RejectsExternalEntities) {
  Glossary g;
  Status s = Load("xxe.tbx", &g);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("xxe.tbx:3:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("entity declarations are not allowed"), std::string::npos);
  EXPECT_EQ(s.message().find("root:"), std::string::npos);  // nothing of /etc/passwd leaks
  EXPECT_TRUE(g.empty());
}

TEST(TbxTest, RejectsBillionLaughs) {
  Glossary g;
  Status s = Load("billion_laughs.tbx", &g);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("billion_laughs.tbx:3:"), std::string::npos) << s.message();
  EXPECT_TRUE(g.empty());
}

TEST(SafeXmlTest, KeepsInlineTextAndPositions) {
  XmlStreamHandlers h;
  h.capture = {"seg"};
  std::vector<XmlNode> segs;
  h.on_element = [&](XmlNode&& n) {
    segs.push_back(std::move(n));
    return Status::Ok();
  };
  Status s = ParseXmlText(
      "<r>\n  <seg>the <bpt i=\"1\">&lt;b&gt;</bpt>alliance<ept i=\"1\"/> chain &amp; co</seg></r>", "t.xml",
      h);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(segs.size(), 1u);
  EXPECT_EQ(segs[0].TextContent(), "the <b>alliance chain & co");
  EXPECT_EQ(segs[0].line, 2);
  EXPECT_EQ(segs[0].TextPosition(), std::make_pair(2, 8));
  std::vector<XmlTextAnchor> anchors;
  segs[0].TextContentWithAnchors(&anchors);
  ASSERT_GE(anchors.size(), 3u);
  EXPECT_EQ(anchors[1].offset, 4u);  // "<" from &lt; inside <bpt>
  EXPECT_EQ(anchors[1].column, 23);
}

TEST(SafeXmlTest, UndeclaredEntityIsAnError) {
  XmlStreamHandlers h;
  Status s = ParseXmlText("<r>\n&nope;</r>", "t.xml", h);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("t.xml:2:", 0), 0u) << s.message();
}

}  // namespace tmalign
