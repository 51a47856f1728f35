// The pre-translation XLIFF, read back with the project's safe XML reader: states, targets,
// alt-trans (1.2) and mtc:matches (2.0), escaping, languages.
#include "leverage/xliff_writer.h"

#include <gtest/gtest.h>

#include "util/safe_xml.h"

namespace tmalign {
namespace {

SegmentLeverage Segment(int paragraph, int sentence, const std::string& text, int score,
                        const std::string& tm_source, const std::string& tm_target,
                        const std::string& adapted = "") {
  SegmentLeverage s;
  s.sentence = {text, paragraph, sentence};
  if (score > 0) {
    s.has_match = true;
    s.best.match.score = score;
    s.best.text_score = score;
    s.best.match.pair.source = tm_source;
    s.best.match.pair.target = tm_target;
    if (!adapted.empty()) {
      s.best.numbers.numbers_differ = true;
      s.best.numbers.adapted = true;
      s.best.numbers.target = adapted;
    }
  }
  s.band = s.has_match ? BandOfScore(score) : Band::kNew;
  return s;
}

// A match whose numbers changed and could not be adapted.
SegmentLeverage NotAdapted() {
  SegmentLeverage s = Segment(4, 0, "共4家。", 99, "共3家。", "Three companies.");
  s.best.numbers.numbers_differ = true;
  s.best.numbers.reason = "3 is not in the target";
  return s;
}

std::vector<SegmentLeverage> Segments() {
  return {Segment(0, 0, "上海浦江创新论坛中心", 100, "上海浦江创新论坛中心",
                  "Shanghai Center for Pujiang Innovation Forum"),
          Segment(2, 0, "2021年7月2日", 98, "2021年6月16日", "June.16 2021", "July.2 2021"),
          Segment(2, 1, "R&D <投入> 增长。", 80, "R&D 投入增长。", "R&D input grew."),
          Segment(3, 0, "全新的句子。", 60, "旧句子。", "An old sentence."),
          Segment(3, 1, "没有匹配。", 0, "", ""),
          NotAdapted()};
}

std::vector<XmlNode> Units(const std::string& xliff, const std::string& unit, XmlNode* root) {
  std::vector<XmlNode> units;
  XmlStreamHandlers h;
  h.capture = {unit};
  h.on_root = [&](const XmlNode& r) {
    *root = r;
    return Status::Ok();
  };
  h.on_element = [&](XmlNode&& n) {
    units.push_back(std::move(n));
    return Status::Ok();
  };
  Status s = ParseXmlText(xliff, "out.xlf", h);
  EXPECT_TRUE(s.ok()) << s.message() << "\n" << xliff;
  return units;
}

const XmlNode* Child(const XmlNode& n, const std::string& local) {
  for (const XmlNode& c : n.children) {
    if (!c.is_text && c.LocalName() == local) return &c;
  }
  return nullptr;
}

TEST(XliffWriterTest, Version12) {
  XliffOptions o;
  o.original = "new.txt";
  o.tool_version = "0.1.0";
  PretranslationCounts counts;
  const std::string xliff = WritePretranslationXliff(Segments(), o, &counts);
  EXPECT_EQ(counts.units, 6);
  EXPECT_EQ(counts.translated, 1);
  EXPECT_EQ(counts.fuzzy, 3);
  EXPECT_EQ(counts.empty, 2);  // 60 is under --min 75, and no match
  EXPECT_EQ(counts.adapted, 1);
  XmlNode root;
  std::vector<XmlNode> units = Units(xliff, "trans-unit", &root);
  EXPECT_EQ(root.Attribute("version"), "1.2");
  EXPECT_EQ(root.Attribute("xmlns"), "urn:oasis:names:tc:xliff:document:1.2");
  ASSERT_EQ(units.size(), 6u);
  EXPECT_EQ(units[0].Attribute("id"), "p1-s1");
  EXPECT_EQ(units[1].Attribute("id"), "p3-s1");
  EXPECT_EQ(units[2].Attribute("id"), "p3-s2");

  const XmlNode* t = Child(units[0], "target");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->Attribute("state"), "translated");
  EXPECT_EQ(t->Attribute("xml:lang"), "en");
  EXPECT_EQ(Child(units[0], "source")->Attribute("xml:lang"), "zh");
  EXPECT_EQ(Child(units[0], "alt-trans"), nullptr);

