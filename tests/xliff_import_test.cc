// XLIFF in: the reader (tm/xliff_reader.h: states, segments, inline codes as TMX markup,
// positions) and `tmalign import FILE.xlf` end to end (translated segments stored, the others
// counted, bad files refused with nothing imported), with a file translate-toolkit writes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tm/xliff_reader.h"
#include "tm_cli_fixture.h"

namespace tmalign {
namespace {

using testing::RunResult;
using testing::RunTmalign;
namespace fs = std::filesystem;

const char* kXliff12 = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="bulletin.docx" source-language="zh-CN" target-language="en-US" datatype="plaintext">
    <body>
      <group id="p1">
        <trans-unit id="p1s1"><source>要探索<g id="1">联盟链</g>监管框架。<x id="2"/></source>
          <target state="translated">Explore a regulatory framework for the <g id="1">alliance chain</g>.<x id="2"/></target></trans-unit>
        <trans-unit id="p1s2"><source>区块链技术仍存在潜在风险。</source>
          <target state="needs-review-translation">Blockchain technology still has risks.</target>
          <alt-trans match-quality="87" origin="tmalign"><source>区块链技术存在风险。</source><target>Blockchain has risks.</target></alt-trans></trans-unit>
      </group>
      <trans-unit id="p2s1" approved="yes"><source>数字中国</source><target>Digital China</target></trans-unit>
      <trans-unit id="p2s2"><source>浦江创新论坛</source><target state="final">Pujiang Innovation Forum</target></trans-unit>
      <trans-unit id="p2s3"><source>第七期</source></trans-unit>
      <trans-unit id="p2s4"><source>编辑部</source><target>Editorial office</target></trans-unit>
      <trans-unit id="p2s5"><source>代码<ph id="3">&lt;br/&gt;</ph>之后</source><target state="signed-off">After<ph id="3">&lt;br/&gt;</ph> the code</target></trans-unit>
    </body>
  </file>
</xliff>
)";

const char* kXliff20 = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment state="translated"><source>联盟链</source><target>alliance chain</target></segment>
      <ignorable><source> </source></ignorable>
      <segment><source>公有链</source><target>public chain</target></segment>
    </unit>
    <unit id="u2">
      <segment state="final"><source>要探索<pc id="1">监管</pc>框架。<ph id="2"/></source><target>Explore a <pc id="1">regulatory</pc> framework.<ph id="2"/></target></segment>
    </unit>
    <unit id="u3"><segment state="reviewed"><source>私有链</source><target>private chain</target></segment></unit>
    <unit id="u4"><segment state="initial"><source>侧链</source><target>side chain</target></segment></unit>
  </file>
</xliff>
)";

// Laid out as Trados Studio writes an SDLXLIFF (the structure of real Studio files; the text
// is the bulletin's): a UTF-8 BOM, the sdl namespace, <doc-info>, locked units between the
// paragraphs (translate="no", only codes), and each paragraph one <trans-unit> whose sentences
// are <mrk mtype="seg"> in <seg-source> and <target> (one inside a <g> code), their statuses
// in <sdl:seg-defs>, never in a state attribute.
const char* kSdlXliff =
    "\xEF\xBB\xBF"
    R"(<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
  <doc-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><rep-defs/></doc-info>
  <file original="C:\Bulletins\bulletin-07.docx" datatype="x-sdlfilterframework2" source-language="zh-CN" target-language="en-US">
    <header><sdl:filetype-info><sdl:filetype-id>Word 2007 v 2.0.0.0</sdl:filetype-id></sdl:filetype-info></header>
    <body>
      <trans-unit translate="no" id="a1"><source><x id="0"/></source></trans-unit>
      <trans-unit id="p1">
        <source>要探索联盟链监管框架。区块链技术仍存在潜在风险。</source>
        <seg-source><mrk mtype="seg" mid="1">要探索联盟链监管框架。</mrk><mrk mtype="seg" mid="2">区块链技术仍存在潜在风险。</mrk></seg-source>
        <target><mrk mtype="seg" mid="1">Explore a regulatory framework for the alliance chain.</mrk> <mrk mtype="seg" mid="2">Blockchain technology still has risks.</mrk></target>
        <sdl:seg-defs>
          <sdl:seg id="1" conf="Translated" origin="interactive"><sdl:value key="created_by">EDITOR</sdl:value></sdl:seg>
          <sdl:seg id="2" conf="Draft" origin="interactive"/>
        </sdl:seg-defs>
      </trans-unit>
      <trans-unit translate="no" id="a2"><source><x id="1"/><x id="2"/></source></trans-unit>
      <trans-unit id="p2">
        <source><g id="3">浦江创新论坛</g></source>
        <seg-source><g id="3"><mrk mtype="seg" mid="3">浦江创新论坛</mrk></g></seg-source>
        <target><g id="3"><mrk mtype="seg" mid="3">Pujiang Innovation Forum</mrk></g></target>
        <sdl:seg-defs><sdl:seg id="3" conf="ApprovedSignOff" origin="tm" percent="100"/></sdl:seg-defs>
      </trans-unit>
      <trans-unit id="p3">
        <source>数字中国。第七期。</source>
        <seg-source><mrk mtype="seg" mid="4">数字中国。</mrk><mrk mtype="seg" mid="5">第七期。</mrk></seg-source>
        <target><mrk mtype="seg" mid="4">Digital China.</mrk><mrk mtype="seg" mid="5">No. 7.</mrk></target>
        <sdl:seg-defs><sdl:seg id="4" conf="RejectedTranslation"/><sdl:seg id="5"/></sdl:seg-defs>
      </trans-unit>
      <trans-unit id="p4">
        <source>编辑部</source>
        <seg-source><mrk mtype="seg" mid="6">编辑部</mrk></seg-source>
        <sdl:seg-defs><sdl:seg id="6"/></sdl:seg-defs>
      </trans-unit>
    </body>
  </file>
