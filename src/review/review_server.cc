#include "review/review_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "review/edit_request.h"
#include "review/review_page.h"
#include "review/review_view.h"

namespace tmalign {
namespace {

constexpr size_t kMaxBody = 1 << 20;

std::string ErrorJson(const std::string& message) { return nlohmann::json{{"error", message}}.dump(); }

// Compares without an early exit, so response time says nothing about the token.
bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool EqualsNoCase(const std::string& a, const std::string& b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// cpp-httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed when Debian
// built its shared library): when more clients connect at once, the kernel drops their
// connection requests and they retry after 1 s, 3 s, 7 s... Listening again on the bound
// socket (found by its port) raises the backlog; Linux allows it on a listening socket.
void RaiseListenBacklog(int port) {
  for (int fd = 3; fd < 1024; ++fd) {
    int accepting = 0;
    socklen_t len = sizeof(accepting);
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &len) != 0 || accepting == 0) continue;
    sockaddr_in addr{};
    socklen_t addr_len = sizeof(addr);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0 || addr.sin_family != AF_INET)
      continue;
    if (ntohs(addr.sin_port) == port) listen(fd, 512);
  }
}

int StatusToHttp(const Status& s) {
  switch (s.code()) {
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kInvalidInput:
    case Status::Code::kUsage:
      return 400;
    default:
      return 500;
  }
}

ReviewServer::Reply ErrorReply(int http_status, const std::string& message) {
  ReviewServer::Reply reply;
  reply.status = http_status;
  reply.body = ErrorJson(message);
  return reply;
}

ReviewServer::Reply ErrorReply(const Status& s) { return ErrorReply(StatusToHttp(s), s.message()); }

// The document's view JSON, or the error that kept it from being built.
ReviewServer::Reply ViewReply(BeadEditor* editor, const TermMatcher* matcher) {
  nlohmann::json view;
  Status s = BuildReviewView(editor, matcher, &view);
  if (!s.ok()) return ErrorReply(s);
  ReviewServer::Reply reply;
  reply.body = view.dump();
  return reply;
}

// Applies a parsed edit to the document, whose Chinese is on side `zh`.
Status ApplyEdit(BeadEditor* editor, const EditRequest& r, BeadSide zh, EditOutcome* outcome) {
  const BeadSide en = zh == BeadSide::kSource ? BeadSide::kTarget : BeadSide::kSource;
  const BeadSide side = r.side == PageSide::kZh ? zh : en;
  switch (r.op) {
    case EditOp::kMerge:
      return editor->Merge(r.version, r.position, outcome);
    case EditOp::kSplit:
      return zh == BeadSide::kSource ? editor->Split(r.version, r.position, r.zh_at, r.en_at, outcome)
                                     : editor->Split(r.version, r.position, r.en_at, r.zh_at, outcome);
    case EditOp::kMoveFirst:
      return editor->MoveFirstToPrevious(r.version, r.position, side, outcome);
    case EditOp::kMoveLast:
      return editor->MoveLastToNext(r.version, r.position, side, outcome);
    case EditOp::kEditText:
      return editor->EditSentence(r.version, r.position, side, r.index, r.text, outcome);
    case EditOp::kReviewed:
      return editor->SetReviewed(r.version, r.position, r.reviewed, outcome);
    case EditOp::kUndo:
      return editor->Undo(r.version, outcome);
  }
  return Status::Internal("unknown edit op");
}

}  // namespace

std::string RandomToken() {
  unsigned char bytes[16];
  size_t got = 0;
  while (got < sizeof(bytes)) {
    ssize_t n = getrandom(bytes + got, sizeof(bytes) - got, 0);
    if (n > 0) got += static_cast<size_t>(n);
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

struct ReviewServer::Impl {
  httplib::Server http;
  std::mutex mutex;  // one TM connection: requests are served one at a time
};

ReviewServer::ReviewServer(TranslationMemory* tm, const std::string& doc_id, const TermMatcher* matcher,
                           std::string token)
    : impl_(new Impl),
      editor_(tm, doc_id),
      matcher_(matcher),
      token_(token.empty() ? RandomToken() : token) {}

ReviewServer::~ReviewServer() { Stop(); }

std::string ReviewServer::url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/?token=" + token_;
}

ReviewServer::Reply ReviewServer::HandleDocument() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return ViewReply(&editor_, matcher_);
}

