#include "cli/tm_cli.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command.h"

namespace tmalign::cli {

namespace po = boost::program_options;

int TmFail(const std::string& command, const std::string& message) {
  std::fprintf(stderr, "tmalign %s: %s\n", command.c_str(), message.c_str());
  return kExitError;
}

int ParseTmOptions(const std::string& command, const std::string& usage, const std::vector<std::string>& args,
                   po::options_description& desc, const po::positional_options_description& pos,
                   po::variables_map* vm) {
  desc.add_options()("tm", po::value<std::string>()->value_name("FILE"),
                     "translation memory (default $TMALIGN_TM, else ./tm.sqlite)")("help,h", "show this help");
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    return TmFail(command, std::string(e.what()) + " (see tmalign " + command + " --help)");
  }
  if (vm->count("help")) {
    std::cout << usage << "\n" << desc << "\n";
    return kExitOk;
  }
  return -1;
}

Status OpenTmFromOptions(const po::variables_map& vm, bool must_exist, std::unique_ptr<TranslationMemory>* tm) {
  const std::string path = vm.count("tm") ? vm["tm"].as<std::string>() : DefaultTmPath();
  return must_exist ? TranslationMemory::OpenExisting(path, tm) : TranslationMemory::Open(path, tm);
}

nlohmann::json PairJson(const TmPair& pair) {
  nlohmann::json j;
  j["source"] = pair.source;
  j["target"] = pair.target;
  j["doc"] = pair.origins.empty() ? "" : pair.origins.front().doc;
  j["unit"] = pair.origins.empty() ? 0 : pair.origins.front().position;
  j["usage"] = pair.origins.size();
  nlohmann::json origins = nlohmann::json::array();
  for (const TmOrigin& o : pair.origins) origins.push_back({{"doc", o.doc}, {"unit", o.position}});
  j["origins"] = std::move(origins);
  j["reversed"] = pair.reversed;
  return j;
}

std::string OriginText(const TmPair& pair) {
  if (pair.origins.empty()) return "no origin";
  return pair.origins.front().doc + " unit " + std::to_string(pair.origins.front().position);
}

Status ReadQueries(const std::string& path, std::vector<std::string>* queries) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return Status::IoError(path + ": cannot open file");
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (queries->empty() && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    queries->push_back(line);
  }
  return Status::Ok();
}

}  // namespace tmalign::cli
