// The deduplicated memory beside the per-document `units`: each distinct (source, target)
// pair is one row of `segments`, every unit with that pair points at it (units.segment_id),
// so its usage count and origins are the units that point at it. New segments are indexed
// in `postings` (index term -> delta-coded segment ids) for fuzzy match and concordance.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tm/sqlite_handle.h"
#include "util/status.h"

namespace tmalign {

// Writes segments and postings; use inside the caller's write transaction, call Flush() before commit.
class SegmentIndexWriter {
 public:
  static Status Create(SqliteDb* db, std::unique_ptr<SegmentIndexWriter>* out);

  // The segment of the pair (source, target), created and indexed if it is new.
  Status FindOrCreate(std::string_view source, std::string_view target, int64_t* segment_id);
  // Same with the pair's SegmentHash and PairIndexTerms computed beforehand (e.g. on another thread).
  Status FindOrCreate(std::string_view source, std::string_view target, int64_t hash,
                      const std::vector<uint64_t>& terms, int64_t* segment_id);
  // Links every unit whose segment_id is NULL (units of older schema versions, edited units).
  Status LinkPendingUnits(int64_t* linked);
  // Writes the buffered postings. Also happens by itself when the buffer is large.
  Status Flush();

  int64_t segments_created() const { return created_; }

 private:
  explicit SegmentIndexWriter(SqliteDb* db) : db_(db) {}
  // Posting lists being built: open addressing on the term (hash 0 marks an empty slot,
  // term 0 is remapped), each list already delta-varint coded.
  struct TermList {
    uint64_t term = 0;
    int64_t first = 0, last = 0, n = 0;
    std::string blob;
  };
  Status FindOrCreate(std::string_view source, std::string_view target, int64_t hash,
                      const std::vector<uint64_t>& given_terms, int64_t* segment_id, bool compute_terms);
  void AddPosting(uint64_t term, int64_t id);
  void Grow();

  SqliteDb* db_;
  SqliteStatement by_hash_, text_of_, insert_segment_, insert_postings_;
  std::vector<TermList> table_;
  size_t used_ = 0;
  size_t buffered_bytes_ = 0;
  int64_t created_ = 0;
};

// Hash that identifies a (source, target) pair in segments.hash.
int64_t SegmentHash(std::string_view source, std::string_view target);
// The index terms of both sides of a pair, sorted, without duplicates.
std::vector<uint64_t> PairIndexTerms(std::string_view source, std::string_view target);

// Reads posting lists.
class PostingsReader {
 public:
  static Status Create(SqliteDb* db, std::unique_ptr<PostingsReader>* out);
  // Number of segments listed under `term` (stale ids of deleted segments included).
  Status Frequency(uint64_t term, int64_t* count);
  // Appends the segment ids listed under `term`, ascending.
  Status Read(uint64_t term, std::vector<int64_t>* ids);

 private:
  PostingsReader() = default;
  SqliteStatement freq_, read_;
};

}  // namespace tmalign
