#include "cli/command_line.h"

#include <unistd.h>

#include <iostream>

#include "cli/command.h"
#include "cli/fail.h"
#include "cli/output_file.h"
#include "tm/translation_memory.h"

namespace tmalign::cli {

namespace po = boost::program_options;

CommandLine::CommandLine(std::string command, std::string usage, std::string epilog)
    : command_(std::move(command)), usage_(std::move(usage)), epilog_(std::move(epilog)) {}

void CommandLine::AddTm(const char* help) {
  visible_.add_options()("tm", po::value<std::string>()->value_name("FILE"), help);
}

void CommandLine::AddGlossary(const char* help) {
  visible_.add_options()("glossary,g", po::value(&glossaries_)->value_name("FILE"), help);
}

void CommandLine::AddOutput(const char* help, bool check_on_parse) {
  visible_.add_options()("output,o", po::value(&output_)->value_name("FILE"), help);
  has_output_ = check_on_parse;
}

void CommandLine::AddJson(const char* help) { visible_.add_options()("json", help); }

void CommandLine::AddColor() {
  visible_.add_options()("color", po::value(&color_)->value_name("WHEN"),
                         "auto|always|never (auto: colour when stdout is a terminal)");
  has_color_ = true;
}

void CommandLine::AddDocumentOptions() {
  visible_.add_options()("input-format", po::value(&input_format_)->value_name("FORMAT"),
                         "auto|txt|docx|odt|html|pdf (auto: from the content)")(
      "no-notes", "leave out footnotes and endnotes of DOCX/ODT documents");
  has_document_options_ = true;
}

int CommandLine::Parse(const std::vector<std::string>& args) {
  visible_.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(visible_).add(hidden_);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional_).run(), vm_);
    po::notify(vm_);
  } catch (const po::error& e) {
    return Fail(std::string(e.what()) + " (see tmalign " + command_ + " --help)");
  }
  if (Has("help")) {
    std::cout << usage_ << "\n\n" << visible_ << "\n" << epilog_;
    std::cout.flush();
    return kExitOk;
  }
  if (has_color_ && color_ != "auto" && color_ != "always" && color_ != "never") {
    return Fail("--color must be auto, always or never");
  }
  if (has_document_options_) {
    if (!ParseDocumentFormat(input_format_, &read_options_.format)) {
      return Fail("--input-format must be auto, txt, docx, odt, html or pdf");
    }
    read_options_.notes = !Has("no-notes");
  }
  // Fail before the work, not after it.
  if (has_output_) {
    if (Status s = CheckOutputWritable(output_); !s.ok()) return Fail(s);
  }
  return -1;
}

std::string CommandLine::TmPath() const { return HasTm() ? Get<std::string>("tm") : DefaultTmPath(); }

bool CommandLine::UseColor() const {
  return color_ == "always" || (color_ == "auto" && isatty(STDOUT_FILENO));
}

int CommandLine::Fail(const std::string& message) const { return cli::Fail(command_, message); }

int CommandLine::Fail(const Status& status) const { return cli::Fail(command_, status); }

}  // namespace tmalign::cli
