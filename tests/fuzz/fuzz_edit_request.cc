// Fuzz target: the review server's POST /api/edit bodies (review/edit_request), JSON.
#include "fuzz_target.h"
#include "review/edit_request.h"

namespace tmalign::fuzz::edit_request {

Status Run(std::string_view input) {
  EditRequest request;
  std::string error;
  if (!ParseEditRequest(std::string(input), &request, &error)) return Status::InvalidInput(error);
  return Status::Ok();
}

}  // namespace tmalign::fuzz::edit_request
