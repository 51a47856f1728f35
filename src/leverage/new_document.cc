#include "leverage/new_document.h"

#include <string_view>

#include "text/sentence_splitter.h"

namespace tmalign {

std::string SentenceId(const NewSentence& s) {
  // Appended piece by piece: GCC 12 warns wrongly (-Wrestrict) on "literal" + std::string temporaries.
  std::string id = "p";
  id.append(std::to_string(s.paragraph + 1)).append("-s").append(std::to_string(s.sentence + 1));
  return id;
}

Status ReadNewDocument(const std::string& path, const DocumentReadOptions& read, bool presplit, Language lang,
                       NewDocument* out) {
  DocumentText doc;
  TMALIGN_RETURN_IF_ERROR(ReadDocument(path, read, &doc));
  out->path = path;
  out->sentences.clear();
  out->lang = lang == Language::kUnknown ? DetectLanguage(doc.utf8) : lang;
  if (presplit) {
    const std::string_view text = doc.utf8;
    int paragraph = 0;
    for (size_t pos = 0; pos < text.size();) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      const std::string_view line = text.substr(pos, nl - pos);
      const size_t b = line.find_first_not_of(" \t\r"), e = line.find_last_not_of(" \t\r");
      if (b != std::string_view::npos) {
        out->sentences.push_back(NewSentence{std::string(line.substr(b, e - b + 1)), paragraph++, 0});
      }
      pos = nl + 1;
    }
  } else {
    int last_paragraph = -1, in_paragraph = 0;
    for (Sentence& s : SplitSentences(doc.utf8, out->lang)) {
      in_paragraph = s.paragraph == last_paragraph ? in_paragraph + 1 : 0;
      last_paragraph = s.paragraph;
      out->sentences.push_back(NewSentence{std::move(s.text), s.paragraph, in_paragraph});
    }
  }
  if (out->sentences.empty())
    return Status::InvalidInput(path + ": no sentence in the document (it is empty)");
  if (out->lang == Language::kUnknown) {
    return Status::InvalidInput(path + ": cannot tell whether the document is Chinese or English");
  }
  return Status::Ok();
}

}  // namespace tmalign
