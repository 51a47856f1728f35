// The body of the review server's POST /api/edit as data: parsed and checked apart from the
// server, so it can be tested (and fuzzed) without a TM or a socket.
#pragma once

#include <cstdint>
#include <string>

namespace tmalign {

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

// Parses the body of POST /api/edit (any bytes). On failure returns false, leaves *out alone
// and puts the message of the 400 reply in *error: the first problem, checking op, version
// and position before the op's own fields.
bool ParseEditRequest(const std::string& body, EditRequest* out, std::string* error);

}  // namespace tmalign