</xliff>
)";

// Laid out as memoQ writes an MQXLIFF: the status in mq:status on the unit, no state
// attribute, and earlier versions of a unit (other source and target texts) inside it.
const char* kMqXliff = R"(<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">
  <file original="bulletin-07.docx" source-language="zh-cn" target-language="en-us" datatype="x-docx">
    <body>
      <trans-unit id="1" mq:status="ManuallyConfirmed"><source xml:space="preserve">联盟链</source><target xml:space="preserve">alliance chain</target>
        <mq:minorversions><mq:historical-unit mq:status="PartiallyEdited"><source xml:space="preserve">联盟链</source><target xml:space="preserve">consortium chain</target></mq:historical-unit></mq:minorversions>
      </trans-unit>
      <trans-unit id="2" mq:status="PartiallyEdited"><source xml:space="preserve">公有链</source><target xml:space="preserve">public chain</target></trans-unit>
      <trans-unit id="3" mq:status="Reviewer1Confirmed"><source xml:space="preserve">去中心化</source><target xml:space="preserve">decentralization</target></trans-unit>
      <trans-unit id="4" mq:status="NotStarted"><source xml:space="preserve">侧链</source><target xml:space="preserve"></target></trans-unit>
    </body>
  </file>
</xliff>
)";

class XliffImportTest : public testing::TmCliFixture {
 protected:
  XliffImportTest() : TmCliFixture("tmalign_xliff_import") {}
};

TEST_F(XliffImportTest, ReaderGivesStatesSegmentsLanguagesAndTmxMarkup) {
  std::vector<XliffFile> files;
  std::vector<XliffUnit> units;
  XliffReadHandlers h;
  h.on_file = [&](const XliffFile& f) {
    files.push_back(f);
    return Status::Ok();
  };
  h.on_unit = [&](XliffUnit&& u) {
    units.push_back(std::move(u));
    return Status::Ok();
  };
  ASSERT_TRUE(ReadXliff(Write("a.xlf", kXliff12), h).ok());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].src_lang, "zh-CN");
  EXPECT_EQ(files[0].tgt_lang, "en-US");
  EXPECT_EQ(files[0].line, 3);
  ASSERT_EQ(units.size(), 7u);  // the <alt-trans> inside p1s2 is not a unit
  EXPECT_EQ(units[0].id, "p1s1");
  ASSERT_EQ(units[0].segments.size(), 1u);
  const XliffSegment& s = units[0].segments[0];
  EXPECT_EQ(s.state, "translated");
  EXPECT_EQ(s.source.text, "要探索联盟链监管框架。");
  ASSERT_TRUE(s.source.markup.has_value());
  EXPECT_EQ(*s.source.markup,
            "要探索<bpt i=\"1\">&lt;g id=&quot;1&quot;&gt;</bpt>联盟链<ept i=\"1\">&lt;/g&gt;</ept>监管框架。"
            "<ph>&lt;x id=&quot;2&quot;/&gt;</ph>");
  ASSERT_TRUE(s.target.has_value());
  EXPECT_EQ(s.target->text, "Explore a regulatory framework for the alliance chain.");
  EXPECT_EQ(s.target->lang, "en-US");
  EXPECT_EQ(s.target->line, 7);
  EXPECT_EQ(units[1].segments[0].state, "needs-review-translation");
  EXPECT_EQ(units[1].segments[0].target->text, "Blockchain technology still has risks.");
  EXPECT_TRUE(units[2].approved);
  EXPECT_FALSE(units[4].segments[0].target.has_value());
  // A native code's content is code, not text.
  EXPECT_EQ(units[6].segments[0].source.text, "代码之后");
  EXPECT_EQ(*units[6].segments[0].source.markup, "代码<ph>&lt;br/&gt;</ph>之后");

  files.clear();
  units.clear();
  ASSERT_TRUE(ReadXliff(Write("b.xlf", kXliff20), h).ok());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].tgt_lang, "en");
  ASSERT_EQ(units.size(), 4u);
  ASSERT_EQ(units[0].segments.size(), 2u);  // the <ignorable> is not a segment
  EXPECT_EQ(units[0].segments[0].state, "translated");
  EXPECT_EQ(units[0].segments[1].state, "initial");  // the standard's default
  EXPECT_EQ(units[1].segments[0].target->text, "Explore a regulatory framework.");
}