  // Fuzzy, numbers adapted: the adapted target, the TM's own pair in alt-trans.
  t = Child(units[1], "target");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->Attribute("state"), "needs-review-translation");
  EXPECT_EQ(t->TextContent(), "July.2 2021");
  const XmlNode* alt = Child(units[1], "alt-trans");
  ASSERT_NE(alt, nullptr);
  EXPECT_EQ(alt->Attribute("match-quality"), "98");
  EXPECT_EQ(alt->Attribute("origin"), "tmalign");
  EXPECT_EQ(Child(*alt, "source")->TextContent(), "2021年6月16日");
  EXPECT_EQ(Child(*alt, "target")->TextContent(), "June.16 2021");

  // Markup characters survive escaping.
  EXPECT_EQ(Child(units[2], "source")->TextContent(), "R&D <投入> 增长。");
  EXPECT_EQ(Child(units[2], "target")->TextContent(), "R&D input grew.");

  EXPECT_EQ(Child(units[3], "target"), nullptr);
  EXPECT_EQ(Child(units[3], "alt-trans"), nullptr);
  EXPECT_EQ(Child(units[4], "target"), nullptr);

  // Numbers that could not be adapted: the TM's target, and a note saying why.
  EXPECT_EQ(Child(units[5], "target")->TextContent(), "Three companies.");
  ASSERT_NE(Child(units[5], "note"), nullptr);
  EXPECT_EQ(Child(units[5], "note")->TextContent(), "numbers not adapted: 3 is not in the target");
  EXPECT_EQ(Child(units[1], "note"), nullptr);  // adapted: no note
}

TEST(XliffWriterTest, Version20) {
  XliffOptions o;
  o.version = XliffVersion::k20;
  o.original = "new.txt";
  o.min_score = 50;  // the 60 becomes a fuzzy target too
  PretranslationCounts counts;
  const std::string xliff = WritePretranslationXliff(Segments(), o, &counts);
  EXPECT_EQ(counts.fuzzy, 4);
  XmlNode root;
  std::vector<XmlNode> units = Units(xliff, "unit", &root);
  EXPECT_EQ(root.Attribute("version"), "2.0");
  EXPECT_EQ(root.Attribute("srcLang"), "zh");
  EXPECT_EQ(root.Attribute("trgLang"), "en");
  EXPECT_EQ(root.Attribute("xmlns:mtc"), "urn:oasis:names:tc:xliff:matches:2.0");
  ASSERT_EQ(units.size(), 6u);
  EXPECT_EQ(units[1].Attribute("id"), "p3-s1");

  const XmlNode* seg = Child(units[0], "segment");
  ASSERT_NE(seg, nullptr);
  EXPECT_EQ(seg->Attribute("state"), "translated");
  EXPECT_EQ(Child(*seg, "target")->TextContent(), "Shanghai Center for Pujiang Innovation Forum");
  EXPECT_EQ(Child(units[0], "matches"), nullptr);

  seg = Child(units[1], "segment");
  EXPECT_EQ(seg->Attribute("state"), "initial");
  EXPECT_EQ(Child(*seg, "target")->TextContent(), "July.2 2021");
  const XmlNode* matches = Child(units[1], "matches");
  ASSERT_NE(matches, nullptr);
  EXPECT_EQ(matches->name, "mtc:matches");
  const XmlNode* match = Child(*matches, "match");
  ASSERT_NE(match, nullptr);
  EXPECT_EQ(match->Attribute("similarity"), "98");
  EXPECT_EQ(match->Attribute("ref"), "#" + seg->Attribute("id"));
  EXPECT_EQ(Child(*match, "target")->TextContent(), "June.16 2021");

  seg = Child(units[4], "segment");
  EXPECT_EQ(Child(*seg, "target"), nullptr);
  EXPECT_EQ(Child(units[4], "matches"), nullptr);

  const XmlNode* notes = Child(units[5], "notes");
  ASSERT_NE(notes, nullptr);
  ASSERT_NE(Child(*notes, "note"), nullptr);
  EXPECT_EQ(Child(*notes, "note")->TextContent(), "numbers not adapted: 3 is not in the target");
  // The 2.0 order: module elements, notes, then segments.
  std::vector<std::string> order;
  for (const XmlNode& c : units[5].children) {
    if (!c.is_text) order.push_back(c.LocalName());
  }
  EXPECT_EQ(order, (std::vector<std::string>{"matches", "notes", "segment"}));
}

}  // namespace
}  // namespace tmalign
