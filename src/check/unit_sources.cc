#include "check/unit_sources.h"

#include "align/document_alignment.h"
#include "dict/lexicon_loader.h"
#include "terms/glossary.h"
#include "terms/glossary_terms.h"
#include "tm/translation_memory.h"

namespace tmalign {

namespace {

int CountCodePoints(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Status UnitsFromAlignedFiles(const std::string& zh_path, const std::string& en_path, const Glossary* glossary,
                             const DocumentReadOptions& read, std::vector<CheckUnit>* units) {
  std::unique_ptr<BilingualLexicon> lexicon;
  TMALIGN_RETURN_IF_ERROR(LoadLexicon("", "", &lexicon));
  if (glossary) AddGlossaryTerms(*glossary, lexicon.get());
  DocumentAlignmentOptions options;
  options.src_lang = Language::kZh;
  options.tgt_lang = Language::kEn;
  options.read = read;
  AlignedDocument doc;
  TMALIGN_RETURN_IF_ERROR(AlignDocumentFiles(zh_path, en_path, *lexicon, options, &doc));
  auto pieces = [](const AlignedSide& side, const std::vector<int>& ids) {
    std::vector<TextPiece> out;
    for (int id : ids) {
      const Sentence& s = side.sentences[static_cast<size_t>(id)];
      TextPiece piece{s.text, side.path, s.line, s.column, {}};
      piece.paragraph = side.format != DocumentFormat::kText;
      piece.page = side.PageOfLine(s.line);
      out.push_back(std::move(piece));
    }
    return out;
  };
  for (size_t k = 0; k < doc.beads.size(); ++k) {
    const Bead& b = doc.beads[k];
    if (b.tgt.empty()) continue;  // nothing to check in an untranslated sentence
    units->push_back(
        CheckUnit{"bead " + std::to_string(k), en_path, pieces(doc.src, b.src), pieces(doc.tgt, b.tgt)});
  }
  return Status::Ok();
}

void AppendTmDocumentUnits(const std::string& tm_path, const TmDocument& d,
                           const std::vector<TmUnit>& tm_units, std::vector<CheckUnit>* units) {
  const bool zh_first = ParseLanguageCode(d.src_lang) != Language::kEn;
  // Positions name the unit: "tm.sqlite#doc" line = unit position + 1.
  const std::string where = tm_path + "#" + d.id;
  for (const TmUnit& u : tm_units) {
    if (u.target.empty() || u.source.empty()) continue;
    TextPiece src{zh_first ? u.source : u.target, where, u.position + 1, 1, {}};
    TextPiece tgt{zh_first ? u.target : u.source, where, u.position + 1, 1, {}};
    units->push_back(CheckUnit{d.id + ":" + std::to_string(u.position), d.id, {src}, {tgt}});
  }
}

Status UnitsFromTm(const std::string& tm_path, const std::string& doc_id, std::vector<CheckUnit>* units) {
  std::unique_ptr<TranslationMemory> tm;
  TMALIGN_RETURN_IF_ERROR(TranslationMemory::OpenForReading(tm_path, &tm));
  TmSnapshot snapshot(tm.get());  // the documents and their units as of one moment
  TMALIGN_RETURN_IF_ERROR(snapshot.Begin());
  std::vector<TmDocument> docs;
  if (doc_id.empty()) {
    std::vector<TmDocumentSummary> summaries;
    TMALIGN_RETURN_IF_ERROR(tm->ListDocuments(&summaries));
    for (TmDocumentSummary& summary : summaries) docs.push_back(std::move(summary.doc));
  } else {
    docs.emplace_back();
    TMALIGN_RETURN_IF_ERROR(tm->RequireDocument(doc_id, &docs.back()));
  }
  for (const TmDocument& d : docs) {
    std::vector<TmUnit> tm_units;
    TMALIGN_RETURN_IF_ERROR(tm->GetUnits(d.id, &tm_units));
    AppendTmDocumentUnits(tm_path, d, tm_units, units);
  }
  return Status::Ok();
}

Status ReadUtf8File(const std::string& path, std::string* text) {
  TMALIGN_RETURN_IF_ERROR(ReadFileToString(path, text));
  TMALIGN_RETURN_IF_ERROR(ValidateUtf8(*text, path));
  if (text->rfind("\xEF\xBB\xBF", 0) == 0) text->erase(0, 3);
  return Status::Ok();
}

Status UnitsFromTargetFile(const std::string& en_path, const DocumentReadOptions& read,
                           std::vector<CheckUnit>* units) {
  DocumentText doc;
  TMALIGN_RETURN_IF_ERROR(ReadDocument(en_path, read, &doc));
  const std::string& text = doc.utf8;
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
    // A text file's unit is a block of lines between blank lines; a document's, a paragraph.
    if (blank || (doc.is_document() && !piece.text.empty())) flush();
    if (!blank) {
      if (piece.text.empty()) {
        piece.file = en_path;
        piece.line = line;
        piece.column = 1;
        piece.paragraph = doc.is_document();
        piece.page = doc.PageOfLine(line);
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
      return Status::InvalidInput(path + ":" + std::to_string(line) +
                                  ": expected source TAB target, found no tab");
    }
    if (l.find('\t', tab + 1) != std::string_view::npos) {
      return Status::InvalidInput(path + ":" + std::to_string(line) +
                                  ": expected source TAB target, found more than one tab");
    }
    CheckUnit unit;
    unit.source.push_back(TextPiece{std::string(l.substr(0, tab)), path, line, 1, {}});
    unit.target.push_back(
        TextPiece{std::string(l.substr(tab + 1)), path, line, CountCodePoints(l.substr(0, tab)) + 2, {}});
    units->push_back(std::move(unit));
  }
  return Status::Ok();
}

}  // namespace tmalign
