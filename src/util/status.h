// Status: the outcome of an operation that can fail, LevelDB style.
// Functions return Status and write results through out-parameters; an error
// carries a one-line message that already names the file and position.
#pragma once

#include <string>
#include <utility>

namespace tmalign {

class Status {
 public:
  enum class Code { kOk, kInvalidInput, kIoError, kUsage, kNotFound, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  // Bad user data: wrong encoding, malformed file, unusable text.
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  // The file system or database refused: missing, unreadable, unwritable.
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  // The command line asks for something impossible.
  static Status Usage(std::string msg) { return Status(Code::kUsage, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const { return ok() ? std::string("OK") : message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace tmalign

// Returns early from the enclosing function when `expr` yields an error.
#define TMALIGN_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::tmalign::Status _tmalign_status = (expr);        \
    if (!_tmalign_status.ok()) return _tmalign_status; \
  } while (0)
