// tmalign eval GOLD TEST: strict and lax precision/recall/F1 of an alignment.
#include <cstdio>
#include <filesystem>
#include <map>

#include "align/evaluation.h"
#include "cli/command.h"
#include "cli/command_line.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

// Pairs GOLD and TEST: two files, or two folders whose .align files match by name.
Status PairFiles(const std::string& gold, const std::string& test,
                 std::vector<std::pair<std::string, std::string>>* pairs) {
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
  CommandLine cl("eval",
                 "usage: tmalign eval GOLD TEST [options]\n\n"
                 "Scores TEST beads against GOLD beads (files, or folders of .align files\n"
                 "paired by name): strict and lax precision, recall and F1 (Sennrich & Volk 2010,\n"
                 "as in Vecalign/Bertalign), micro-averaged over files.");
  cl.Add()("per-file", "also print scores for each file");
  cl.AddJson("print the scores as JSON");
  cl.AddHidden()("gold", po::value<std::string>())("test", po::value<std::string>());
  cl.Positional("gold", 1);
  cl.Positional("test", 1);
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (!cl.Has("gold") || !cl.Has("test")) return cl.Fail("needs GOLD and TEST (see --help)");
  std::vector<std::pair<std::string, std::string>> pairs;
  Status st = PairFiles(cl.Get<std::string>("gold"), cl.Get<std::string>("test"), &pairs);
  AlignmentCounts total;
  for (const auto& [gold_path, test_path] : pairs) {
    if (!st.ok()) break;
    std::vector<Bead> gold, test;
    st = ReadBeadFile(gold_path, &gold);
    if (st.ok()) st = ReadBeadFile(test_path, &test);
    if (!st.ok()) break;
    AlignmentCounts c = CountAlignment(gold, test);
    total.Add(c);
    if (cl.Has("per-file")) {
      AlignmentScores s = ScoreCounts(c);
      std::printf("%s\tstrict P %.3f R %.3f F1 %.3f\tlax P %.3f R %.3f F1 %.3f\n", test_path.c_str(),
                  s.strict_precision, s.strict_recall, s.strict_f1, s.lax_precision, s.lax_recall, s.lax_f1);
    }
  }
  if (!st.ok()) return cl.Fail(st);
  AlignmentScores s = ScoreCounts(total);
  if (cl.json()) {
    std::printf(
        "{\"files\": %zu, \"strict\": {\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f}, "
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
