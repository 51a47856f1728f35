// tmalign split: prints the sentences of a text file or a document, one per line.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/output_file.h"
#include "doc/document.h"
#include "text/language.h"
#include "text/sentence_splitter.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

int RunSplit(const std::vector<std::string>& args) {
  CommandLine cl(
      "split",
      "usage: tmalign split FILE [options]\n\n"
      "Splits a Chinese or English text file or document (DOCX, ODT, HTML, PDF) into sentences\n"
      "and prints one per line. Line breaks (in a document, paragraph ends) always end a sentence.",
      "examples:\n  tmalign split bulletin-zh.txt --lang zh > sentences.txt\n"
      "  tmalign split bulletin-zh.docx --paragraphs   # the paragraphs as read from the document\n");
  std::string lang_code, encoding, file;
  cl.Add()("lang,l", po::value<std::string>(&lang_code), "language of FILE: zh or en (default: detect)")(
      "encoding,e", po::value<std::string>(&encoding)->default_value("auto"),
      "encoding of FILE: auto, utf-8, utf-16le, utf-16be, gb18030, big5 ... (any ICU name)")(
      "paragraphs", "print the paragraphs as read (a text file's non-blank lines), not sentences")(
      "verbose,v", "report the format, encoding and language used on stderr");
  cl.AddDocumentOptions();
  cl.AddHidden()("file", po::value<std::string>(&file));
  cl.Positional("file", 1);
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (file.empty()) return cl.Fail("missing FILE (see tmalign split --help)");

  Language lang = Language::kUnknown;
  if (!lang_code.empty()) {
    lang = ParseLanguageCode(lang_code);
    if (lang == Language::kUnknown) return cl.Fail("unsupported language '" + lang_code + "' (use zh or en)");
  }

  DocumentReadOptions read = cl.read_options();
  read.encoding = encoding;
  DocumentText doc;
  if (Status status = ReadDocument(file, read, &doc); !status.ok()) return cl.Fail(status);
  const std::string& text = doc.utf8;
  if (cl.Has("paragraphs")) {
    std::string out;
    for (size_t pos = 0; pos < text.size();) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string_view line = std::string_view(text).substr(pos, nl - pos);
      const size_t b = line.find_first_not_of(" \t\r"), e = line.find_last_not_of(" \t\r");
      if (b != std::string_view::npos) out.append(line.substr(b, e - b + 1)).append("\n");
      pos = nl + 1;
    }
    if (Status s = WriteOutput("", out); !s.ok()) return cl.Fail(s);
    return kExitOk;
  }
  if (lang == Language::kUnknown) {
    lang = DetectLanguage(text);
    if (lang == Language::kUnknown)
      return cl.Fail(file + ": cannot tell the language; pass --lang zh or --lang en");
  }
  if (cl.Has("verbose")) {
    if (!doc.note.empty()) std::fprintf(stderr, "tmalign split: %s\n", doc.note.c_str());
    if (doc.is_document()) {
      std::fprintf(stderr, "tmalign split: %s: %s document, language %s\n", file.c_str(),
                   DocumentFormatName(doc.format), LanguageCode(lang));
    } else {
      std::fprintf(stderr, "tmalign split: %s: encoding %s, language %s\n", file.c_str(),
                   doc.encoding.c_str(), LanguageCode(lang));
    }
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
