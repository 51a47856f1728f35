#include "review/review_server.h"

#include <httplib.h>
#include <strings.h>
#include <sys/random.h>

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

int StatusToHttp(const Status& s) {
  switch (s.code()) {
    case Status::Code::kNotFound: return 404;
    case Status::Code::kInvalidInput:
    case Status::Code::kUsage: return 400;
    default: return 500;
  }
}

// Reads a JSON integer field; false if absent or not an integer in int range.
bool GetInt(const nlohmann::json& j, const char* key, int64_t* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return false;
  *out = it->get<int64_t>();
  return true;
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
    : impl_(new Impl), editor_(tm, doc_id), matcher_(matcher), token_(token.empty() ? RandomToken() : token) {}

ReviewServer::~ReviewServer() { Stop(); }

std::string ReviewServer::url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/?token=" + token_;
}

ReviewServer::Reply ReviewServer::HandleDocument() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  Reply reply;
  nlohmann::json view;
  Status s = BuildReviewView(&editor_, matcher_, &view);
  if (!s.ok()) {
    reply.status = StatusToHttp(s);
    reply.body = ErrorJson(s.message());
    return reply;
  }
  reply.body = view.dump();
  return reply;
}

ReviewServer::Reply ReviewServer::HandleEdit(const std::string& body) {
  Reply reply;
  auto bad = [&](const std::string& message) {
    reply.status = 400;
    reply.body = ErrorJson(message);
    return reply;
  };
  nlohmann::json req = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!req.is_object()) return bad("the request body must be a JSON object");
  auto op_it = req.find("op");
  if (op_it == req.end() || !op_it->is_string()) return bad("\"op\" (string) is required");
  const std::string op = op_it->get<std::string>();
  int64_t version = 0, position = 0;
  if (!GetInt(req, "version", &version)) return bad("\"version\" (integer) is required: reload the page");
  const bool needs_position = op != "undo";
  if (needs_position && (!GetInt(req, "position", &position) || position < 0 || position > INT32_MAX)) {
    return bad("\"position\" (integer >= 0) is required");
  }
  const int pos = static_cast<int>(position);

  std::lock_guard<std::mutex> lock(impl_->mutex);
  TmDocument doc;
  Status s = editor_.tm()->RequireDocument(editor_.doc_id(), &doc);
  if (!s.ok()) {
    reply.status = StatusToHttp(s);
    reply.body = ErrorJson(s.message());
    return reply;
  }
  const BeadSide zh = ChineseSide(doc);
  const BeadSide en = zh == BeadSide::kSource ? BeadSide::kTarget : BeadSide::kSource;
  auto side_of = [&](BeadSide* side) {
    auto it = req.find("side");
    if (it == req.end() || !it->is_string()) return false;
    if (*it == "zh") *side = zh;
    else if (*it == "en") *side = en;
    else return false;
    return true;
  };

  EditOutcome outcome;
  BeadSide side = BeadSide::kSource;
  if (op == "merge") {
    s = editor_.Merge(version, pos, &outcome);
  } else if (op == "split") {
    int64_t zh_at = 0, en_at = 0;
    if (!GetInt(req, "zh_at", &zh_at) || !GetInt(req, "en_at", &en_at) || zh_at < 0 || en_at < 0 ||
        zh_at > INT32_MAX || en_at > INT32_MAX) {
      return bad("\"zh_at\" and \"en_at\" (integers >= 0) are required");
    }
    const int src_at = static_cast<int>(zh == BeadSide::kSource ? zh_at : en_at);
    const int tgt_at = static_cast<int>(zh == BeadSide::kSource ? en_at : zh_at);
    s = editor_.Split(version, pos, src_at, tgt_at, &outcome);
  } else if (op == "move_first" || op == "move_last") {
    if (!side_of(&side)) return bad("\"side\" must be \"zh\" or \"en\"");
    s = op == "move_first" ? editor_.MoveFirstToPrevious(version, pos, side, &outcome)
                           : editor_.MoveLastToNext(version, pos, side, &outcome);
  } else if (op == "edit_text") {
    int64_t index = 0;
    if (!side_of(&side)) return bad("\"side\" must be \"zh\" or \"en\"");
    if (!GetInt(req, "index", &index) || index < 0 || index > INT32_MAX) return bad("\"index\" (integer >= 0) is required");
    auto text = req.find("text");
    if (text == req.end() || !text->is_string()) return bad("\"text\" (string) is required");
    s = editor_.EditSentence(version, pos, side, static_cast<int>(index), text->get<std::string>(), &outcome);
  } else if (op == "reviewed") {
    auto flag = req.find("reviewed");
    if (flag == req.end() || !flag->is_boolean()) return bad("\"reviewed\" (true or false) is required");
    s = editor_.SetReviewed(version, pos, flag->get<bool>(), &outcome);
  } else if (op == "undo") {
    s = editor_.Undo(version, &outcome);
  } else {
    return bad("unknown op \"" + op + "\"");
  }
  if (outcome.stale) {
    reply.status = 409;
    reply.body = nlohmann::json{{"error", s.message()}, {"reload", true}, {"version", outcome.version}}.dump();
    return reply;
  }
  if (!s.ok()) {
    reply.status = StatusToHttp(s);
    reply.body = ErrorJson(s.message());
    return reply;
  }
  nlohmann::json view;
  s = BuildReviewView(&editor_, matcher_, &view);
  if (!s.ok()) {
    reply.status = StatusToHttp(s);
    reply.body = ErrorJson(s.message());
    return reply;
  }
  reply.body = view.dump();
  return reply;
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
