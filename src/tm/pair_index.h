// The deduplicated memory beside the per-document `units`: each distinct (source, target)
// pair is one row of table `segments` (the schema's name for pairs), every unit with that pair
// points at it (units.segment_id), so its usage count and origins are the units that point at
// it. New pairs are indexed in `postings` (index term -> delta-coded pair ids) for fuzzy match
// and concordance.
#pragma once

#include <array>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "tm/sqlite_handle.h"
#include "util/status.h"

namespace tmalign {

// How much of the posting lists a PairIndexWriter keeps in memory (tests make them small).
struct PostingBufferLimits {
  // (term, pair) pairs sorted and coded into a run at a time: 64 MB of pairs (and as much
  // scratch for the sort).
  size_t run_pairs = size_t{4} << 20;
  // Coded runs past this many bytes are merged and moved to a temporary file, which bounds
  // import memory; Flush() merges them back, so each term still gets one list.
  size_t max_buffered_bytes = size_t{320} << 20;
};

// Writes pairs and postings; use inside the caller's write transaction, call Flush() before commit.
// Posting lists are built on a thread of their own; only Flush() writes them (on the caller's
// thread), one row per term (or a few, for a list too long for one row) whatever the import's size.
class PairIndexWriter {
 public:
  static Status Create(SqliteDb* db, std::unique_ptr<PairIndexWriter>* out,
                       PostingBufferLimits limits = PostingBufferLimits());
  ~PairIndexWriter();

  // The id of the pair (source, target), created and indexed if it is new. A pair row holds
  // no text: an existing pair is recognized through a unit that points at it, so store a
  // unit with the id before asking for the same pair again.
  Status FindOrCreate(std::string_view source, std::string_view target, int64_t* pair_id);
  // Same with the pair's PairHash and PairIndexTerms computed beforehand (e.g. on another thread).
  Status FindOrCreate(std::string_view source, std::string_view target, int64_t hash,
                      const std::vector<uint64_t>& terms, int64_t* pair_id);
  // False when FindOrCreate(source, target, hash, ...) is sure to read no stored unit (a new
  // pair's hash, no pairs before this writer): a caller may then hold back its units' rows.
  bool MayReadUnits(int64_t hash) const;
  // Links every unit whose segment_id is NULL (units of older schema versions).
  Status LinkPendingUnits(int64_t* linked);
  // For a bulk load into a TM without pairs: drops the pair-hash index, which this
  // writer does not need (it finds its own pairs in memory), so 1M random B-tree inserts
  // become one sorted index build in Flush(). No-op when pairs exist.
  Status DeferHashIndex();
  // Writes the buffered postings and rebuilds a deferred index. Call before commit.
  Status Flush();

  int64_t pairs_created() const { return created_; }

 private:
  PairIndexWriter(SqliteDb* db, PostingBufferLimits limits) : db_(db), limits_(limits) {}
  // Postings are collected as flat (term, id) pairs; every few million pairs they are sorted
  // (radix on the term's top bits) and coded into a run, and Flush() merges the runs into one
  // list per term, written in key order.
  struct Pair {
    uint64_t key;  // term with its sign bit flipped: unsigned order = SQLite's signed order
    int64_t id;
  };
  struct RunEntry {
    uint64_t key;
    int64_t first, last;
    uint32_t n, size;  // ids; bytes of its delta-varint list in Run::bytes (first delta from 0)
  };
  struct Run {
    std::vector<RunEntry> entries;  // ascending key
    std::string bytes;              // the entries' lists, in entry order
  };
  // A run moved to the spill file: its lists, then its entries.
  struct SpilledRun {
    uint64_t bytes_at, bytes_size, entries_at, entries_count;
  };
  class RunCursor;
  class MemoryRunCursor;
  class FileRunCursor;
  // New pairs on their way to the indexing thread: their ids and, one after another, their
  // terms (pair i's end at term_ends[i]): a few buffers a batch instead of a vector a pair
  // allocated on one thread and freed on another.
  struct NewPairs {
    std::vector<int64_t> ids;
    std::vector<size_t> term_ends;
    std::vector<uint64_t> terms;
  };
  Status FindOrCreate(std::string_view source, std::string_view target, int64_t hash,
                      const std::vector<uint64_t>& given_terms, int64_t* pair_id, bool compute_terms);
  Status SameText(int64_t id, std::string_view source, std::string_view target, bool* same);
  // Rows of table postings: their entries, and their lists one after another in `bytes`.
  struct RowBatch {
    std::vector<RunEntry> entries;
    std::string bytes;
  };
  // Writes the buffered and spilled postings.
  Status WritePostings();
  // Inserts the rows of `batch` (writer thread).
  Status InsertPostingRows(const RowBatch& batch);
  // Sorts and codes the buffered pairs into a new run (indexing thread, or writer thread after
  // Drain()).
  void SealRun();
  // Merges runs_ into one (indexing thread).
  void CompactRuns();
  // Merges runs_ and appends them to the spill file (indexing thread); errors in spill_status_.
  void SpillRuns();
  // Merges the runs of `cursors` (sealed in id order) into one list per term, passed to `sink`
  // in key order.
  static Status MergeRuns(std::vector<std::unique_ptr<RunCursor>>& cursors,
                          const std::function<Status(const RunEntry&, std::string_view)>& sink);
  // Hands the pending new pairs to the indexing thread (started on first use).
  void Submit();
  // Waits until the indexing thread has added everything submitted.
  void Drain();
  void IndexLoop();

