// tmalign eval GOLD TEST: strict and lax precision/recall/F1 of an alignment.
#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "align/evaluation.h"
#include "cli/command.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

// Pairs GOLD and TEST: two files, or two folders whose .align files match by name.
Status PairFiles(const std::string& gold, const std::string& test, std::vector<std::pair<std::string, std::string>>* pairs) {
  std::error_code ec;
  if (fs::is_directory(gold, ec) != fs::is_directory(test, ec)) {
    return Status::Usage("GOLD and TEST must both be files or both be folders");
  }
  if (!fs::is_directory(gold, ec)) {
    pairs->emplace_back(gold, test);
    return Status::Ok();
  }
  std::map<std::string, std::string> gold_files;
  for (const auto& e : fs::directory_iterator(gold, ec))
    if (e.path().extension() == ".align") gold_files[e.path().filename().string()] = e.path().string();
  for (const auto& [name, path] : gold_files) {
    fs::path t = fs::path(test) / name;
    if (!fs::exists(t, ec)) return Status::NotFound(t.string() + ": no test alignment for gold " + path);
    pairs->emplace_back(path, t.string());
  }
  if (pairs->empty()) return Status::NotFound(gold + ": no .align files");
  return Status::Ok();
}

int RunEval(const std::vector<std::string>& args) {
  po::options_description opts("tmalign eval GOLD TEST [options]\n\n"
                               "Scores TEST beads against GOLD beads (files, or folders of .align files\n"
                               "paired by name): strict and lax precision, recall and F1 (Sennrich & Volk 2010,\n"
                               "as in Vecalign/Bertalign), micro-averaged over files.\n\noptions");
  opts.add_options()("help,h", "show this help")("per-file", "also print scores for each file")(
      "json", "print the scores as JSON");
  po::options_description hidden;
  hidden.add_options()("gold", po::value<std::string>())("test", po::value<std::string>());
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("gold", 1).add("test", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "tmalign eval: %s\n", e.what());
    return kExitError;
  }
  if (vm.count("help")) {
    std::cout << opts << "\n";
    return kExitOk;
  }
  if (!vm.count("gold") || !vm.count("test")) {
    std::fprintf(stderr, "tmalign eval: needs GOLD and TEST (see --help)\n");
    return kExitError;
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  Status st = PairFiles(vm["gold"].as<std::string>(), vm["test"].as<std::string>(), &pairs);
  AlignmentCounts total;
  for (const auto& [gold_path, test_path] : pairs) {
    if (!st.ok()) break;
    std::vector<Bead> gold, test;
    st = ReadBeadFile(gold_path, &gold);
    if (st.ok()) st = ReadBeadFile(test_path, &test);
    if (!st.ok()) break;
    AlignmentCounts c = CountAlignment(gold, test);
    total.Add(c);
    if (vm.count("per-file")) {
      AlignmentScores s = ScoreCounts(c);
      std::printf("%s\tstrict P %.3f R %.3f F1 %.3f\tlax P %.3f R %.3f F1 %.3f\n", test_path.c_str(),
                  s.strict_precision, s.strict_recall, s.strict_f1, s.lax_precision, s.lax_recall, s.lax_f1);
    }
  }
  if (!st.ok()) {
    std::fprintf(stderr, "tmalign eval: %s\n", st.message().c_str());
    return kExitError;
  }
  AlignmentScores s = ScoreCounts(total);
  if (vm.count("json")) {
    std::printf("{\"files\": %zu, \"strict\": {\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f}, "
                "\"lax\": {\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f}}\n",
                pairs.size(), s.strict_precision, s.strict_recall, s.strict_f1, s.lax_precision, s.lax_recall,
                s.lax_f1);
  } else {
    std::printf(" \tprecision\trecall\tF1\n");
    std::printf("strict\t%.3f\t%.3f\t%.3f\n", s.strict_precision, s.strict_recall, s.strict_f1);
    std::printf("lax\t%.3f\t%.3f\t%.3f\n", s.lax_precision, s.lax_recall, s.lax_f1);
  }
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("eval", "score an alignment against a gold one (strict/lax P, R, F1)", RunEval);

}  // namespace tmalign::cli
