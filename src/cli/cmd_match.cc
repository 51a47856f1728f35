// tmalign match: fuzzy matches of new sentences against the translation memory.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/tm_cli.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

const char* kUsage =
    "usage: tmalign match TEXT [--tm FILE] [--top N] [--min PCT] [--json]\n"
    "       tmalign match --queries FILE [--tm FILE] [--top N] [--min PCT]   (JSON Lines, one object a query)\n"
    "Best earlier translations of TEXT with a CAT-style match percentage (100 = same text after\n"
    "normalization); differences from the stored source marked [-stored-]{+query+}.";

nlohmann::json MatchJson(const std::string& query, double elapsed_ms, const std::vector<TmMatch>& matches) {
  nlohmann::json out;
  out["query"] = query;
  out["elapsed_ms"] = std::round(elapsed_ms * 1000) / 1000;
  nlohmann::json list = nlohmann::json::array();
  for (const TmMatch& m : matches) {
    nlohmann::json j = PairJson(m.pair);
    j["score"] = m.score;
    nlohmann::json diff = nlohmann::json::array();
    for (const DiffOp& op : m.diff) {
      const char* kind = op.kind == DiffOp::kEqual ? "equal" : op.kind == DiffOp::kDelete ? "delete" : "insert";
      diff.push_back({{"op", kind}, {"text", op.text}});
    }
    j["diff"] = std::move(diff);
    j["diff_text"] = RenderDiff(m.diff);
    list.push_back(std::move(j));
  }
  out["matches"] = std::move(list);
  return out;
}

void PrintText(const std::vector<TmMatch>& matches) {
  if (matches.empty()) {
    std::printf("no match\n");
    return;
  }
  for (const TmMatch& m : matches) {
    std::printf("%3d%%  %s\n", m.score, RenderDiff(m.diff).c_str());
    std::printf("      %s\n", m.pair.target.c_str());
    std::printf("      [%s", OriginText(m.pair).c_str());
    if (m.pair.origins.size() > 1) std::printf("; used %zu times", m.pair.origins.size());
    if (m.pair.reversed) std::printf("; reverse direction");
    std::printf("]\n");
  }
}

int RunMatch(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()
      ("text", po::value<std::vector<std::string>>(), "the sentence to match (several words are joined by spaces)")
      ("queries", po::value<std::string>()->value_name("FILE"), "one query a line ('-': stdin); prints JSON Lines")
      ("top", po::value<int>()->default_value(5), "at most N matches")
      ("min", po::value<int>()->default_value(70), "lowest match percentage shown")
      ("json", "print JSON")
      ("scan", "compare with every unit instead of the index candidates (slow; the bench's baseline)");
  po::positional_options_description pos;
  pos.add("text", -1);
  po::variables_map vm;
  int rc = ParseTmOptions("match", kUsage, args, desc, pos, &vm);
  if (rc >= 0) return rc;
  const bool has_text = vm.count("text") > 0, has_queries = vm.count("queries") > 0;
  if (has_text == has_queries) return TmFail("match", "give either TEXT or --queries FILE (see tmalign match --help)");
  TmMatchOptions options;
  options.top = vm["top"].as<int>();
  options.min_score = vm["min"].as<int>();
  options.full_scan = vm.count("scan") > 0;
  if (options.top < 1) return TmFail("match", "--top must be at least 1");
  if (options.min_score < 0 || options.min_score > 100) return TmFail("match", "--min must be between 0 and 100");

  std::vector<std::string> queries;
  if (has_queries) {
    Status s = ReadQueries(vm["queries"].as<std::string>(), &queries);
    if (!s.ok()) return TmFail("match", s.message());
  } else {
    std::string text;
    for (const std::string& w : vm["text"].as<std::vector<std::string>>()) text += (text.empty() ? "" : " ") + w;
    queries.push_back(text);
  }
  std::unique_ptr<TranslationMemory> tm;
  Status s = OpenTmFromOptions(vm, true, &tm);
  if (!s.ok()) return TmFail("match", s.message());
  std::unique_ptr<TmSearcher> searcher;
  s = TmSearcher::Create(tm.get(), &searcher);
  if (!s.ok()) return TmFail("match", s.message());

  for (const std::string& q : queries) {
    std::vector<TmMatch> matches;
    auto start = std::chrono::steady_clock::now();
    s = searcher->Match(q, options, &matches);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!s.ok()) return TmFail("match", s.message());
    if (has_queries || vm.count("json")) {
      std::cout << MatchJson(q, ms, matches).dump() << "\n";
    } else {
      PrintText(matches);
    }
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("match", "fuzzy-match sentences against the translation memory", RunMatch);

}  // namespace tmalign::cli
