// The new document to leverage: any file `split` reads, as sentences with their paragraph
// and place in it (the ids of analyze and pretranslate: p3-s2 is paragraph 3, sentence 2).
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"
#include "text/language.h"
#include "util/status.h"

namespace tmalign {

struct NewSentence {
  std::string text;
  int paragraph = 0;  // 0-based among the non-blank paragraphs
  int sentence = 0;   // 0-based within the paragraph
};

struct NewDocument {
  std::string path;
  Language lang = Language::kUnknown;
  std::vector<NewSentence> sentences;
};

// "p3-s2": 1-based paragraph and sentence.
std::string SentenceId(const NewSentence& s);

// Reads `path` (doc/document.h) and splits it into sentences (text/sentence_splitter.h); with
// `presplit` each non-blank line (paragraph) is one sentence. `lang` kUnknown: detected.
// Errors name the file: unreadable, undecodable, empty (no sentence), language unknown.
Status ReadNewDocument(const std::string& path, const DocumentReadOptions& read, bool presplit, Language lang,
                       NewDocument* out);

}  // namespace tmalign
