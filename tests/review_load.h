// Load on the review server: many clients at once against one document, each a mix of
// reads, edits (merge, split, text edit, mark reviewed), stale edits (a version known to be
// old) and bad requests. Shared by tests/review_load_test.cc (small, in CI) and
// bench/review_load.cc (200 clients x 50 requests, with latency and memory figures).
#pragma once

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "review/review_server.h"
#include "tm/translation_memory.h"

namespace tmalign::testing {

// A document of `n` units with 1-3 sentences a side (ids in order), for edits to work on.
inline std::vector<TmUnit> ReviewLoadUnits(int n) {
  std::vector<TmUnit> units;
  int zh_id = 0, en_id = 0;
  for (int i = 0; i < n; ++i) {
    TmUnit u;
    u.position = i;
    const int zh = 1 + i % 3, en = 1 + (i / 3) % 3;
    for (int k = 0; k < zh; ++k) {
      u.src_ids.push_back(zh_id);
      u.src_sentences.push_back("第" + std::to_string(zh_id++) + "句。");
      u.source += u.src_sentences.back();
    }
    for (int k = 0; k < en; ++k) {
      u.tgt_ids.push_back(en_id);
      u.tgt_sentences.push_back("Sentence " + std::to_string(en_id++) + ".");
      u.target += (k > 0 ? " " : "") + u.tgt_sentences.back();
    }
    u.confidence = 0.5 + 0.01 * (i % 40);
    units.push_back(std::move(u));
  }
  return units;
}

struct ReviewLoadOptions {
  int port = 0;
  std::string token;
  int clients = 20;
  int requests = 10;  // per client
  uint32_t seed = 1;
};

// An edit the server accepted (200): its body and the document version it produced.
struct AcceptedEdit {
  nlohmann::json body;
  int64_t version = 0;
};

struct ReviewLoadResult {
  std::vector<AcceptedEdit> accepted;
  int reads = 0, edits = 0;            // answered 200
  int conflicts = 0;                   // current-looking edits refused 409 (another client was first)
  int stale_sent = 0, stale_409 = 0;   // edits made on a version known to be old, and their 409s
  int bad_sent = 0, bad_4xx_json = 0;  // malformed or refused requests, and their 4xx JSON answers
  std::vector<std::string> problems;   // anything else: no answer, 5xx, a wrong status
  std::vector<double> read_ms, edit_ms;
};

// The p-th percentile (0..100) of `ms`, nearest rank; 0 when empty.
inline double Percentile(std::vector<double> ms, double p) {
  if (ms.empty()) return 0;
  std::sort(ms.begin(), ms.end());
  size_t rank = static_cast<size_t>(p / 100.0 * static_cast<double>(ms.size()) + 0.5);
  rank = std::clamp<size_t>(rank, 1, ms.size());
  return ms[rank - 1];
}

namespace review_load_detail {

// What a client knows of the document from its last answer.
struct View {
  int64_t version = -1;
  struct Bead {
    int position = 0;
    int zh = 0, en = 0;  // sentences each side
    bool reviewed = false;
  };
  std::vector<Bead> beads;
  bool Update(const std::string& body) {
    nlohmann::json v = nlohmann::json::parse(body, nullptr, false);
    if (!v.is_object() || !v.contains("doc") || !v.contains("beads")) return false;
    version = v["doc"]["version"].get<int64_t>();
    beads.clear();
    for (const auto& b : v["beads"]) {
      beads.push_back(Bead{b["position"].get<int>(), static_cast<int>(b["zh"].size()),
                           static_cast<int>(b["en"].size()), b["reviewed"].get<bool>()});
    }
    return true;
  }
};

// An edit that is valid on `view`: merge, split, edit_text or reviewed.
inline nlohmann::json MakeEdit(const View& view, std::mt19937& rng, int client, int k) {
  const int n = static_cast<int>(view.beads.size());
  std::uniform_int_distribution<int> pick(0, std::max(0, n - 1));
  for (int attempt = 0; attempt < 20; ++attempt) {
    const int i = pick(rng);
    const View::Bead& b = view.beads[static_cast<size_t>(i)];
    switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
      case 0:
        // Merge only short beads, so the document keeps many units.
        if (i + 1 < n && b.zh + b.en + view.beads[static_cast<size_t>(i) + 1].zh +
                                 view.beads[static_cast<size_t>(i) + 1].en <=
                             4)
          return {{"op", "merge"}, {"version", view.version}, {"position", b.position}};
        break;
      case 1:
        if (b.zh >= 2 || b.en >= 2 || (b.zh >= 1 && b.en >= 1)) {
          int zh_at = b.zh >= 2 ? 1 : b.zh;
          int en_at = b.en >= 2 ? 1 : 0;
          if (zh_at + en_at == 0 || zh_at + en_at == b.zh + b.en) zh_at = b.zh, en_at = 0;
          if (zh_at + en_at == 0 || zh_at + en_at == b.zh + b.en) break;
          return {{"op", "split"},
                  {"version", view.version},
                  {"position", b.position},
                  {"zh_at", zh_at},
                  {"en_at", en_at}};
        }
        break;
      case 2:
        if (b.en >= 1) {
          return {
              {"op", "edit_text"},
              {"version", view.version},
              {"position", b.position},
              {"side", "en"},
              {"index", 0},
              {"text", "Edited by client " + std::to_string(client) + " request " + std::to_string(k) + "."}};
        }
        break;
      default:
        return {{"op", "reviewed"},
                {"version", view.version},
                {"position", b.position},
                {"reviewed", !b.reviewed}};
    }
  }
  return {{"op", "reviewed"},
          {"version", view.version},
          {"position", view.beads.empty() ? 0 : view.beads[0].position},
          {"reviewed", true}};
}

}  // namespace review_load_detail