TEST_F(XliffImportTest, TranslatedSegmentsGoInOthersAreCounted) {
  RunResult r = Tm("import " + Write("bulletin.xlf", kXliff12));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 4 units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 3 units (needs-review-translation: 1, no state: 1, no target: 1)"),
            std::string::npos)
      << r.out;
  RunResult tsv = Tm("export --format tsv");
  EXPECT_EQ(tsv.out,
            "要探索联盟链监管框架。\tExplore a regulatory framework for the alliance chain.\n"
            "数字中国\tDigital China\n浦江创新论坛\tPujiang Innovation Forum\n代码之后\tAfter the code\n");
  // The inline codes survive as TMX markup, and the TMX imports again.
  const std::string tmx = dir_ + "/out.tmx";
  ASSERT_EQ(Tm("export --format tmx -o " + tmx).exit_code, 0);
  const std::string text = testing::ReadFile(tmx);
  EXPECT_NE(
      text.find("<bpt i=\"1\">&lt;g id=&quot;1&quot;&gt;</bpt>alliance chain<ept i=\"1\">&lt;/g&gt;</ept>"),
      std::string::npos)
      << text;
  EXPECT_EQ(RunTmalign("import " + tmx + " --tm " + dir_ + "/again.sqlite").exit_code, 0);
  // An imported unit is now a 100% match.
  RunResult m = Tm("match --json 浦江创新论坛");
  EXPECT_NE(m.out.find("\"score\":100"), std::string::npos) << m.out;
  EXPECT_NE(m.out.find("Pujiang Innovation Forum"), std::string::npos) << m.out;
}

TEST_F(XliffImportTest, Xliff20SegmentsAndTheFormatFromTheContent) {
  // No .xlf extension: the root element tells.
  RunResult r = Tm("import " + Write("back.xml", kXliff20) + " --doc back");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 3 units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 2 units (initial: 2)"), std::string::npos) << r.out;
  EXPECT_EQ(
      Tm("export --format tsv").out,
      "联盟链\talliance chain\n要探索监管框架。\tExplore a regulatory framework.\n私有链\tprivate chain\n");
}

