// tmalign match: fuzzy matches of new sentences against the translation memory.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/tm_cli.h"
#include "cli/tm_queries.h"
#include "leverage/leverage_match.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

const char* kUsage =
    "usage: tmalign match TEXT [--tm FILE] [--top N] [--min PCT] [--json]\n"
    "       tmalign match --queries FILE [--tm FILE] [--top N] [--min PCT]   (JSON Lines, one object a "
    "query)\n"
    "Best earlier translations of TEXT with a CAT-style match percentage (100 = same text after\n"
    "normalization); differences from the stored source marked [-stored-]{+query+}. A unit that\n"
    "differs only in numbers scores at most 99, and its target is shown with the numbers adapted.";

nlohmann::json MatchJson(const std::string& query, double elapsed_ms,
                         const std::vector<LeverageMatch>& found) {
  nlohmann::json out;
  out["query"] = query;
  out["elapsed_ms"] = std::round(elapsed_ms * 1000) / 1000;
  nlohmann::json list = nlohmann::json::array();
  for (const LeverageMatch& lm : found) {
    const TmMatch& m = lm.match;
    nlohmann::json j = PairJson(m.pair);
    j["score"] = m.score;
    nlohmann::json diff = nlohmann::json::array();
    for (const DiffOp& op : m.diff) {
      const char* kind = op.kind == DiffOp::kEqual    ? "equal"
                         : op.kind == DiffOp::kDelete ? "delete"
                                                      : "insert";
      diff.push_back({{"op", kind}, {"text", op.text}});
    }
    j["diff"] = std::move(diff);
    j["diff_text"] = RenderDiff(m.diff);
    // The target with the new sentence's numbers, when they differ and map one to one; else null.
    j["adapted_target"] = lm.adapted() ? nlohmann::json(lm.target()) : nlohmann::json(nullptr);
    list.push_back(std::move(j));
  }
  out["matches"] = std::move(list);
  return out;
}

void PrintText(const std::vector<LeverageMatch>& found) {
  if (found.empty()) {
    std::printf("no match\n");
    return;
  }
  for (const LeverageMatch& lm : found) {
    const TmMatch& m = lm.match;
    std::printf("%3d%%  %s\n", m.score, RenderDiff(m.diff).c_str());
    std::printf("      %s\n", m.pair.target.c_str());
    if (lm.adapted()) std::printf("      adapted: %s\n", lm.target().c_str());
    std::printf("      [%s", OriginText(m.pair).c_str());
    if (m.pair.origins.size() > 1) std::printf("; used %zu times", m.pair.origins.size());
    if (m.pair.reversed) std::printf("; reverse direction");
    std::printf("]\n");
  }
}

int RunMatch(const std::vector<std::string>& args) {
  CommandLine cl("match", kUsage);
  AddQueryOptions(&cl, "text", "the sentence to match (several words are joined by spaces)",
                  "one query a line ('-': stdin); prints JSON Lines");
  cl.Add()("top", po::value<int>()->default_value(5), "at most N matches")(
      "min", po::value<int>()->default_value(70), "lowest match percentage shown");
  cl.AddJson("print JSON");
  cl.Add()("scan", "compare with every unit instead of the index candidates (slow; the bench's baseline)");
  cl.AddTm();
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  TmMatchOptions options;
  options.top = cl.Get<int>("top");
  options.min_score = cl.Get<int>("min");
  options.full_scan = cl.Has("scan");
  if (options.top < 1) return cl.Fail("--top must be at least 1");
  if (options.min_score < 0 || options.min_score > 100) return cl.Fail("--min must be between 0 and 100");

  std::vector<LeverageMatch> matches;
  QueryHandler handler;
  handler.look_up = [&](TmSearcher* searcher, const std::string& q) {
    LeverageMatcher matcher(searcher);
    return matcher.Match(q, options, &matches);
  };
  handler.print = [&](const std::string& q, double ms, bool json) {
    if (json) {
      std::cout << MatchJson(q, ms, matches).dump() << "\n";
    } else {
      PrintText(matches);
    }
  };
  return RunQueries(cl, "text", "TEXT", handler);
}

}  // namespace

TMALIGN_REGISTER_COMMAND("match", "fuzzy-match sentences against the translation memory", RunMatch);

}  // namespace tmalign::cli
