#include "terms/unit_sources.h"

#include "terms/glossary.h"

namespace tmalign {

namespace {

int CountCodePoints(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Status UnitsFromAlignedFiles(const std::string& zh_path, const std::string& en_path, std::vector<CheckUnit>* units) {
  (void)zh_path;
  (void)en_path;
  (void)units;
  return Status::Internal("alignment not wired yet");
}

Status UnitsFromTm(const std::string& tm_path, const std::string& doc_id, std::vector<CheckUnit>* units) {
  (void)tm_path;
  (void)doc_id;
  (void)units;
  return Status::Internal("translation memory audit not wired yet");
}

Status ReadUtf8File(const std::string& path, std::string* text) {
  TMALIGN_RETURN_IF_ERROR(ReadFileToString(path, text));
  TMALIGN_RETURN_IF_ERROR(ValidateUtf8(*text, path));
  if (text->rfind("\xEF\xBB\xBF", 0) == 0) text->erase(0, 3);
  return Status::Ok();
}

Status UnitsFromTargetFile(const std::string& en_path, std::vector<CheckUnit>* units) {
  std::string text;
  TMALIGN_RETURN_IF_ERROR(ReadUtf8File(en_path, &text));
  size_t pos = 0;
  int line = 1;
  CheckUnit unit;
  TextPiece piece;
  auto flush = [&] {
    if (piece.text.empty()) return;
    unit.target.push_back(std::move(piece));
    units->push_back(std::move(unit));
    unit = CheckUnit();
    piece = TextPiece();
  };
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string::npos ? text.size() : nl + 1;
    std::string_view l = std::string_view(text).substr(pos, end - pos);
    bool blank = l.find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (blank) {
      flush();
    } else {
      if (piece.text.empty()) {
        piece.file = en_path;
        piece.line = line;
        piece.column = 1;
      }
      piece.text.append(l);
    }
    pos = end;
    ++line;
  }
  flush();
  return Status::Ok();
}

Status UnitsFromTsvFile(const std::string& path, std::vector<CheckUnit>* units) {
  std::string text;
  TMALIGN_RETURN_IF_ERROR(ReadUtf8File(path, &text));
  size_t pos = 0;
  int line = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view l = std::string_view(text).substr(pos, nl - pos);
    pos = nl + 1;
    ++line;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.find_first_not_of(" \t") == std::string_view::npos) continue;
    const size_t tab = l.find('\t');
    if (tab == std::string_view::npos) {
      return Status::InvalidInput(path + ":" + std::to_string(line) + ": expected source TAB target, found no tab");
    }
    if (l.find('\t', tab + 1) != std::string_view::npos) {
      return Status::InvalidInput(path + ":" + std::to_string(line) + ": expected source TAB target, found more than one tab");
    }
    CheckUnit unit;
    unit.source.push_back(TextPiece{std::string(l.substr(0, tab)), path, line, 1, {}});
    unit.target.push_back(TextPiece{std::string(l.substr(tab + 1)), path, line, CountCodePoints(l.substr(0, tab)) + 2, {}});
    units->push_back(std::move(unit));
  }
  return Status::Ok();
}

}  // namespace tmalign
