// tmalign stats: size and contents of the translation memory, with what the indexes cost.
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/command.h"
#include "cli/tm_cli.h"
#include "tm/sqlite_handle.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

// Tables and indexes that exist only for matching and deduplication.
bool IsIndexCost(const std::string& name) {
  return name == "postings" || name == "segments" || name == "segments_hash" || name == "units_segment" ||
         name == "units_unlinked";
}

int RunStats(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("json", "print JSON");
  po::positional_options_description pos;
  po::variables_map vm;
  int rc = ParseTmOptions("stats",
                          "usage: tmalign stats [--tm FILE] [--json]\n"
                          "Documents, units, distinct pairs, file size and the share of the index.",
                          args, desc, pos, &vm);
  if (rc >= 0) return rc;
  std::unique_ptr<TranslationMemory> tm;
  Status s = OpenTmFromOptions(vm, true, &tm);
  if (!s.ok()) return TmFail("stats", s.message());
  SqliteDb* db = tm->db();
  int64_t docs = 0, units = 0, pairs = 0, shared = 0, page_count = 0, page_size = 0, postings = 0;
  for (auto [sql, out] : std::initializer_list<std::pair<const char*, int64_t*>>{
           {"SELECT count(*) FROM documents", &docs},
           {"SELECT count(*) FROM units", &units},
           {"SELECT count(*) FROM segments", &pairs},
           {"SELECT count(*) FROM (SELECT segment_id FROM units WHERE segment_id IS NOT NULL"
            " GROUP BY segment_id HAVING count(*) > 1)", &shared},
           {"SELECT coalesce(sum(n), 0) FROM postings", &postings},
           {"PRAGMA page_count", &page_count},
           {"PRAGMA page_size", &page_size}}) {
    s = db->QueryInt(sql, out);
    if (!s.ok()) return TmFail("stats", s.message());
  }
  // Per-object sizes need the dbstat virtual table (compiled into Debian's SQLite).
  std::map<std::string, int64_t> sizes;
  SqliteStatement stmt;
  if (SqliteStatement::Prepare(db, "SELECT name, sum(pgsize) FROM dbstat GROUP BY name", &stmt).ok()) {
    bool has_row = false;
    while (stmt.Step(&has_row).ok() && has_row) sizes[stmt.ColumnText(0)] = stmt.ColumnInt64(1);
  }
  int64_t index_bytes = 0;
  for (const auto& [name, bytes] : sizes) {
    if (IsIndexCost(name)) index_bytes += bytes;
  }
  const int64_t file_bytes = page_count * page_size;
  if (vm.count("json")) {
    nlohmann::json out = {{"path", tm->path()},          {"documents", docs},       {"units", units},
                          {"pairs", pairs},              {"shared_pairs", shared},  {"postings", postings},
                          {"file_bytes", file_bytes},    {"index_bytes", index_bytes}};
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
    std::printf("index cost     %.1f MB (%.0f%%: postings, segments, link indexes)\n",
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