// Parse, then apply under the lock: a malformed request never waits for the TM.
ReviewServer::Reply ReviewServer::HandleEdit(const std::string& body) {
  EditRequest request;
  std::string error;
  if (!ParseEditRequest(body, &request, &error)) return ErrorReply(400, error);

  std::lock_guard<std::mutex> lock(impl_->mutex);
  TmDocument doc;
  Status s = editor_.tm()->RequireDocument(editor_.doc_id(), &doc);
  if (!s.ok()) return ErrorReply(s);
  EditOutcome outcome;
  s = ApplyEdit(&editor_, request, ChineseSide(doc), &outcome);
  if (outcome.stale) {
    Reply reply;
    reply.status = 409;
    reply.body =
        nlohmann::json{{"error", s.message()}, {"reload", true}, {"version", outcome.version}}.dump();
    return reply;
  }
  if (!s.ok()) return ErrorReply(s);
  return ViewReply(&editor_, matcher_);
}

Status ReviewServer::Bind(int port) {
  httplib::Server& http = impl_->http;
  http.set_payload_max_length(kMaxBody);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Cache-Control", "no-store"},
                            {"Referrer-Policy", "no-referrer"},
                            {"X-Frame-Options", "DENY"},
                            {"Cross-Origin-Resource-Policy", "same-origin"}});

  // Every request: the token, and Host/Origin naming this loopback address (DNS rebinding).
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    auto refuse = [&](int status, const std::string& message) {
      res.status = status;
      res.set_content(ErrorJson(message), "application/json");
      return httplib::Server::HandlerResponse::Handled;
    };
    const std::string port = std::to_string(port_);
    const std::string host = req.get_header_value("Host");
    if (!(host == "127.0.0.1:" + port || EqualsNoCase(host, "localhost:" + port))) {
      return refuse(403, "Host must be 127.0.0.1:" + port + " or localhost:" + port);
    }
    if (req.has_header("Origin")) {
      const std::string origin = req.get_header_value("Origin");
      if (!(origin == "http://127.0.0.1:" + port || EqualsNoCase(origin, "http://localhost:" + port))) {
        return refuse(403, "cross-origin requests are refused");
      }
    }
    if (!SameSecret(req.get_param_value("token"), token_)) {
      return refuse(403, "missing or wrong token: open the URL that tmalign review printed");
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  http.Get("/", [](const httplib::Request&, httplib::Response& res) {
    const std::string nonce = RandomToken();
    res.set_header("Content-Security-Policy", ReviewPageCsp(nonce));
    res.set_content(ReviewPageHtml(nonce), "text/html; charset=utf-8");
  });
  http.Get("/api/document", [this](const httplib::Request&, httplib::Response& res) {
    Reply r = HandleDocument();
    res.status = r.status;
    res.set_content(r.body, "application/json");
  });
  http.Post("/api/edit", [this](const httplib::Request& req, httplib::Response& res) {
    // A JSON content type cannot come from a plain cross-site form.
    const std::string type = req.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) != 0) {
      res.status = 415;
      res.set_content(ErrorJson("Content-Type must be application/json"), "application/json");
      return;
    }
    Reply r = HandleEdit(req.body);
    res.status = r.status;
    res.set_content(r.body, "application/json");
  });
  // Anything else (other paths, methods, oversized bodies): a JSON error, never a file.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    res.set_content(ErrorJson(res.status == 404   ? "not found"
                              : res.status == 413 ? "request too large"
                                                  : "bad request (HTTP " + std::to_string(res.status) + ")"),
                    "application/json");
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(ErrorJson("internal error"), "application/json");
  });

  if (port == 0) {
    port_ = http.bind_to_any_port("127.0.0.1");
    if (port_ < 0) return Status::IoError("cannot listen on 127.0.0.1");
  } else {
    if (port < 0 || port > 65535) return Status::Usage("--port must be between 0 and 65535");
    if (!http.bind_to_port("127.0.0.1", port)) {
      return Status::IoError("cannot listen on 127.0.0.1:" + std::to_string(port) + " (in use?)");
    }
    port_ = port;
  }
  RaiseListenBacklog(port_);
  return Status::Ok();
}

Status ReviewServer::Run() {
  if (!impl_->http.listen_after_bind()) return Status::IoError("the review server stopped with an error");
  return Status::Ok();
}

bool ReviewServer::IsRunning() const { return impl_->http.is_running(); }

void ReviewServer::Stop() {
  if (impl_) impl_->http.stop();
}

}  // namespace tmalign
