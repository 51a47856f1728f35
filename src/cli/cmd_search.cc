// tmalign search: concordance (KWIC) over both sides of the translation memory.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/one_line.h"
#include "cli/tm_cli.h"
#include "cli/tm_queries.h"
#include "text/utf8.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

const char* kUsage =
    "usage: tmalign search WORDS [--tm FILE] [--limit N] [--json]\n"
    "       tmalign search --queries FILE [--tm FILE] [--limit N]   (JSON Lines, one object a query)\n"
    "Units whose source or target contains WORDS (English words in order, or a Chinese string\n"
    "anywhere, after normalization), each hit in context with the other side beside it.";

constexpr size_t kContextChars = 30;

// Up to n code points before/after a byte position.
std::string LeftContext(const std::string& s, size_t pos, size_t n) {
  size_t start = pos;
  while (start > 0 && n > 0) {
    --start;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    --n;
  }
  return s.substr(start, pos - start);
}

std::string RightContext(const std::string& s, size_t pos, size_t n) {
  size_t end = pos;
  while (end < s.size() && n > 0) {
    NextCodePoint(s, &end);
    --n;
  }
  return s.substr(pos, end - pos);
}

nlohmann::json HitJson(const TmHit& h) {
  nlohmann::json j = PairJson(h.pair);
  j["left"] = h.pair.source.substr(0, h.begin);
  j["match"] = h.pair.source.substr(h.begin, h.end - h.begin);
  j["right"] = h.pair.source.substr(h.end);
  return j;
}

void PrintJson(const std::string& query, double elapsed_ms, const std::vector<TmHit>& hits) {
  nlohmann::json out;
  out["query"] = query;
  out["elapsed_ms"] = std::round(elapsed_ms * 1000) / 1000;
  out["hits"] = nlohmann::json::array();
  for (const TmHit& h : hits) out["hits"].push_back(HitJson(h));
  std::cout << out.dump() << "\n";
}

void PrintText(const std::vector<TmHit>& hits) {
  if (hits.empty()) std::printf("no hit\n");
  for (const TmHit& h : hits) {
    const std::string& src = h.pair.source;
    std::string left = OneLine(LeftContext(src, h.begin, kContextChars));
    std::string right = OneLine(RightContext(src, h.end, kContextChars));
    std::printf("%s%s[%s]%s%s\n", h.begin > left.size() ? "…" : "", left.c_str(),
                OneLine(src.substr(h.begin, h.end - h.begin)).c_str(), right.c_str(),
                h.end + right.size() < src.size() ? "…" : "");
    std::printf("    = %s  [%s]\n", OneLine(h.pair.target).c_str(), OriginText(h.pair).c_str());
  }
}

int RunSearch(const std::vector<std::string>& args) {
  CommandLine cl("search", kUsage);
  AddQueryOptions(&cl, "words", "what to look for", "one search a line ('-': stdin); prints JSON Lines");
  cl.Add()("limit", po::value<int>()->default_value(20), "at most N hits");
  cl.AddJson("print JSON");
  cl.AddTm();
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  const int limit = cl.Get<int>("limit");
  if (limit < 1) return cl.Fail("--limit must be at least 1");

  std::vector<TmHit> hits;
  QueryHandler handler;
  handler.look_up = [&](TmSearcher* searcher, const std::string& q) {
    hits.clear();
    return searcher->Search(q, limit, &hits);
  };
  handler.print = [&](const std::string& q, double ms, bool json) {
    if (json) {
      PrintJson(q, ms, hits);
    } else {
      PrintText(hits);
    }
  };
  return RunQueries(cl, "words", "WORDS", handler);
}

}  // namespace

TMALIGN_REGISTER_COMMAND("search", "concordance: find words or a Chinese string in the translation memory",
                         RunSearch);

}  // namespace tmalign::cli