TEST_F(XliffImportTest, TradosSentencesAreSegmentsWithTheirStudioStatus) {
  std::vector<XliffUnit> units;
  XliffReadHandlers h;
  h.on_unit = [&](XliffUnit&& u) {
    units.push_back(std::move(u));
    return Status::Ok();
  };
  ASSERT_TRUE(ReadXliff(Write("b.sdlxliff", kSdlXliff), h).ok());
  ASSERT_EQ(units.size(), 6u);
  EXPECT_FALSE(units[0].translate);
  EXPECT_TRUE(units[1].translate);
  ASSERT_EQ(units[1].segments.size(), 2u);  // one paragraph, two sentences
  const XliffSegment& first = units[1].segments[0];
  EXPECT_EQ(first.source.text, "要探索联盟链监管框架。");
  ASSERT_TRUE(first.target.has_value());
  EXPECT_EQ(first.target->text, "Explore a regulatory framework for the alliance chain.");
  EXPECT_EQ(first.state, "sdl:Translated");
  const XliffSegment& second = units[1].segments[1];
  EXPECT_EQ(second.source.text, "区块链技术仍存在潜在风险。");
  EXPECT_EQ(second.target->text, "Blockchain technology still has risks.");
  EXPECT_EQ(second.state, "sdl:Draft");
  // The second sentence's target is found where it stands, not at the paragraph's start.
  EXPECT_EQ(second.target->line, 11);
  EXPECT_GT(second.target->column, first.target->column);
  // A sentence inside a <g> code is found too.
  ASSERT_EQ(units[3].segments.size(), 1u);
  EXPECT_EQ(units[3].segments[0].source.text, "浦江创新论坛");
  EXPECT_EQ(units[3].segments[0].target->text, "Pujiang Innovation Forum");
  EXPECT_EQ(units[3].segments[0].state, "sdl:ApprovedSignOff");
  EXPECT_EQ(units[4].segments[0].state, "sdl:RejectedTranslation");
  EXPECT_EQ(units[4].segments[1].state, "sdl:NotTranslated");  // no conf: Studio's "Not Translated"
  EXPECT_FALSE(units[5].segments[0].target.has_value());

  RunResult r = Tm("import " + dir_ + "/b.sdlxliff");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 2 units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 6 units (no target: 1, not translatable: 2, sdl:Draft: 1, "
                       "sdl:NotTranslated: 1, sdl:RejectedTranslation: 1)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(Tm("export --format tsv").out,
            "要探索联盟链监管框架。\tExplore a regulatory framework for the alliance chain.\n"
            "浦江创新论坛\tPujiang Innovation Forum\n");
}

TEST_F(XliffImportTest, MemoqConfirmedUnitsGoInTheirEarlierVersionsDoNot) {
  RunResult r = Tm("import " + Write("b.mqxliff", kMqXliff));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 2 units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 2 units (mq:PartiallyEdited: 1, no target: 1)"), std::string::npos) << r.out;
  EXPECT_EQ(Tm("export --format tsv").out, "联盟链\talliance chain\n去中心化\tdecentralization\n");
}

TEST_F(XliffImportTest, LockedGroupsLockTheirUnitsUnlessAUnitSaysOtherwise) {
  // translate="no" on a <group> holds for the units inside it (XLIFF 1.2 and 2.x), an inner
  // group or unit with translate="yes" overrides it, and it ends with the group; in 2.x a
  // <file> may say it too.
  const char* v12 = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="b.docx" source-language="zh-CN" target-language="en" datatype="plaintext"><body>
    <group id="masthead" translate="no">
      <trans-unit id="m1"><source>浦江创新论坛</source><target state="translated">浦江创新论坛</target></trans-unit>
      <group id="inner"><trans-unit id="m2"><source>第七期</source><target state="translated">第七期</target></trans-unit></group>
      <group id="open" translate="yes"><trans-unit id="m3"><source>联盟链</source><target state="translated">alliance chain</target></trans-unit></group>
      <trans-unit id="m4" translate="yes"><source>公有链</source><target state="translated">public chain</target></trans-unit>
    </group>
    <trans-unit id="b1"><source>数字中国</source><target state="translated">Digital China</target></trans-unit>
  </body></file>
</xliff>
)";
  RunResult r = Tm("import " + Write("locked.xlf", v12));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 3 units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 2 units (not translatable: 2)"), std::string::npos) << r.out;
  EXPECT_EQ(Tm("export --format tsv").out,
            "联盟链\talliance chain\n公有链\tpublic chain\n数字中国\tDigital China\n");

  const char* v20 = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1" translate="no">
    <unit id="u1"><segment state="translated"><source>侧链</source><target>侧链</target></segment></unit>
    <group id="g1" translate="yes"><unit id="u2"><segment state="translated"><source>私有链</source><target>private chain</target></segment></unit></group>
  </file>
  <file id="f2">
    <group id="g2" translate="no"><unit id="u3"><segment state="translated"><source>主链</source><target>主链</target></segment></unit></group>
    <unit id="u4"><segment state="translated"><source>区块链</source><target>blockchain</target></segment></unit>
  </file>
</xliff>
)";
  RunResult r2 = RunTmalign("import " + Write("locked2.xlf", v20) + " --tm " + dir_ + "/v20.sqlite");
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  EXPECT_NE(r2.out.find("imported 2 units"), std::string::npos) << r2.out;
  EXPECT_NE(r2.out.find("skipped 2 units (not translatable: 2)"), std::string::npos) << r2.out;
}

