// tmalign split: prints the sentences of a text file, one per line.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/output_file.h"
#include "text/encoding.h"
#include "text/language.h"
#include "text/sentence_splitter.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

int RunSplit(const std::vector<std::string>& args) {
  CommandLine cl("split",
                 "usage: tmalign split FILE [options]\n\n"
                 "Splits a Chinese or English text file into sentences and prints one per line.\n"
                 "Line breaks always end a sentence.",
                 "example:\n  tmalign split bulletin-zh.txt --lang zh > sentences.txt\n");
  std::string lang_code, encoding, file;
  cl.Add()("lang,l", po::value<std::string>(&lang_code), "language of FILE: zh or en (default: detect)")(
      "encoding,e", po::value<std::string>(&encoding)->default_value("auto"),
      "encoding of FILE: auto, utf-8, utf-16le, utf-16be, gb18030, big5 ... (any ICU name)")(
      "verbose,v", "report the encoding and language used on stderr");
  cl.AddHidden()("file", po::value<std::string>(&file));
  cl.Positional("file", 1);
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (file.empty()) return cl.Fail("missing FILE (see tmalign split --help)");

  Language lang = Language::kUnknown;
  if (!lang_code.empty()) {
    lang = ParseLanguageCode(lang_code);
    if (lang == Language::kUnknown) return cl.Fail("unsupported language '" + lang_code + "' (use zh or en)");
  }

  std::string text, used_encoding;
  Status status = ReadTextFile(file, encoding, &text, &used_encoding);
  if (!status.ok()) return cl.Fail(status.message());
  if (lang == Language::kUnknown) {
    lang = DetectLanguage(text);
    if (lang == Language::kUnknown)
      return cl.Fail(file + ": cannot tell the language; pass --lang zh or --lang en");
  }
  if (cl.Has("verbose")) {
    std::fprintf(stderr, "tmalign split: %s: encoding %s, language %s\n", file.c_str(), used_encoding.c_str(),
                 LanguageCode(lang));
  }

  std::string out;
  for (const Sentence& s : SplitSentences(text, lang)) {
    out += s.text;
    out += '\n';
  }
  if (Status s = WriteOutput("", out); !s.ok()) return cl.Fail(s);
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("split", "split a text file into sentences, one per line", RunSplit);

}  // namespace tmalign::cli
