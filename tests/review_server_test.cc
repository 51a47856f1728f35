// HTTP API and security tests of the review server, started in-process on a free
// loopback port, and of the static report page.
#include "review/review_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "review/review_page.h"
#include "review/review_view.h"
#include "temp_dir.h"
#include "terms/glossary.h"
#include "tm/translation_memory.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char kAttack[] = "<script>alert(1)</script>";

TmUnit Unit(int position, std::vector<int> src, std::vector<int> tgt, std::vector<std::string> zh,
            std::vector<std::string> en, double confidence) {
  TmUnit u;
  u.position = position;
  u.src_ids = std::move(src);
  u.tgt_ids = std::move(tgt);
  for (const auto& s : zh) u.source += s;
  for (size_t i = 0; i < en.size(); ++i) {
    if (i > 0) u.target += ' ';
    u.target += en[i];
  }
  u.src_sentences = std::move(zh);
  u.tgt_sentences = std::move(en);
  u.confidence = confidence;
  return u;
}

class ReviewServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_review_test");
    ASSERT_FALSE(std::string(dir_).empty());
    ASSERT_TRUE(TranslationMemory::Open(dir_ + "/tm.sqlite", &tm_).ok());
    TmDocument doc;
    doc.id = "bulletin";
    doc.src_lang = "zh";
    doc.tgt_lang = "en";
    ASSERT_TRUE(tm_->ReplaceDocument(doc, {Unit(0, {0}, {0}, {"联盟链很重要。"},
                                                {"The consortium blockchain matters."}, 0.9),
                                           Unit(1, {1}, {1}, {"第二句。"}, {kAttack}, 0.3),
                                           Unit(2, {2}, {}, {"第三句。"}, {}, 0.1)})
                    .ok());
    ASSERT_TRUE(
        glossary_.ParseTsv("zh\ten\tforbidden\n联盟链\talliance chain\tconsortium blockchain\n", "g.tsv")
            .ok());
    matcher_ = std::make_unique<TermMatcher>(glossary_);
    server_ = std::make_unique<ReviewServer>(tm_.get(), "bulletin", matcher_.get());
    ASSERT_TRUE(server_->Bind(0).ok());
    ASSERT_GT(server_->port(), 0);
    thread_ = std::thread([this] { run_status_ = server_->Run(); });
    for (int i = 0; i < 500 && !server_->IsRunning(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_TRUE(server_->IsRunning());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  void TearDown() override {
    client_.reset();
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    tm_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string WithToken(const std::string& path) const { return path + "?token=" + server_->token(); }
  std::string Host() const { return "127.0.0.1:" + std::to_string(server_->port()); }

  httplib::Result Edit(const json& body) {
    return client_->Post(WithToken("/api/edit").c_str(), body.dump(), "application/json");
  }
  int64_t Version() {
    TmDocument doc;
    bool found = false;
    EXPECT_TRUE(tm_->GetDocument("bulletin", &doc, &found).ok());
    return doc.version;
  }
  size_t UnitCount() {
    std::vector<TmUnit> units;
    EXPECT_TRUE(tm_->GetUnits("bulletin", &units).ok());
    return units.size();
  }
  // A 4xx answer with a JSON error, that changed nothing.
  void ExpectJsonError(const httplib::Result& r, int status) {
    ASSERT_TRUE(r) << "no answer";
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    json j = json::parse(r->body, nullptr, false);
    ASSERT_TRUE(j.is_object()) << r->body;
    EXPECT_TRUE(j["error"].is_string()) << r->body;
  }

  std::string dir_;
  std::unique_ptr<TranslationMemory> tm_;
  Glossary glossary_;
  std::unique_ptr<TermMatcher> matcher_;
  std::unique_ptr<ReviewServer> server_;
  std::thread thread_;
  Status run_status_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ReviewServerTest, UrlCarriesARandomTokenOnLoopback) {
  EXPECT_EQ(server_->url(),
            "http://127.0.0.1:" + std::to_string(server_->port()) + "/?token=" + server_->token());
  EXPECT_EQ(server_->token().size(), 32u);
  EXPECT_NE(RandomToken(), RandomToken());
}

TEST_F(ReviewServerTest, PageIsServedWithNonceCspAndNoData) {
  auto r = client_->Get(WithToken("/").c_str());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  const std::string csp = r->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("script-src 'nonce-"), std::string::npos) << csp;
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  // The page carries no TM text: it loads it as JSON and puts it in the DOM as text.
  EXPECT_EQ(r->body.find("alert(1)"), std::string::npos);
  EXPECT_EQ(r->body.find("https://"), std::string::npos) << "no CDN";
}

TEST_F(ReviewServerTest, RequestsWithoutTheTokenAreRefused) {
  ExpectJsonError(client_->Get("/"), 403);
  ExpectJsonError(client_->Get("/api/document"), 403);
  ExpectJsonError(client_->Get("/api/document?token=0123456789abcdef0123456789abcdef"), 403);
  ExpectJsonError(client_->Get(("/api/document?token=" + server_->token().substr(1)).c_str()), 403);
  const int64_t v = Version();
  ExpectJsonError(client_->Post("/api/edit", json{{"op", "merge"}, {"version", v}, {"position", 0}}.dump(),
                                "application/json"),
                  403);
  EXPECT_EQ(Version(), v);
  EXPECT_EQ(UnitCount(), 3u);
}

TEST_F(ReviewServerTest, ForeignHostOrOriginIsRefused) {
  // DNS rebinding: the browser sends the attacker's host name.
  auto rebound = client_->Get(WithToken("/api/document").c_str(),
                              {{"Host", "evil.example:" + std::to_string(server_->port())}});
  ExpectJsonError(rebound, 403);
  EXPECT_NE(rebound->body.find("Host must be"), std::string::npos) << rebound->body;
  ExpectJsonError(client_->Get(WithToken("/api/document").c_str(), {{"Host", "127.0.0.1:1"}}), 403);
  auto foreign = client_->Get(WithToken("/api/document").c_str(), {{"Origin", "http://evil.example"}});
  ExpectJsonError(foreign, 403);
  EXPECT_NE(foreign->body.find("cross-origin"), std::string::npos) << foreign->body;
  ExpectJsonError(client_->Get(WithToken("/api/document").c_str(), {{"Origin", "null"}}), 403);
  const int64_t v = Version();
  auto r = client_->Post(WithToken("/api/edit").c_str(), {{"Origin", "http://evil.example"}},
                         json{{"op", "merge"}, {"version", v}, {"position", 0}}.dump(), "application/json");
  ExpectJsonError(r, 403);
  EXPECT_EQ(UnitCount(), 3u);
  // The loopback names themselves are fine.
  const std::string port = std::to_string(server_->port());
  auto ok = client_->Get(WithToken("/api/document").c_str(),
                         {{"Host", "localhost:" + port}, {"Origin", "http://localhost:" + port}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  ok = client_->Get(WithToken("/api/document").c_str(), {{"Origin", "http://" + Host()}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ReviewServerTest, NoFileIsServedOutsideTheEmbeddedPage) {
  for (const char* path : {"/index.html", "/etc/passwd", "/../../../../etc/passwd",
                           "/%2e%2e/%2e%2e/etc/passwd", "/api/../CMakeLists.txt", "/tm.sqlite", "/api"}) {
    SCOPED_TRACE(path);
    ExpectJsonError(client_->Get(WithToken(path).c_str()), 404);
  }
}

TEST_F(ReviewServerTest, DocumentViewHasBeadsTermsAndFindings) {
  auto r = client_->Get(WithToken("/api/document").c_str());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  json v = json::parse(r->body);
  EXPECT_EQ(v["doc"]["id"], "bulletin");
  EXPECT_EQ(v["doc"]["version"], Version());
  ASSERT_EQ(v["beads"].size(), 3u);
  const json& b0 = v["beads"][0];
  EXPECT_EQ(b0["type"], "1-1");
  EXPECT_DOUBLE_EQ(b0["confidence"].get<double>(), 0.9);
  EXPECT_EQ(v["beads"][2]["type"], "1-0");
  // 联盟链 marked in the Chinese, the deprecated rendering in the English, and the finding.
  EXPECT_EQ(b0["zh"][0]["segs"][0],
            (json{{"t", "联盟链"}, {"k", "term"}, {"title", "联盟链 = alliance chain"}}));
  EXPECT_EQ(b0["en"][0]["segs"][1]["k"], "forbidden");
  EXPECT_EQ(b0["en"][0]["segs"][1]["t"], "consortium blockchain");
  ASSERT_EQ(b0["findings"].size(), 1u);
  EXPECT_EQ(b0["findings"][0]["kind"], "forbidden");
  EXPECT_EQ(b0["findings"][0]["expected"], "alliance chain");
  // Text is plain text in the JSON; markup stays as written, for the page to show as text.
  EXPECT_EQ(v["beads"][1]["en"][0]["segs"][0]["t"], kAttack);
}

TEST_F(ReviewServerTest, EditsAreSavedAndAStaleVersionGets409) {
  const int64_t v = Version();
  auto r = Edit({{"op", "merge"}, {"version", v}, {"position", 1}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json view = json::parse(r->body);
  EXPECT_EQ(view["doc"]["version"], v + 1);
  EXPECT_EQ(view["beads"].size(), 2u);
  EXPECT_EQ(view["beads"][1]["type"], "2-1");
  EXPECT_EQ(UnitCount(), 2u);  // in the TM, not just in the answer

  // The same request again (a second tab still on version v) is refused.
  r = Edit({{"op", "merge"}, {"version", v}, {"position", 0}});
  ExpectJsonError(r, 409);
  json err = json::parse(r->body);
  EXPECT_EQ(err["reload"], true);
  EXPECT_EQ(err["version"], v + 1);
  EXPECT_NE(err["error"].get<std::string>().find("reload"), std::string::npos);
  EXPECT_EQ(UnitCount(), 2u);

  // Every operation through the API, then undo them all.
  r = Edit({{"op", "split"}, {"version", v + 1}, {"position", 1}, {"zh_at", 1}, {"en_at", 1}});
  ASSERT_EQ(r->status, 200) << r->body;
  r = Edit({{"op", "move_first"}, {"version", v + 2}, {"position", 2}, {"side", "zh"}});
  ASSERT_EQ(r->status, 200) << r->body;
  r = Edit({{"op", "move_last"}, {"version", v + 3}, {"position", 0}, {"side", "en"}});
  ASSERT_EQ(r->status, 200) << r->body;
  r = Edit({{"op", "edit_text"},
            {"version", v + 4},
            {"position", 0},
            {"side", "zh"},
            {"index", 0},
            {"text", "联盟链。"}});
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["beads"][0]["zh"][0]["segs"][0]["t"], "联盟链");
  r = Edit({{"op", "reviewed"}, {"version", v + 5}, {"position", 0}, {"reviewed", true}});
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["beads"][0]["reviewed"], true);
  EXPECT_EQ(json::parse(r->body)["undo_depth"], 6);
  for (int k = 0; k < 6; ++k) {
    r = Edit({{"op", "undo"}, {"version", v + 6 + k}});
    ASSERT_EQ(r->status, 200) << r->body;
  }
  EXPECT_EQ(json::parse(r->body)["beads"].size(), 3u);
  ExpectJsonError(Edit({{"op", "undo"}, {"version", v + 12}}), 400);  // nothing left to undo
}

TEST_F(ReviewServerTest, BadRequestsGet4xxJsonAndChangeNothing) {
  const int64_t v = Version();
  ExpectJsonError(client_->Post(WithToken("/api/edit").c_str(), "not json", "application/json"), 400);
  ExpectJsonError(client_->Post(WithToken("/api/edit").c_str(), "[1,2]", "application/json"), 400);
  ExpectJsonError(Edit({{"op", "explode"}, {"version", v}, {"position", 0}}), 400);
  ExpectJsonError(Edit({{"op", "merge"}, {"position", 0}}), 400);                    // no version
  ExpectJsonError(Edit({{"op", "merge"}, {"version", "0"}, {"position", 0}}), 400);  // version not a number
  ExpectJsonError(Edit({{"op", "merge"}, {"version", v}}), 400);                     // no position
  ExpectJsonError(Edit({{"op", "merge"}, {"version", v}, {"position", -1}}), 400);
  ExpectJsonError(Edit({{"op", "merge"}, {"version", v}, {"position", 1e12}}), 400);
  ExpectJsonError(Edit({{"op", "merge"}, {"version", v}, {"position", 99}}), 400);  // no such unit
  ExpectJsonError(Edit({{"op", "merge"}, {"version", v}, {"position", 2}}), 400);   // last unit
  ExpectJsonError(Edit({{"op", "move_first"}, {"version", v}, {"position", 1}, {"side", "fr"}}), 400);
  ExpectJsonError(Edit({{"op", "split"}, {"version", v}, {"position", 0}, {"zh_at", 0}}), 400);
  ExpectJsonError(
      Edit(
          {{"op", "edit_text"}, {"version", v}, {"position", 0}, {"side", "en"}, {"index", 0}, {"text", ""}}),
      400);
  ExpectJsonError(
      Edit({{"op", "edit_text"}, {"version", v}, {"position", 0}, {"side", "en"}, {"index", 0}, {"text", 5}}),
      400);
  // SQL in a text is only text (parameterized SQL).
  auto r = Edit({{"op", "edit_text"},
                 {"version", v},
                 {"position", 0},
                 {"side", "en"},
                 {"index", 0},
                 {"text", "x'); DROP TABLE units; --"}});
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(UnitCount(), 3u);
  ASSERT_TRUE(Edit({{"op", "undo"}, {"version", v + 1}}));
  ExpectJsonError(client_->Post(WithToken("/api/edit").c_str(), "op=merge&version=0&position=0",
                                "application/x-www-form-urlencoded"),
                  415);
  ExpectJsonError(
      client_->Post(WithToken("/api/edit").c_str(), std::string(2 << 20, ' '), "application/json"), 413);
  ExpectJsonError(client_->Delete(WithToken("/api/document").c_str()), 404);
  EXPECT_EQ(Version(), v + 2);
  EXPECT_EQ(UnitCount(), 3u);
}

TEST(ReviewReportTest, ReportIsSelfContainedAndEscapesText) {
  nlohmann::json view = {
      {"doc", {{"id", "d"}, {"title", "</script><script>alert(1)</script>"}, {"version", 0}}},
      {"beads", json::array()}};
  const std::string html = ReviewReportHtml(view);
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_EQ(html.find("</script><script>alert"), std::string::npos);
  EXPECT_NE(html.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"), std::string::npos);
  // Nothing external: no src/href attributes, no URLs, and a CSP that forbids connections.
  for (const char* bad : {" src=", " href=", "http://", "https://", "@import", "url("}) {
    EXPECT_EQ(html.find(bad), std::string::npos) << bad;
  }
  EXPECT_NE(html.find("connect-src 'none'"), std::string::npos);
  EXPECT_EQ(JsonForScript(json("a<b>&c")), "\"a\\u003cb\\u003e\\u0026c\"");
}

}  // namespace
}  // namespace tmalign
