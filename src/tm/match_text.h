// Match text: how translation-memory sentences are compared. Text is folded one code
// point at a time (NFKC, case fold, Traditional->Simplified by character, quotes and
// dashes unified) and cut into tokens: each Chinese character is a token, each run of
// letters/digits is a word, each other non-space character is a token of its own.
// So similarity is character-based for Chinese and word-based for English.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tmalign {

struct MatchToken {
  enum Kind : uint8_t { kHan, kWord, kPunct };
  uint64_t hash = 0;   // of the folded token; equal tokens have equal hashes
  uint32_t begin = 0;  // byte span in the original text
  uint32_t end = 0;
  Kind kind = kPunct;
};

// Tokenizes `text` (any UTF-8; invalid bytes become U+FFFD tokens).
std::vector<MatchToken> MatchTokenize(std::string_view text);

// Index terms of a token sequence: Chinese character bigrams (a lone character as a
// unigram) and English words; punctuation is not indexed. Sorted, without duplicates.
std::vector<uint64_t> MatchIndexTerms(const std::vector<MatchToken>& tokens);

// Appends the index terms of `text` (those of MatchIndexTerms(MatchTokenize(text))) to *terms,
// unsorted and possibly repeated, without building the tokens: import's fast path.
void AppendMatchIndexTerms(std::string_view text, std::vector<uint64_t>* terms);

// The most distinct index terms of `tokens` (MatchIndexTerms) that one token edit (insert,
// delete, substitute) can remove: 2 for Chinese text, 3 where a word sits between two lone
// Chinese characters, 1 for plain English. A sequence within edit distance d of `tokens`
// therefore shares at least |MatchIndexTerms(tokens)| - d * this of its terms.
int MaxIndexTermsPerEdit(const std::vector<MatchToken>& tokens);

// Levenshtein distance over token hashes; returns limit+1 as soon as it must exceed `limit`.
int TokenEditDistance(const std::vector<MatchToken>& a, const std::vector<MatchToken>& b, int limit);

// CAT-style percentage: 100 when the token sequences are equal, else
// floor(100 * (1 - distance / longer length)), capped at 99.
int MatchScore(int distance, size_t len_a, size_t len_b);

// The largest distance that still scores >= min_score for lengths len_a and len_b.
int MaxDistanceForScore(int min_score, size_t len_a, size_t len_b);

// One step of the difference between a stored sentence and a query.
struct DiffOp {
  enum Kind { kEqual, kDelete, kInsert };  // delete: only in the stored text; insert: only in the query
  Kind kind;
  std::string text;  // original text (stored text for equal/delete, query text for insert)
};

// The differences that turn `stored` into `query`; the equal and delete ops concatenated
// give back `stored` exactly.
std::vector<DiffOp> MatchDiff(std::string_view stored, const std::vector<MatchToken>& stored_tokens,
                              std::string_view query, const std::vector<MatchToken>& query_tokens);

// "the [-big-]{+small+} dog": the stored text with deletions and insertions marked.
std::string RenderDiff(const std::vector<DiffOp>& ops);

// Whether `needle` occurs as a contiguous run in `hay`; *at = its first token index.
bool FindTokenRun(const std::vector<MatchToken>& hay, const std::vector<MatchToken>& needle, size_t* at);

// A stable 64-bit FNV-1a hash (identical across builds and machines, so it may be stored).
uint64_t StableHash(std::string_view bytes, uint64_t seed = 0xcbf29ce484222325ULL);

}  // namespace tmalign
