// The review page: plain HTML/CSS/JS compiled into the binary (no CDN, nothing fetched
// but the server's own API). One template serves both the live page and the report.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace tmalign {

// The live page: loads the view from /api/document and edits through /api/edit.
// Scripts and styles run only with `nonce` (Content-Security-Policy in a meta tag too).
std::string ReviewPageHtml(const std::string& nonce);

// The Content-Security-Policy of the live page (sent as a header as well).
std::string ReviewPageCsp(const std::string& nonce);

// The static report: the same page, read-only, with `view` embedded; self-contained (no
// external script, font, style or request; its CSP forbids any connection).
std::string ReviewReportHtml(const nlohmann::json& view);

// JSON text safe inside an HTML <script> element: <, > and & written as \u escapes.
std::string JsonForScript(const nlohmann::json& value);

}  // namespace tmalign
