// tmalign stats: size and contents of the translation memory, with what the indexes cost.
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/tm_cli.h"

namespace tmalign::cli {
namespace {

int RunStats(const std::vector<std::string>& args) {
  CommandLine cl("stats",
                 "usage: tmalign stats [--tm FILE] [--json]\n"
                 "Documents, units, distinct pairs, file size and the share of the index.");
  cl.AddJson("print JSON");
  cl.AddTm();
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  std::unique_ptr<TranslationMemory> tm;
  Status s = OpenTmForReading(cl, &tm);
  if (!s.ok()) return cl.Fail(s);
  TmStats st;
  s = tm->GetStats(&st);
  if (!s.ok()) return cl.Fail(s);
  const int64_t docs = st.documents, units = st.units, pairs = st.pairs, shared = st.shared_pairs,
                postings = st.postings, file_bytes = st.file_bytes, index_bytes = st.index_bytes;
  const std::map<std::string, int64_t> sizes(st.objects.begin(), st.objects.end());
  if (cl.json()) {
    nlohmann::json out = {{"path", tm->path()},       {"documents", docs},         {"units", units},
                          {"pairs", pairs},           {"shared_pairs", shared},    {"postings", postings},
                          {"file_bytes", file_bytes}, {"index_bytes", index_bytes}};
    out["objects"] = sizes;
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::printf("%s\n", tm->path().c_str());
  std::printf("documents      %lld\n", static_cast<long long>(docs));
  std::printf("units          %lld\n", static_cast<long long>(units));
  std::printf("distinct pairs %lld (%lld used by more than one unit)\n", static_cast<long long>(pairs),
              static_cast<long long>(shared));
  std::printf("file size      %.1f MB\n", static_cast<double>(file_bytes) / 1e6);
  if (!sizes.empty()) {
    std::printf(
        "index cost     %.1f MB (%.0f%%: postings, segments, link indexes)\n",
        static_cast<double>(index_bytes) / 1e6,
        file_bytes > 0 ? 100.0 * static_cast<double>(index_bytes) / static_cast<double>(file_bytes) : 0.0);
    for (const auto& [name, bytes] : sizes) {
      std::printf("  %-30s %10.1f MB\n", name.c_str(), static_cast<double>(bytes) / 1e6);
    }
  }
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("stats", "size and contents of the translation memory", RunStats);

}  // namespace tmalign::cli
