#include "review/edit_request.h"

#include <cstdint>
#include <nlohmann/json.hpp>

namespace tmalign {
namespace {

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

}  // namespace

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

}  // namespace tmalign
