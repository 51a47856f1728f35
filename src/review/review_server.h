// The review server behind `tmalign review`: a thin HTTP layer (cpp-httplib) over
// BeadEditor and BuildReviewView for one TM document, on 127.0.0.1 only.
//
// Routes (every request needs ?token=TOKEN; Host must be 127.0.0.1:PORT or localhost:PORT
// and Origin, when sent, http:// one of those):
//   GET  /                the page (embedded; no other file is ever served)
//   GET  /api/document    the view JSON (review_view.h)
//   POST /api/edit        Content-Type application/json: {"op", "version", ...} -> the new view JSON
//     op: "merge" {position} | "split" {position, zh_at, en_at} | "move_first" / "move_last"
//         {position, side: "zh"|"en"} | "edit_text" {position, side, index, text}
//         | "reviewed" {position, reviewed: bool} | "undo" {}
// Errors are JSON {"error": "..."}: 400 bad request, 403 token/Host/Origin refused,
// 404 unknown path, 409 stale version (also "reload": true, "version": current), 413 too large.
#pragma once

#include <memory>
#include <string>

#include "review/bead_editor.h"
#include "terms/term_matcher.h"
#include "util/status.h"

namespace tmalign {

class ReviewServer {
 public:
  // Serves document `doc_id` of `tm`; `matcher` may be null (no glossary). Both must outlive
  // the server. The token is random (128 bits) unless `token` is given (tests).
  ReviewServer(TranslationMemory* tm, const std::string& doc_id, const TermMatcher* matcher,
               std::string token = std::string());
  ~ReviewServer();
  ReviewServer(const ReviewServer&) = delete;
  ReviewServer& operator=(const ReviewServer&) = delete;

  // Binds 127.0.0.1:`port` (0: a free port chosen by the system).
  Status Bind(int port);
  // Serves until Stop(); call after Bind. Returns when stopped.
  Status Run();
  // Makes Run return (from any thread); has no effect before Run has started listening.
  void Stop();
  // True while Run is accepting connections.
  bool IsRunning() const;

  int port() const { return port_; }
  const std::string& token() const { return token_; }
  // http://127.0.0.1:PORT/?token=TOKEN
  std::string url() const;

  // Handles one request without the network (what the HTTP handlers call).
  struct Reply {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string csp;  // Content-Security-Policy header, for the page
  };
  // POST /api/edit: `body` is parsed and checked first (400 and the TM untouched if it is
  // malformed), then applied under the server's lock. Replies with the new view JSON, 409 with
  // the current version if `version` is stale, or the editor's error (400/404/500).
  Reply HandleEdit(const std::string& body);
  // GET /api/document: the view JSON of the document.
  Reply HandleDocument();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  BeadEditor editor_;
  const TermMatcher* matcher_;
  std::string token_;
  int port_ = 0;
};

// 32 hex digits from the system's random source.
std::string RandomToken();

}  // namespace tmalign
