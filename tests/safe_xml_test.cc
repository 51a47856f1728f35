// util/safe_xml: the bound on how deep a captured subtree may nest (its users walk it
// recursively, so an unbounded one overflowed the stack).
#include "util/safe_xml.h"

#include <gtest/gtest.h>

#include <string>

namespace tmalign {
namespace {

std::string Nested(int depth) {
  std::string xml = "<doc>\n<unit>";
  for (int i = 0; i < depth; ++i) xml += "<g>";
  xml += "x";
  for (int i = 0; i < depth; ++i) xml += "</g>";
  return xml + "</unit>\n</doc>\n";
}

Status Parse(const std::string& xml, int* depth_seen) {
  XmlStreamHandlers h;
  h.capture = {"unit"};
  h.on_element = [&](XmlNode&& unit) {
    *depth_seen = 0;
    for (const XmlNode* n = &unit; !n->children.empty() && !n->children[0].is_text; n = &n->children[0])
      ++*depth_seen;
    return Status::Ok();
  };
  return ParseXmlText(xml, "deep.xml", h);
}

TEST(SafeXmlTest, CapturedSubtreesNestUpToTheBoundAndNoDeeper) {
  int depth = -1;
  ASSERT_TRUE(Parse(Nested(511), &depth).ok());
  EXPECT_EQ(depth, 511);  // the unit and 511 <g>: 512 elements deep

  depth = -1;
  Status s = Parse(Nested(512), &depth);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  // Where the 513th element starts: after "<unit>" (7 bytes) and 511 "<g>".
  EXPECT_NE(s.message().find("deep.xml:2:" + std::to_string(7 + 3 * 511) +
                             ": elements nested more than 512 deep inside <unit>"),
            std::string::npos)
      << s.message();
  EXPECT_EQ(depth, -1);  // no element was handed on

  // Far deeper (a file built to exhaust the stack) fails the same way.
  EXPECT_EQ(Parse(Nested(200000), &depth).code(), Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace tmalign