// Runs the load and returns what every request got. Each client reads the document first,
// then, per request: 40% reads, 35% edits on the version it last saw (409 when another
// client edited first), 15% edits on a version one older than it last saw (always stale:
// must be 409), 10% bad requests (invalid JSON, a body over 1 MB, no such unit, wrong
// token, foreign Host or Origin: must be 4xx with a JSON error).
inline ReviewLoadResult RunReviewLoad(const ReviewLoadOptions& options) {
  using nlohmann::json;
  using review_load_detail::View;
  ReviewLoadResult total;
  std::mutex mu;
  const std::string q = "?token=" + options.token;
  auto client_main = [&](int client) {
    ReviewLoadResult mine;
    std::mt19937 rng(options.seed * 7919u + static_cast<uint32_t>(client));
    httplib::Client http("127.0.0.1", options.port);
    http.set_connection_timeout(30);
    http.set_read_timeout(120);
    http.set_write_timeout(120);
    View view;
    auto timed = [&](auto&& call, std::vector<double>* ms) {
      auto t0 = std::chrono::steady_clock::now();
      auto r = call();
      if (ms)
        ms->push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      return r;
    };
    auto read = [&](bool count) {
      auto r =
          timed([&] { return http.Get(("/api/document" + q).c_str()); }, count ? &mine.read_ms : nullptr);
      if (!r || r->status != 200 || !view.Update(r->body)) {
        mine.problems.push_back("read: " + (r ? std::to_string(r->status) + " " + r->body.substr(0, 200)
                                              : "no answer (" + httplib::to_string(r.error()) + ")"));
        return;
      }
      if (count) ++mine.reads;
    };
    auto post = [&](const json& body, std::vector<double>* ms) {
      return timed([&] { return http.Post(("/api/edit" + q).c_str(), body.dump(), "application/json"); }, ms);
    };
    auto is_json_error = [](const httplib::Result& r) {
      json j = json::parse(r->body, nullptr, false);
      return r->get_header_value("Content-Type") == "application/json" && j.is_object() &&
             j["error"].is_string();
    };
    read(false);
    for (int k = 0; k < options.requests; ++k) {
      const int dice = std::uniform_int_distribution<int>(0, 99)(rng);
      if (dice < 40 || view.beads.empty()) {
        read(true);
      } else if (dice < 75) {
        json body = review_load_detail::MakeEdit(view, rng, client, k);
        auto r = post(body, &mine.edit_ms);
        if (r && r->status == 200) {
          ++mine.edits;
          view.Update(r->body);
          mine.accepted.push_back(AcceptedEdit{body, view.version});
        } else if (r && r->status == 409) {
          ++mine.conflicts;
          read(false);
        } else {
          mine.problems.push_back(body.dump() + ": " +
                                  (r ? std::to_string(r->status) + " " + r->body
                                     : "no answer (" + httplib::to_string(r.error()) + ")"));
        }
      } else if (dice < 90) {
        json body = review_load_detail::MakeEdit(view, rng, client, k);
        body["version"] = view.version - 1;
        ++mine.stale_sent;
        auto r = post(body, &mine.edit_ms);
        if (r && r->status == 409 && is_json_error(r))
          ++mine.stale_409;
        else
          mine.problems.push_back("stale " + body.dump() + ": " +
                                  (r ? std::to_string(r->status) + " " + r->body.substr(0, 200)
                                     : "no answer (" + httplib::to_string(r.error()) + ")"));
      } else {
        ++mine.bad_sent;
        auto send_bad = [&]() -> httplib::Result {
          switch (dice % 6) {
            case 0:
              return http.Post(("/api/edit" + q).c_str(),
                               "{\"op\": \"merge\", \"version\": ", "application/json");
            case 1:
              return http.Post(("/api/edit" + q).c_str(), std::string((1 << 20) + 16, ' '),
                               "application/json");
            case 2:
              return post({{"op", "merge"}, {"version", view.version}, {"position", 1000000}}, nullptr);
            case 3:
              return http.Post("/api/edit?token=00000000000000000000000000000000",
                               json{{"op", "merge"}, {"version", view.version}, {"position", 0}}.dump(),
                               "application/json");
            case 4:
              return http.Get(("/api/document" + q).c_str(),
                              {{"Host", "evil.example:" + std::to_string(options.port)}});
            default:
              return http.Post(("/api/edit" + q).c_str(), {{"Origin", "http://evil.example"}},
                               json{{"op", "merge"}, {"version", view.version}, {"position", 0}}.dump(),
                               "application/json");
          }
        };
        httplib::Result r = send_bad();
        // A current-looking "no such unit" may meet a newer version first: 409 is fine then.
        if (r && r->status >= 400 && r->status < 500 && is_json_error(r))
          ++mine.bad_4xx_json;
        else
          mine.problems.push_back("bad request " + std::to_string(dice % 6) + ": " +
                                  (r ? std::to_string(r->status) + " " + r->body.substr(0, 200)
                                     : "no answer (" + httplib::to_string(r.error()) + ")"));
      }
    }
    std::lock_guard<std::mutex> lock(mu);
    for (auto& a : mine.accepted) total.accepted.push_back(std::move(a));
    total.reads += mine.reads;
    total.edits += mine.edits;
    total.conflicts += mine.conflicts;
    total.stale_sent += mine.stale_sent;
    total.stale_409 += mine.stale_409;
    total.bad_sent += mine.bad_sent;
    total.bad_4xx_json += mine.bad_4xx_json;
    for (auto& p : mine.problems) total.problems.push_back(std::move(p));
    total.read_ms.insert(total.read_ms.end(), mine.read_ms.begin(), mine.read_ms.end());
    total.edit_ms.insert(total.edit_ms.end(), mine.edit_ms.begin(), mine.edit_ms.end());
  };
  std::vector<std::thread> threads;
  for (int c = 0; c < options.clients; ++c) threads.emplace_back(client_main, c);
  for (std::thread& t : threads) t.join();
  std::sort(total.accepted.begin(), total.accepted.end(),
            [](const AcceptedEdit& a, const AcceptedEdit& b) { return a.version < b.version; });
  return total;
}

