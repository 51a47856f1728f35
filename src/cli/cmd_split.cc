// tmalign split: prints the sentences of a text file, one per line.
#include <boost/program_options.hpp>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "text/encoding.h"
#include "text/language.h"
#include "text/sentence_splitter.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

int Fail(const std::string& message) {
  std::fprintf(stderr, "tmalign split: %s\n", message.c_str());
  return kExitError;
}

int RunSplit(const std::vector<std::string>& args) {
  po::options_description visible("usage: tmalign split FILE [options]\n\n"
                                  "Splits a Chinese or English text file into sentences and prints one per line.\n"
                                  "Line breaks always end a sentence.\n\noptions");
  std::string lang_code, encoding, file;
  visible.add_options()
      ("help,h", "show this help")
      ("lang,l", po::value<std::string>(&lang_code), "language of FILE: zh or en (default: detect)")
      ("encoding,e", po::value<std::string>(&encoding)->default_value("auto"),
       "encoding of FILE: auto, utf-8, utf-16le, utf-16be, gb18030, big5 ... (any ICU name)")
      ("verbose,v", "report the encoding and language used on stderr");
  po::options_description all;
  all.add(visible).add_options()("file", po::value<std::string>(&file));
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Fail(std::string(e.what()) + " (see tmalign split --help)");
  }
  if (vm.count("help")) {
    std::cout << visible << "\nexample:\n  tmalign split bulletin-zh.txt --lang zh > sentences.txt\n";
    return kExitOk;
  }
  if (file.empty()) return Fail("missing FILE (see tmalign split --help)");

  Language lang = Language::kUnknown;
  if (!lang_code.empty()) {
    lang = ParseLanguageCode(lang_code);
    if (lang == Language::kUnknown) return Fail("unsupported language '" + lang_code + "' (use zh or en)");
  }

  std::string text, used_encoding;
  Status status = ReadTextFile(file, encoding, &text, &used_encoding);
  if (!status.ok()) return Fail(status.message());
  if (lang == Language::kUnknown) {
    lang = DetectLanguage(text);
    if (lang == Language::kUnknown) return Fail(file + ": cannot tell the language; pass --lang zh or --lang en");
  }
  if (vm.count("verbose")) {
    std::fprintf(stderr, "tmalign split: %s: encoding %s, language %s\n", file.c_str(), used_encoding.c_str(),
                 LanguageCode(lang));
  }

  std::string out;
  for (const Sentence& s : SplitSentences(text, lang)) {
    out += s.text;
    out += '\n';
  }
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    return Fail("cannot write to standard output");
  }
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("split", "split a text file into sentences, one per line", RunSplit);

}  // namespace tmalign::cli
