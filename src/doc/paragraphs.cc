#include "doc/paragraphs.h"

#include "text/utf8.h"

namespace tmalign {
namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         c == 0x2028 || c == 0x2029 || c == 0x3000 || c == 0x200B || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F;
}

}  // namespace

void JoinParagraphs(const std::vector<Paragraph>& paragraphs, std::string* utf8, std::vector<int>* pages) {
  utf8->clear();
  pages->clear();
  bool any_page = false;
  std::vector<int> page_of;
  for (const Paragraph& p : paragraphs) {
    std::string line;
    bool space = false;
    size_t pos = 0;
    while (pos < p.text.size()) {
      const char32_t c = NextCodePoint(p.text, &pos);
      if (c == 0x00AD) continue;  // soft hyphen: a hint where to break, not text
      if (IsSpace(c)) {
        space = !line.empty();
        continue;
      }
      if (space) line += ' ';
      space = false;
      AppendUtf8(c, &line);
    }
    if (line.empty()) continue;
    *utf8 += line;
    *utf8 += '\n';
    page_of.push_back(p.page);
    any_page = any_page || p.page > 0;
  }
  if (any_page) *pages = std::move(page_of);
}

}  // namespace tmalign
