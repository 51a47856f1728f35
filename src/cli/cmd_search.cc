// tmalign search: concordance (KWIC) over both sides of the translation memory.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/tm_cli.h"
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

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

int RunSearch(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()
      ("words", po::value<std::vector<std::string>>(), "what to look for")
      ("queries", po::value<std::string>()->value_name("FILE"), "one search a line ('-': stdin); prints JSON Lines")
      ("limit", po::value<int>()->default_value(20), "at most N hits")
      ("json", "print JSON");
  po::positional_options_description pos;
  pos.add("words", -1);
  po::variables_map vm;
  int rc = ParseTmOptions("search", kUsage, args, desc, pos, &vm);
  if (rc >= 0) return rc;
  const bool has_words = vm.count("words") > 0, has_queries = vm.count("queries") > 0;
  if (has_words == has_queries) return TmFail("search", "give either WORDS or --queries FILE (see tmalign search --help)");
  const int limit = vm["limit"].as<int>();
  if (limit < 1) return TmFail("search", "--limit must be at least 1");
  std::vector<std::string> queries;
  if (has_queries) {
    Status s = ReadQueries(vm["queries"].as<std::string>(), &queries);
    if (!s.ok()) return TmFail("search", s.message());
  } else {
    std::string text;
    for (const std::string& w : vm["words"].as<std::vector<std::string>>()) text += (text.empty() ? "" : " ") + w;
    queries.push_back(text);
  }
  std::unique_ptr<TranslationMemory> tm;
  Status s = OpenTmFromOptions(vm, true, &tm);
  if (!s.ok()) return TmFail("search", s.message());
  std::unique_ptr<TmSearcher> searcher;
  s = TmSearcher::Create(tm.get(), &searcher);
  if (!s.ok()) return TmFail("search", s.message());
  for (const std::string& q : queries) {
    std::vector<TmHit> hits;
    auto start = std::chrono::steady_clock::now();
    s = searcher->Search(q, limit, &hits);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!s.ok()) return TmFail("search", s.message());
    if (has_queries || vm.count("json")) {
      nlohmann::json out;
      out["query"] = q;
      out["elapsed_ms"] = std::round(ms * 1000) / 1000;
      out["hits"] = nlohmann::json::array();
      for (const TmHit& h : hits) out["hits"].push_back(HitJson(h));
      std::cout << out.dump() << "\n";
      continue;
    }
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
  std::cout.flush();
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("search", "concordance: find words or a Chinese string in the translation memory", RunSearch);

}  // namespace tmalign::cli
