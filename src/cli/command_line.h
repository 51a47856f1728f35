// The command line of one command: its options, --help, the options several commands share
// (declared here once), and its errors. Every command parses through this:
//
//   CommandLine cl("docs", "usage: tmalign docs [--tm FILE] [--json]\nLists documents.");
//   cl.AddTm();
//   cl.AddJson("print a JSON array");
//   if (int rc = cl.Parse(args); rc >= 0) return rc;
//   ...
//   if (!s.ok()) return cl.Fail(s);
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "doc/document.h"
#include "util/status.h"

namespace tmalign::cli {

class CommandLine {
 public:
  // `usage`: the first lines of --help ("usage: tmalign CMD ..." and what the command does);
  // `epilog`: lines after the options (examples).
  CommandLine(std::string command, std::string usage, std::string epilog = "");

  const std::string& command() const { return command_; }

  // The command's own options, shown by --help in the order added.
  boost::program_options::options_description_easy_init Add() { return visible_.add_options(); }
  // Options parsed but not shown (positional arguments, tuning knobs).
  boost::program_options::options_description_easy_init AddHidden() { return hidden_.add_options(); }
  // Positional arguments fill option `name` (max_count -1: all the rest).
  void Positional(const char* name, int max_count) { positional_.add(name, max_count); }

  // The options several commands share.
  // --tm FILE: the translation memory (TmPath(): default $TMALIGN_TM, else ./tm.sqlite).
  void AddTm(const char* help = "translation memory (default $TMALIGN_TM, else ./tm.sqlite)");
  // --glossary/-g FILE, repeatable (glossaries()).
  void AddGlossary(const char* help);
  // --output/-o FILE ("-": standard output); Parse checks its folder is writable unless
  // check_on_parse is false (the command checks it, e.g. when it may name a folder).
  void AddOutput(const char* help, bool check_on_parse = true);
  // --json (json()).
  void AddJson(const char* help);
  // --color auto|always|never (UseColor(): auto means colour when stdout is a terminal).
  void AddColor();
  // --input-format auto|txt|docx|odt|html|pdf and --no-notes, for commands that read
  // documents (read_options(); the encoding is the command's own -e when it has one).
  void AddDocumentOptions();

  // Parses `args`: -1 to go on, or the exit code to return (kExitOk after --help, which
  // prints the usage and the options; kExitError after an error, reported with Fail).
  int Parse(const std::vector<std::string>& args);

  bool Has(const std::string& name) const { return vm_.count(name) > 0; }
  template <typename T>
  const T& Get(const std::string& name) const {
    return vm_[name].as<T>();
  }
  const boost::program_options::variables_map& vm() const { return vm_; }

  bool HasTm() const { return Has("tm"); }
  std::string TmPath() const;
  const std::vector<std::string>& glossaries() const { return glossaries_; }
  // -o's value; "" without -o. "" and "-" mean standard output (see OutputFile).
  const std::string& output() const { return output_; }
  bool json() const { return Has("json"); }
  bool UseColor() const;
  const DocumentReadOptions& read_options() const { return read_options_; }
  DocumentReadOptions* mutable_read_options() { return &read_options_; }

  // Prints "tmalign CMD: message" on stderr; returns kExitError.
  int Fail(const std::string& message) const;
  int Fail(const Status& status) const;

 private:
  std::string command_, usage_, epilog_;
  boost::program_options::options_description visible_{"options"}, hidden_;
  boost::program_options::positional_options_description positional_;
  boost::program_options::variables_map vm_;
  std::vector<std::string> glossaries_;
  std::string output_, color_ = "auto";
  bool has_output_ = false, has_color_ = false, has_document_options_ = false;
  std::string input_format_ = "auto";
  DocumentReadOptions read_options_;
};

}  // namespace tmalign::cli
