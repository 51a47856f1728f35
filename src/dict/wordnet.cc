#include "dict/wordnet.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tmalign {
namespace {

constexpr const char* kPosNames[WordNet::kPosCount] = {"noun", "verb", "adj", "adv"};

Status ReadWhole(const std::string& path, std::string* out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::NotFound(path + ": no such WordNet file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot read");
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return Status::Ok();
}

// Splits `line` at spaces; empty fields are skipped.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    if (end > pos) out.push_back(line.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++line_no;
    if (!fn(text.substr(pos, end - pos), line_no)) return;
    pos = end + 1;
  }
}

bool ParseNumber(std::string_view s, int base, uint32_t* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out, base);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// "shout_out" and "Proper" are not single-word common lemmas; "(a)" markers go.
bool CleanLemma(std::string_view word, std::string_view* out) {
  size_t paren = word.find('(');
  if (paren != std::string_view::npos) word = word.substr(0, paren);
  if (word.empty()) return false;
  for (char c : word)
    if (c < 'a' || c > 'z') return false;
  *out = word;
  return true;
}

}  // namespace

Status WordNet::Load(const std::string& dir, std::unique_ptr<WordNet>* result) {
  auto out = std::make_unique<WordNet>();
  for (int p = 0; p < kPosCount; ++p) {
    std::string index_path = dir + "/index." + kPosNames[p];
    std::string index_text;
    TMALIGN_RETURN_IF_ERROR(ReadWhole(index_path, &index_text));
    TMALIGN_RETURN_IF_ERROR(ReadWhole(dir + "/data." + kPosNames[p], &out->data_[p]));
    Status status = Status::Ok();
    ForEachLine(index_text, [&](std::string_view line, int line_no) {
      if (line.empty() || line[0] == ' ') return true;  // licence header
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset...
      std::vector<std::string_view> f = Fields(line);
      uint32_t synsets = 0, pointers = 0;
      if (f.size() < 4 || !ParseNumber(f[2], 10, &synsets) || !ParseNumber(f[3], 10, &pointers) ||
          f.size() < 4 + pointers + 2 + synsets) {
        status = Status::InvalidInput(index_path + ":" + std::to_string(line_no) + ": malformed index line");
        return false;
      }
      IndexEntry entry;
      for (size_t i = f.size() - synsets; i < f.size(); ++i) {
        uint32_t offset = 0;
        if (!ParseNumber(f[i], 10, &offset) || offset >= out->data_[p].size()) {
          status = Status::InvalidInput(index_path + ":" + std::to_string(line_no) + ": bad synset offset");
          return false;
        }
        entry.offsets.push_back(offset);
      }
      out->index_[p].emplace(std::string(f[0]), std::move(entry));
      return true;
    });
    TMALIGN_RETURN_IF_ERROR(status);
  }
  for (int p = 0; p < kPosCount; ++p) {
    std::string path = dir + "/" + kPosNames[p] + ".exc";
    std::string text;
    TMALIGN_RETURN_IF_ERROR(ReadWhole(path, &text));
    out->exception_text_.push_back(std::move(text));
  }
  for (size_t p = 0; p < out->exception_text_.size(); ++p) {
    std::string_view text = out->exception_text_[p];
    Status status = Status::Ok();
    ForEachLine(text, [&](std::string_view line, int line_no) {
      std::vector<std::string_view> f = Fields(line);
      if (f.empty()) return true;
      if (f.size() < 2) {
        status = Status::InvalidInput(dir + "/" + kPosNames[p] + ".exc:" + std::to_string(line_no) +
                                      ": expected 'form base...'");
        return false;
      }
      for (size_t i = 1; i < f.size(); ++i) {
        out->irregular_index_[std::string(f[0])].push_back(out->irregular_.size());
        out->irregular_.emplace_back(f[0], f[i]);
      }
      return true;
    });
    TMALIGN_RETURN_IF_ERROR(status);
  }
  *result = std::move(out);
  return Status::Ok();
}

std::vector<std::string_view> WordNet::BaseForms(std::string_view form) const {
  std::vector<std::string_view> out;
  auto it = irregular_index_.find(form);
  if (it == irregular_index_.end()) return out;
  for (size_t i : it->second) {
    std::string_view base = irregular_[i].second;
    if (std::find(out.begin(), out.end(), base) == out.end()) out.push_back(base);
  }
  return out;
}

void WordNet::Synonyms(std::string_view lemma, Pos pos, int max_senses, int max_rank,
                       std::vector<std::string>* out) const {
  auto it = index_[pos].find(lemma);
  if (it == index_[pos].end()) return;
  const std::string& data = data_[pos];
  int senses = 0;
  for (uint32_t offset : it->second.offsets) {
    if (senses++ >= max_senses) break;
    size_t end = data.find('\n', offset);
    if (end == std::string::npos) end = data.size();
    // offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] ...
    std::vector<std::string_view> f = Fields(std::string_view(data).substr(offset, end - offset));
    uint32_t words = 0;
    if (f.size() < 4 || !ParseNumber(f[3], 16, &words) || f.size() < 4 + 2 * static_cast<size_t>(words))
      continue;
    int rank = -1;
    std::vector<std::string_view> lemmas;
    for (uint32_t w = 0; w < words; ++w) {
      std::string_view word = f[4 + 2 * w], clean;
      if (word.substr(0, word.find('(')) == lemma) rank = static_cast<int>(w);
      if (CleanLemma(word, &clean)) lemmas.push_back(clean);
    }
    if (rank < 0 || rank >= max_rank) continue;
    for (std::string_view l : lemmas) {
      if (l == lemma || std::find(out->begin(), out->end(), l) != out->end()) continue;
      out->emplace_back(l);
    }
  }
}

}  // namespace tmalign
