#include "align/document_alignment.h"

#include <thread>

#include "text/line_reader.h"
#include "text/normalize.h"

namespace tmalign {
namespace {

const char* LanguageName(Language lang) { return lang == Language::kZh ? "Chinese" : "English"; }

Status ReadSide(const std::string& path, const DocumentAlignmentOptions& options, Language forced,
                AlignedSide* side, std::string* text) {
  side->path = path;
  DocumentText doc;
  TMALIGN_RETURN_IF_ERROR(ReadDocument(path, options.read, &doc));
  side->format = doc.format;
  side->encoding = std::move(doc.encoding);
  side->sha256 = std::move(doc.sha256);
  side->pages = std::move(doc.pages);
  side->note = std::move(doc.note);
  *text = std::move(doc.utf8);
  side->lang = forced != Language::kUnknown ? forced : DetectLanguage(*text);
  if (side->lang == Language::kUnknown) {
    return Status::InvalidInput(
        path + ": cannot tell whether this is Chinese or English; pass --src-lang/--tgt-lang");
  }
  return Status::Ok();
}

// Presplit input: every line is a sentence, blank lines included, so ids
// stay equal to line numbers.
std::vector<Sentence> LinesAsSentences(const std::string& text) {
  std::vector<Sentence> sentences;
  LineReader lines(text);
  std::string_view s;
  while (lines.Next(&s)) {
    size_t b = s.find_first_not_of(" \t");
    size_t e = s.find_last_not_of(" \t");
    const int line = lines.line_number();
    sentences.push_back(
        Sentence{b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1)), line - 1,
                 line, 1});
  }
  return sentences;
}

}  // namespace

Status ReadDocumentFiles(const std::string& src_path, const std::string& tgt_path,
                         const DocumentAlignmentOptions& options, AlignedDocument* out, AlignInput* input) {
  std::string src_text, tgt_text;
  // The two files are read, decoded and hashed at once when the aligner may use more than
  // one thread (a folder alignment runs one pair a core and reads them in turn); the
  // source's error, if any, is reported first either way.
  if (options.align.threads == 1) {
    TMALIGN_RETURN_IF_ERROR(ReadSide(src_path, options, options.src_lang, &out->src, &src_text));
    TMALIGN_RETURN_IF_ERROR(ReadSide(tgt_path, options, options.tgt_lang, &out->tgt, &tgt_text));
  } else {
    Status tgt_status = Status::Ok();
    std::thread tgt_reader(
        [&] { tgt_status = ReadSide(tgt_path, options, options.tgt_lang, &out->tgt, &tgt_text); });
    const Status src_status = ReadSide(src_path, options, options.src_lang, &out->src, &src_text);
    // The features need the match normalizer (OpenCC's tables, loaded once a process): while
    // the other file is still being read, not after.
    if (src_status.ok()) MatchNormalizer::Shared();
    tgt_reader.join();
    TMALIGN_RETURN_IF_ERROR(src_status);
    TMALIGN_RETURN_IF_ERROR(tgt_status);
  }
  if (out->src.lang == out->tgt.lang) {
    return Status::InvalidInput(
        src_path + " and " + tgt_path + ": both are " + LanguageName(out->src.lang) +
        "; tmalign aligns a Chinese text with an English one (override detection with "
        "--src-lang/--tgt-lang)");
  }
  for (AlignedSide* side : {&out->src, &out->tgt}) {
    const std::string& text = side == &out->src ? src_text : tgt_text;
    side->sentences = options.presplit ? LinesAsSentences(text) : SplitSentences(text, side->lang);
    if (side->sentences.empty()) return Status::InvalidInput(side->path + ": no sentences");
  }

  const bool src_is_zh = out->src.lang == Language::kZh;
  const AlignedSide& zh = src_is_zh ? out->src : out->tgt;
  const AlignedSide& en = src_is_zh ? out->tgt : out->src;
  *input = AlignInput();
  for (const Sentence& s : zh.sentences) {
    input->zh.push_back(s.text);
    if (!options.presplit) input->zh_paragraphs.push_back(s.paragraph);
  }
  for (const Sentence& s : en.sentences) {
    input->en.push_back(s.text);
    if (!options.presplit) input->en_paragraphs.push_back(s.paragraph);
  }
  return Status::Ok();
}

Status AlignReadDocument(const AlignInput& input, const BilingualLexicon& lexicon,
                         const DocumentAlignmentOptions& options, AlignedDocument* out) {
  std::vector<Bead> beads;
  TMALIGN_RETURN_IF_ERROR(Aligner(lexicon, options.align).Align(input, &beads, &out->profile));
  if (out->src.lang != Language::kZh) {
    for (Bead& b : beads) std::swap(b.src, b.tgt);
  }
  out->beads = std::move(beads);
  return Status::Ok();
}

Status AlignDocumentFiles(const std::string& src_path, const std::string& tgt_path,
                          const BilingualLexicon& lexicon, const DocumentAlignmentOptions& options,
                          AlignedDocument* out) {
  AlignInput input;
  TMALIGN_RETURN_IF_ERROR(ReadDocumentFiles(src_path, tgt_path, options, out, &input));
  return AlignReadDocument(input, lexicon, options, out);
}

std::string JoinSentences(const AlignedSide& side, const std::vector<int>& ids) {
  std::string out;
  for (int id : ids) {
    if (!out.empty() && side.lang != Language::kZh) out += ' ';
    out += side.sentences[static_cast<size_t>(id)].text;
  }
  return out;
}

}  // namespace tmalign
