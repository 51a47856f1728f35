// Fuzz target: encoding detection and decoding of a text file's bytes (text/encoding), then
// the Chinese and the English sentence splitters (text/sentence_splitter) on the result.
#include "fuzz_target.h"
#include "text/encoding.h"
#include "text/sentence_splitter.h"

namespace tmalign::fuzz::text {

Status Run(std::string_view input) {
  std::string utf8;
  std::string encoding;
  TMALIGN_RETURN_IF_ERROR(DecodeTextFile("fuzz-input.txt", input, "auto", &utf8, &encoding));
  size_t sentences = SplitSentences(utf8, Language::kZh).size();
  sentences += SplitSentences(utf8, Language::kEn).size();
  (void)sentences;
  return Status::Ok();
}

}  // namespace tmalign::fuzz::text