  SqliteDb* db_;
  PostingBufferLimits limits_;
  SqliteStatement by_hash_, text_of_, insert_pair_, insert_postings_, insert_postings_many_;
  // Segments created by this writer, by hash: a new pair is found without an index lookup.
  // Open addressing with linear probing (id 0 = empty slot; SQLite's ids start at 1): a node
  // per entry, as in std::unordered_multimap, cost a cache miss a lookup and a second to free.
  struct HashSlot {
    int64_t hash, id;
  };
  std::vector<HashSlot> created_by_hash_;
  size_t created_slots_used_ = 0;
  void RememberCreated(int64_t hash, int64_t id);
  bool had_pairs_ = true;  // pairs existed before: a pair missing above may still be stored
  bool hash_index_dropped_ = false;
  int64_t created_ = 0;

  NewPairs pending_;  // writer side, not yet submitted
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<NewPairs> queue_;
  bool busy_ = false, stop_ = false;
  std::thread thread_;

  // Owned by the indexing thread between Submit() and Drain().
  // Pairs not yet in a run, by their key's top byte (in id order within each): each bucket is
  // sorted while it sits in the cache, without a pass over the whole run to spread them.
  std::array<std::vector<Pair>, 256> buckets_;
  size_t buffered_pairs_ = 0;
  std::vector<Pair> scratch_;
  size_t last_run_terms_ = 0;  // terms in the last run: the next one's entries reserved alike
  std::vector<Run> runs_;
  size_t buffered_bytes_ = 0;
  std::FILE* spill_ = nullptr;  // an unnamed temporary file, gone when closed
  uint64_t spill_size_ = 0;
  std::vector<SpilledRun> spilled_;
  Status spill_status_;
};

// Hash that identifies a (source, target) pair (column segments.hash).
int64_t PairHash(std::string_view source, std::string_view target);
// The index terms of both sides of a pair, without duplicates, in no particular order (the
// posting lists are sorted when they are built).
std::vector<uint64_t> PairIndexTerms(std::string_view source, std::string_view target);
// Same into *terms (replaced; its buffer reused).
void PairIndexTerms(std::string_view source, std::string_view target, std::vector<uint64_t>* terms);

// Reads posting lists.
class PostingsReader {
 public:
  static Status Create(SqliteDb* db, std::unique_ptr<PostingsReader>* out);
  // Number of pairs listed under `term` (stale ids of deleted pairs included).
  Status Frequency(uint64_t term, int64_t* count);
  // The same, but once the count passes `cap` it stops reading and returns a number above
  // `cap`: a common term's list is thousands of rows, and counting them read them all.
  Status Frequency(uint64_t term, int64_t cap, int64_t* count);
  // Appends the pair ids listed under `term`, ascending.
  Status Read(uint64_t term, std::vector<int64_t>* ids);

 private:
  PostingsReader() = default;
  SqliteStatement freq_, read_;
};

}  // namespace tmalign