TEST_F(XliffImportTest, BadFilesExitTwoWithThePlaceAndImportNothing) {
  struct Case {
    std::string name, content, message;
  };
  const std::string unit =
      "<trans-unit id=\"1\"><source>联盟链</source><target state=\"translated\">chain</target></trans-unit>";
  const std::vector<Case> cases = {
      {"dtd.xlf",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"xliff.dtd\">\n<xliff version=\"1.2\"><file "
       "source-language=\"zh\" target-language=\"en\"><body>" +
           unit + "</body></file></xliff>\n",
       "dtd.xlf:2:"},
      {"entity.xlf",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
       "<xliff version=\"1.2\"><file source-language=\"zh\" target-language=\"en\"><body>"
       "<trans-unit id=\"1\"><source>联盟链</source><target "
       "state=\"translated\">&x;</target></trans-unit>"
       "</body></file></xliff>\n",
       "entity.xlf:3:"},
      {"broken.xlf",
       "<xliff version=\"1.2\">\n<file source-language=\"zh\" target-language=\"en\">\n<body>\n" + unit +
           "\n</file>\n</xliff>\n",
       "broken.xlf:5:3: mismatched tag"},
      {"notarget.xlf",
       "<xliff version=\"1.2\">\n  <file source-language=\"zh-CN\" datatype=\"plaintext\">\n<body>" + unit +
           "</body></file></xliff>\n",
       "notarget.xlf:2:3: no target language"},
      {"notarget20.xlf",
       "<xliff version=\"2.0\" srcLang=\"zh\">\n<file id=\"f\"><unit id=\"1\"><segment "
       "state=\"translated\">"
       "<source>联盟链</source><target>chain</target></segment></unit></file></xliff>\n",
       "notarget20.xlf:1:1: no target language"},
      {"deep.xlf",
       "<xliff version=\"1.2\">\n<file source-language=\"zh\" target-language=\"en\"><body>\n"
       "<trans-unit id=\"1\"><source>联盟链</source><target state=\"translated\">" +
           [] {
             std::string g;
             for (int i = 0; i < 100000; ++i) g += "<g>";
             return g + "chain";
           }() +
           "</target></trans-unit></body></file></xliff>\n",
       "nested more than 512 deep inside <trans-unit>"},
      {"french.xlf",
       "<xliff version=\"1.2\">\n<file source-language=\"zh\" target-language=\"fr\"><body>" + unit +
           "</body></file></xliff>\n",
       "french.xlf:2:1: languages zh -> fr"},
  };
  for (const Case& c : cases) {
    RunResult r = Tm("import " + Write(c.name, c.content));
    EXPECT_EQ(r.exit_code, 2) << c.name;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find("nothing imported"), std::string::npos) << r.err;
    EXPECT_EQ(Tm("export --format tsv").out, "") << c.name;
  }
}

bool HaveTranslateToolkit() {
  return std::system("/usr/bin/python3 -c 'from translate.storage import xliff' >/dev/null 2>&1") == 0;
}

TEST_F(XliffImportTest, XliffWrittenByTranslateToolkitImports) {
  if (!HaveTranslateToolkit()) GTEST_SKIP() << "translate-toolkit (python3-translate) not installed";
  const std::string xlf = dir_ + "/tt.xlf";
  const std::string script = Write(
      "write.py",
      "import sys\nfrom translate.storage import xliff\n"
      "store = xliff.xlifffile(sourcelanguage='zh-CN', targetlanguage='en')\n"
      "u = store.addsourceunit('发展联盟链。')\nu.target = 'Develop the alliance chain.'\n"
      "u.markapproved(True)\n"
      "u = store.addsourceunit('区块链 <监管> & 安全')\nu.target = 'Blockchain <regulation> & security'\n"
      "u.markfuzzy(True)\n"
      "store.addsourceunit('未译。')\n"
      "open(sys.argv[1], 'wb').write(bytes(store))\n");
  ASSERT_EQ(std::system(("/usr/bin/python3 " + script + " " + xlf).c_str()), 0);
  RunResult r = Tm("import " + xlf);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 1 units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 2 units (needs-translation: 1, no target: 1)"), std::string::npos) << r.out;
  EXPECT_EQ(Tm("export --format tsv").out, "发展联盟链。\tDevelop the alliance chain.\n");
}

}  // namespace
}  // namespace tmalign
