// The deduplicated memory beside the per-document `units`: each distinct (source, target)
// pair is one row of `segments`, every unit with that pair points at it (units.segment_id),
// so its usage count and origins are the units that point at it. New segments are indexed
// in `postings` (index term -> delta-coded segment ids) for fuzzy match and concordance.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
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
  // Links every unit whose segment_id is NULL (units of older schema versions, edited units).
  Status LinkPendingUnits(int64_t* linked);
  // Writes the buffered postings. Also happens by itself when the buffer is large.
  Status Flush();

  int64_t segments_created() const { return created_; }

 private:
  explicit SegmentIndexWriter(SqliteDb* db) : db_(db) {}
  SqliteDb* db_;
  SqliteStatement by_hash_, text_of_, insert_segment_, insert_postings_;
  std::unordered_map<uint64_t, std::vector<int64_t>> buffer_;
  size_t buffered_ = 0;
  int64_t created_ = 0;
};

// Hash that identifies a (source, target) pair in segments.hash.
int64_t SegmentHash(std::string_view source, std::string_view target);

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
