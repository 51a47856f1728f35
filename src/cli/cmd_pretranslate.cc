// tmalign pretranslate: a new document as XLIFF with the TM's best matches as targets.
#include <cstdio>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/leverage_cli.h"
#include "cli/output_file.h"
#include "leverage/xliff_writer.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

int RunPretranslate(const std::vector<std::string>& args) {
  CommandLine cl(
      "pretranslate",
      "usage: tmalign pretranslate FILE --tm TM [-o OUT.xlf] [--xliff-version 1.2|2.0] [--min 75] "
      "[--presplit]\n\n"
      "Writes FILE (any format split reads) as XLIFF, one unit per sentence (ids p3-s2:\n"
      "paragraph 3, sentence 2), with the TM's best match as the target: 100% and context\n"
      "matches 'translated', fuzzy matches from --min on for review (1.2: needs-review-translation\n"
      "and <alt-trans>; 2.0: initial and <mtc:matches>), no target below. Numbers that changed\n"
      "are adapted in the target where they map one to one.",
      "examples:\n  tmalign pretranslate bulletin-08.docx --tm tm.sqlite -o bulletin-08.xlf\n"
      "  tmalign pretranslate new.txt --tm tm.sqlite --xliff-version 2.0 --min 85 -o new.xlf\n");
  AddLeverageOptions(&cl);
  cl.Add()("xliff-version", po::value<std::string>()->default_value("1.2"), "1.2 (default) or 2.0")(
      "min", po::value<int>()->default_value(75), "lowest match percentage used as a target");
  cl.AddOutput("the XLIFF file (default: standard output)");
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  XliffOptions options;
  const std::string version = cl.Get<std::string>("xliff-version");
  if (version == "1.2") {
    options.version = XliffVersion::k12;
  } else if (version == "2.0") {
    options.version = XliffVersion::k20;
  } else {
    return cl.Fail("unknown --xliff-version '" + version + "' (1.2 or 2.0)");
  }
  options.min_score = cl.Get<int>("min");
  if (options.min_score < 50 || options.min_score > 100) return cl.Fail("--min must be between 50 and 100");

  NewDocument doc;
  std::vector<SegmentLeverage> segments;
  if (Status s = LeverageFromOptions(cl, &doc, &segments); !s.ok()) return cl.Fail(s);
  options.original = doc.path;
  options.src_lang = LanguageCode(doc.lang);
  options.tgt_lang = LanguageCode(doc.lang == Language::kZh ? Language::kEn : Language::kZh);
  options.tool_version = TMALIGN_VERSION;
  PretranslationCounts counts;
  const std::string xliff = WritePretranslationXliff(segments, options, &counts);
  if (Status s = WriteOutput(cl.output(), xliff); !s.ok()) return cl.Fail(s);
  if (!cl.output().empty() && cl.output() != "-") {
    std::fprintf(
        stderr, "%s: %d units: %d translated, %d fuzzy (%d with numbers adapted), %d without a target\n",
        cl.output().c_str(), counts.units, counts.translated, counts.fuzzy, counts.adapted, counts.empty);
  }
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("pretranslate", "write a new document as XLIFF with the TM's matches as targets",
                         RunPretranslate);

}  // namespace tmalign::cli
