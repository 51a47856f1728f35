// LineReader: walks a text line by line without copying. "\n" ends a line, a
// last line without one still counts, and a "\r" before the "\n" is dropped.
#pragma once

#include <string_view>

namespace tmalign {

class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  // The next line into *line; false at the end of the text.
  bool Next(std::string_view* line) {
    if (next_ >= text_.size()) return false;
    size_t eol = text_.find('\n', next_);
    if (eol == std::string_view::npos) eol = text_.size();
    start_ = next_;
    *line = text_.substr(start_, eol - start_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    next_ = eol + 1;
    ++number_;
    return true;
  }
  int line_number() const { return number_; }    // 1-based number of the line Next gave last
  size_t line_offset() const { return start_; }  // its byte offset in the text

 private:
  std::string_view text_;
  size_t next_ = 0;
  size_t start_ = 0;
  int number_ = 0;
};

}  // namespace tmalign
