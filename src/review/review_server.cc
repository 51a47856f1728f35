#include "review/review_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>

#include <mutex>
#include <nlohmann/json.hpp>

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

// Reads a JSON integer field; false if absent or not an integer in int range.
bool GetInt(const nlohmann::json& j, const char* key, int64_t* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return false;
  *out = it->get<int64_t>();
  return true;
}

// Reads a JSON integer field that must be in [0, INT32_MAX] (a position, offset or index).
bool GetIndex(const nlohmann::json& j, const char* key, int* out) {
  int64_t value = 0;
  if (!GetInt(j, key, &value) || value < 0 || value > INT32_MAX) return false;
  *out = static_cast<int>(value);
  return true;
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

enum class EditOp { kMerge, kSplit, kMoveFirst, kMoveLast, kEditText, kReviewed, kUndo };

// A side as the page names it; which BeadSide that is depends on the document's languages.
enum class PageSide { kZh, kEn };

// The body of POST /api/edit, checked: each field its op uses is present, of the right type,
// and (numbers) in [0, INT32_MAX].
struct EditRequest {
  EditOp op = EditOp::kUndo;
  int64_t version = 0;
  int position = 0;               // all ops but undo
  int zh_at = 0, en_at = 0;       // split
  PageSide side = PageSide::kZh;  // move_first, move_last, edit_text
  int index = 0;                  // edit_text
  std::string text;               // edit_text
  bool reviewed = false;          // reviewed
};

bool GetSide(const nlohmann::json& j, PageSide* side) {
  auto it = j.find("side");
  if (it == j.end() || !it->is_string()) return false;
  if (*it == "zh")
    *side = PageSide::kZh;
  else if (*it == "en")
    *side = PageSide::kEn;
  else
    return false;
  return true;
}

// Parses the body of POST /api/edit. On failure returns false with the message of the 400
// reply in *error: the first problem, checking op, version and position before the op's
// own fields.
bool ParseEditRequest(const std::string& body, EditRequest* out, std::string* error) {
  auto fail = [&](std::string message) {
    *error = std::move(message);
    return false;
  };
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return fail("the request body must be a JSON object");
  auto op_it = j.find("op");
  if (op_it == j.end() || !op_it->is_string()) return fail("\"op\" (string) is required");
  const std::string op = op_it->get<std::string>();
  EditRequest r;
  if (!GetInt(j, "version", &r.version)) return fail("\"version\" (integer) is required: reload the page");
  if (op != "undo" && !GetIndex(j, "position", &r.position))
    return fail("\"position\" (integer >= 0) is required");
  const char* const kSideError = "\"side\" must be \"zh\" or \"en\"";
  if (op == "merge") {
    r.op = EditOp::kMerge;
  } else if (op == "split") {
    r.op = EditOp::kSplit;
    if (!GetIndex(j, "zh_at", &r.zh_at) || !GetIndex(j, "en_at", &r.en_at)) {
      return fail("\"zh_at\" and \"en_at\" (integers >= 0) are required");
    }
  } else if (op == "move_first" || op == "move_last") {
    r.op = op == "move_first" ? EditOp::kMoveFirst : EditOp::kMoveLast;
    if (!GetSide(j, &r.side)) return fail(kSideError);
  } else if (op == "edit_text") {
    r.op = EditOp::kEditText;
    if (!GetSide(j, &r.side)) return fail(kSideError);
    if (!GetIndex(j, "index", &r.index)) return fail("\"index\" (integer >= 0) is required");
    auto text = j.find("text");
    if (text == j.end() || !text->is_string()) return fail("\"text\" (string) is required");
    r.text = text->get<std::string>();
  } else if (op == "reviewed") {
    r.op = EditOp::kReviewed;
    auto flag = j.find("reviewed");
    if (flag == j.end() || !flag->is_boolean()) return fail("\"reviewed\" (true or false) is required");
    r.reviewed = flag->get<bool>();
  } else if (op == "undo") {
    r.op = EditOp::kUndo;
  } else {
    return fail("unknown op \"" + op + "\"");
  }
  *out = std::move(r);
  return true;
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