// Applies `accepted` (in commit order) one after another to document `doc_id` of `copy` (the
// TM as it was before the load) through the server's own handler, then compares its units
// and undo depth with `live`'s. Returns "" when they are equal, else what differs.
inline std::string ReplayAndCompare(TranslationMemory* live, TranslationMemory* copy,
                                    const std::string& doc_id, const std::vector<AcceptedEdit>& accepted) {
  ReviewServer serial(copy, doc_id, nullptr);
  for (const AcceptedEdit& edit : accepted) {
    ReviewServer::Reply r = serial.HandleEdit(edit.body.dump());
    if (r.status != 200)
      return "replay of " + edit.body.dump() + ": " + std::to_string(r.status) + " " + r.body;
    nlohmann::json view = nlohmann::json::parse(r.body);
    if (view["doc"]["version"] != edit.version)
      return "replay of " + edit.body.dump() + " made version " + view["doc"]["version"].dump() + ", not " +
             std::to_string(edit.version);
  }
  auto describe = [&](TranslationMemory* tm, std::string* out) {
    std::vector<TmUnit> units;
    TmDocument doc;
    int depth = 0;
    if (!tm->GetUnits(doc_id, &units).ok() || !tm->RequireDocument(doc_id, &doc).ok() ||
        !tm->CountEdits(doc_id, &depth).ok())
      return false;
    *out = "version " + std::to_string(doc.version) + ", undo depth " + std::to_string(depth) + "\n";
    for (const TmUnit& u : units) {
      *out += nlohmann::json{{"position", u.position}, {"src_ids", u.src_ids},   {"tgt_ids", u.tgt_ids},
                             {"source", u.source},     {"target", u.target},     {"src", u.src_sentences},
                             {"tgt", u.tgt_sentences}, {"reviewed", u.reviewed}, {"confidence", u.confidence}}
                  .dump() +
              "\n";
    }
    return true;
  };
  std::string a, b;
  if (!describe(live, &a) || !describe(copy, &b)) return "cannot read the document back";
  if (a == b) return "";
  size_t at = 0;
  while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
  const size_t line = a.rfind('\n', at) == std::string::npos ? 0 : a.rfind('\n', at) + 1;
  return "the document differs from its serial replay at: " + a.substr(line, 300) + " vs " +
         b.substr(line, 300);
}

}  // namespace tmalign::testing
