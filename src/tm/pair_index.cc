#include "tm/pair_index.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>

#include "tm/match_text.h"
#include "util/bounded_queue.h"

namespace tmalign {
namespace {

// Runs kept before they are merged into one.
constexpr size_t kMaxRuns = 8;
constexpr uint64_t kSignBit = uint64_t{1} << 63;
constexpr size_t kPostingRowsPerInsert = 64;
// Posting rows handed from the merging thread to the writing one at a time (whole statements),
// and how many such batches may wait: a few MB at most.
constexpr size_t kRowBatchRows = 64 * kPostingRowsPerInsert;
constexpr size_t kRowBatchBytes = size_t{1} << 20;
constexpr size_t kReadyRowBatches = 4;
// A posting row holds at most about this many bytes of list: a row whose payload passes
// SQLite's local limit (a quarter of a page in an index B-tree) spills into overflow pages,
// whose last page is mostly empty, which cost 13% of the index at a million units. A longer
// list is several rows (the key's `first` tells them apart), read back in order.
constexpr size_t kMaxPostingRowBytes = 4000;

// Slot of a pair_id hash in the writer's table: the hash is good, but mixed once more.
size_t SlotOf(int64_t hash) {
  return static_cast<size_t>((static_cast<uint64_t>(hash) * 0x9e3779b97f4a7c15ULL) >> 17);
}

// Writes v as a varint (7 bits a byte, low first) at `out`, which has room for 10 bytes;
// returns the bytes written.
size_t EncodeVarint(uint64_t v, char* out) {
  size_t n = 0;
  while (v >= 0x80) {
    out[n++] = static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out[n++] = static_cast<char>(v);
  return n;
}

void PutVarint(uint64_t v, std::string* out) {
  char bytes[10];
  out->append(bytes, EncodeVarint(v, bytes));
}

// Calls fn(id) for each id of a delta-varint list (the first delta from 0), in order.
template <typename Fn>
void ForEachDeltaVarint(std::string_view list, Fn fn) {
  int64_t id = 0;
  uint64_t v = 0;
  int shift = 0;
  for (unsigned char c : list) {
    v |= static_cast<uint64_t>(c & 0x7F) << shift;
    if (c & 0x80) {
      shift += 7;
      continue;
    }
    id += static_cast<int64_t>(v);
    fn(id);
    v = 0;
    shift = 0;
  }
}

Status SpillError(const char* what) {
  return Status::IoError(std::string("posting lists' temporary file: ") + what + ": " + std::strerror(errno));
}

Status WriteAll(std::FILE* f, const void* data, size_t size) {
  if (size > 0 && std::fwrite(data, 1, size, f) != size) return SpillError("write failed");
  return Status::Ok();
}

Status ReadAll(std::FILE* f, uint64_t at, void* data, size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t got = ::pread(fileno(f), p, size, static_cast<off_t>(at));
    if (got <= 0)
      return got == 0 ? Status::IoError("posting lists' temporary file: short read")
                      : SpillError("read failed");
    p += got;
    at += static_cast<uint64_t>(got);
    size -= static_cast<size_t>(got);
  }
  return Status::Ok();
}

}  // namespace

// The entries of one run in key order, with their lists.
class PairIndexWriter::RunCursor {
 public:
  virtual ~RunCursor() = default;
  bool done() const { return done_; }
  const RunEntry& entry() const { return entry_; }
  // The entry's list; valid until Next().
  std::string_view list() const { return list_; }
  virtual Status Next() = 0;

 protected:
  bool done_ = false;
  RunEntry entry_{};
  std::string_view list_;
};

class PairIndexWriter::MemoryRunCursor : public RunCursor {
 public:
  explicit MemoryRunCursor(const Run& run) : run_(run) {}
  Status Next() override {
    if (i_ == run_.entries.size()) {
      done_ = true;
      return Status::Ok();
    }
    entry_ = run_.entries[i_++];
    list_ = std::string_view(run_.bytes.data() + offset_, entry_.size);
    offset_ += entry_.size;
    return Status::Ok();
  }

 private:
  const Run& run_;
  size_t i_ = 0, offset_ = 0;
};

// Reads a spilled run back in pieces, so merging never holds a whole run in memory.
class PairIndexWriter::FileRunCursor : public RunCursor {
 public:
  FileRunCursor(std::FILE* file, const SpilledRun& run) : file_(file), run_(run), next_byte_(run.bytes_at) {}
  Status Next() override {
    if (i_ == entries_.size()) {
      if (entries_read_ == run_.entries_count) {
        done_ = true;
        return Status::Ok();
      }
      const uint64_t n = std::min<uint64_t>(kEntriesAtATime, run_.entries_count - entries_read_);
      entries_.resize(static_cast<size_t>(n));
      TMALIGN_RETURN_IF_ERROR(ReadAll(file_, run_.entries_at + entries_read_ * sizeof(RunEntry),
                                      entries_.data(), entries_.size() * sizeof(RunEntry)));
      entries_read_ += n;
      i_ = 0;
    }
    entry_ = entries_[i_++];
    if (next_byte_ + entry_.size > window_at_ + window_.size()) {
      const uint64_t left = run_.bytes_at + run_.bytes_size - next_byte_;
      window_.resize(
          static_cast<size_t>(std::min<uint64_t>(left, std::max<uint64_t>(kWindowBytes, entry_.size))));
      TMALIGN_RETURN_IF_ERROR(ReadAll(file_, next_byte_, window_.data(), window_.size()));
      window_at_ = next_byte_;
    }
    list_ = std::string_view(window_.data() + (next_byte_ - window_at_), entry_.size);
    next_byte_ += entry_.size;
    return Status::Ok();
  }

 private:
  static constexpr uint64_t kEntriesAtATime = 1 << 16;
  static constexpr uint64_t kWindowBytes = 4 << 20;
  std::FILE* file_;
  SpilledRun run_;
  std::vector<RunEntry> entries_;
  size_t i_ = 0;
  uint64_t entries_read_ = 0;
  std::string window_;
  uint64_t window_at_ = 0, next_byte_;
};

int64_t PairHash(std::string_view source, std::string_view target) {
  uint64_t h = StableHash(source);
  h = StableHash(std::string_view("\x1f", 1), h);
  h = StableHash(target, h);
  return static_cast<int64_t>(h);
}

Status PairIndexWriter::Create(SqliteDb* db, std::unique_ptr<PairIndexWriter>* out,
                               PostingBufferLimits limits) {
  std::unique_ptr<PairIndexWriter> w(new PairIndexWriter(db, limits));
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db, "SELECT id FROM segments WHERE hash = ?1", &w->by_hash_));
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db, "SELECT tm_text(source), tm_text(target) FROM units WHERE segment_id = ?1 LIMIT 1", &w->text_of_));
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db, "INSERT INTO segments (hash) VALUES (?1)", &w->insert_pair_));
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db, "INSERT OR REPLACE INTO postings (term, first, n, ids) VALUES (?1, ?2, ?3, ?4)",
      &w->insert_postings_));
  std::string many = "INSERT OR REPLACE INTO postings (term, first, n, ids) VALUES (?, ?, ?, ?)";
  for (size_t i = 1; i < kPostingRowsPerInsert; ++i) many += ", (?, ?, ?, ?)";
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db, many, &w->insert_postings_many_));
  int64_t any = 1;
  TMALIGN_RETURN_IF_ERROR(db->QueryInt("SELECT EXISTS (SELECT 1 FROM segments)", &any));
  w->had_pairs_ = any != 0;
  *out = std::move(w);
  return Status::Ok();
}

std::vector<uint64_t> PairIndexTerms(std::string_view source, std::string_view target) {
  std::vector<uint64_t> terms;
  PairIndexTerms(source, target, &terms);
  return terms;
}

void PairIndexTerms(std::string_view source, std::string_view target, std::vector<uint64_t>* terms) {
  // Both sides into one reused buffer, the repeats dropped through a small open-addressing set
  // (terms are hashes, never 0): sorting each pair's terms cost a tenth of the import's parser.
  thread_local std::vector<uint64_t> all, seen;
  all.clear();
  AppendMatchIndexTerms(source, &all);
  AppendMatchIndexTerms(target, &all);
  int bits = 6;
  while ((size_t{1} << bits) < 2 * all.size()) ++bits;
  seen.assign(size_t{1} << bits, 0);
  const size_t mask = seen.size() - 1;
  terms->clear();
  terms->reserve(all.size());
  for (const uint64_t t : all) {
    size_t i = static_cast<size_t>((t * 0x9e3779b97f4a7c15ULL) >> (64 - bits));
    while (seen[i] != 0 && seen[i] != t) i = (i + 1) & mask;
    if (seen[i] == 0) {
      seen[i] = t;
      terms->push_back(t);
    }
  }
}

PairIndexWriter::~PairIndexWriter() {
  if (thread_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  if (spill_ != nullptr) std::fclose(spill_);
}

Status PairIndexWriter::FindOrCreate(std::string_view source, std::string_view target, int64_t* pair_id) {
  return FindOrCreate(source, target, PairHash(source, target), {}, pair_id, true);
}

Status PairIndexWriter::FindOrCreate(std::string_view source, std::string_view target, int64_t hash,
                                     const std::vector<uint64_t>& terms, int64_t* pair_id) {
  return FindOrCreate(source, target, hash, terms, pair_id, false);
}

Status PairIndexWriter::SameText(int64_t id, std::string_view source, std::string_view target, bool* same) {
  text_of_.Reset();
  text_of_.BindInt64(1, id);
  bool found = false;
  TMALIGN_RETURN_IF_ERROR(text_of_.Step(&found));
  *same = found && text_of_.ColumnText(0) == source && text_of_.ColumnText(1) == target;
  text_of_.Reset();
  return Status::Ok();
}

bool PairIndexWriter::MayReadUnits(int64_t hash) const {
  if (had_pairs_) return true;
  if (created_by_hash_.empty()) return false;
  const size_t mask = created_by_hash_.size() - 1;
  for (size_t i = SlotOf(hash) & mask; created_by_hash_[i].id != 0; i = (i + 1) & mask) {
    if (created_by_hash_[i].hash == hash) return true;
  }
  return false;
}

Status PairIndexWriter::FindOrCreate(std::string_view source, std::string_view target, int64_t hash,
                                     const std::vector<uint64_t>& given_terms, int64_t* pair_id,
                                     bool compute_terms) {
  // Equal hashes are compared by text, so a collision only costs a lookup.
  if (!created_by_hash_.empty()) {
    const size_t mask = created_by_hash_.size() - 1;
    for (size_t i = SlotOf(hash) & mask; created_by_hash_[i].id != 0; i = (i + 1) & mask) {
      if (created_by_hash_[i].hash != hash) continue;
      bool same = false;
      TMALIGN_RETURN_IF_ERROR(SameText(created_by_hash_[i].id, source, target, &same));
      if (same) {
        *pair_id = created_by_hash_[i].id;
        return Status::Ok();
      }
    }
  }
  if (had_pairs_) {
    by_hash_.Reset();
    by_hash_.BindInt64(1, hash);
    bool has_row = false;
    while (true) {
      TMALIGN_RETURN_IF_ERROR(by_hash_.Step(&has_row));
      if (!has_row) break;
      const int64_t id = by_hash_.ColumnInt64(0);
      bool same = false;
      TMALIGN_RETURN_IF_ERROR(SameText(id, source, target, &same));
      if (same) {
        *pair_id = id;
        by_hash_.Reset();
        return Status::Ok();
      }
    }
    by_hash_.Reset();
  }
  insert_pair_.Reset();
  insert_pair_.BindInt64(1, hash);
  TMALIGN_RETURN_IF_ERROR(insert_pair_.Run());
  const int64_t id = sqlite3_last_insert_rowid(db_->get());
  ++created_;
  RememberCreated(hash, id);
  if (compute_terms) {
    const std::vector<uint64_t> terms = PairIndexTerms(source, target);
    pending_.terms.insert(pending_.terms.end(), terms.begin(), terms.end());
  } else {
    pending_.terms.insert(pending_.terms.end(), given_terms.begin(), given_terms.end());
  }
  pending_.ids.push_back(id);
  pending_.term_ends.push_back(pending_.terms.size());
  *pair_id = id;
  if (pending_.ids.size() >= 1024) Submit();
  return Status::Ok();
}

void PairIndexWriter::RememberCreated(int64_t hash, int64_t id) {
  // At most 3/4 full: a miss probes 8.5 slots at worst (adjacent, mostly one or two cache
  // lines), and 10M pairs fit in
  // 16M slots (256 MB) instead of growing to 32M (512 MB, plus the old table while copying).
  if (4 * (created_slots_used_ + 1) > 3 * created_by_hash_.size()) {
    std::vector<HashSlot> old = std::move(created_by_hash_);
    created_by_hash_.assign(std::max<size_t>(1024, 2 * old.size()), HashSlot{0, 0});
    created_slots_used_ = 0;
    for (const HashSlot& s : old) {
      if (s.id != 0) RememberCreated(s.hash, s.id);
    }
  }
  const size_t mask = created_by_hash_.size() - 1;
  size_t i = SlotOf(hash) & mask;
  while (created_by_hash_[i].id != 0) i = (i + 1) & mask;
  created_by_hash_[i] = HashSlot{hash, id};
  ++created_slots_used_;
}

void PairIndexWriter::Submit() {
  if (pending_.ids.empty()) return;
  std::unique_lock<std::mutex> lock(mu_);
  if (!thread_.joinable()) thread_ = std::thread([this] { IndexLoop(); });
  // Bounded, so a slow indexer holds back the writer instead of growing the queue; deep
  // enough (64 x 1024 pairs) to cover the indexer sealing a run without stalling import.
  cv_.wait(lock, [&] { return queue_.size() < 64; });
  const size_t terms = pending_.terms.size();
  queue_.push_back(std::move(pending_));
  // Sized like the last batch: grown by doubling, the batches waiting held up to twice their terms.
  pending_ = NewPairs();
  pending_.ids.reserve(1024);
  pending_.term_ends.reserve(1024);
  pending_.terms.reserve(terms + terms / 8);
  cv_.notify_all();
}

void PairIndexWriter::Drain() {
  Submit();
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void PairIndexWriter::IndexLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    cv_.wait(lock, [&] { return !queue_.empty() || stop_; });
    if (queue_.empty()) return;  // stopping
    const NewPairs batch = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    cv_.notify_all();
    lock.unlock();
    for (size_t i = 0, begin = 0; i < batch.ids.size(); begin = batch.term_ends[i++]) {
      for (size_t k = begin; k < batch.term_ends[i]; ++k) {
        const uint64_t key = batch.terms[k] ^ kSignBit;
        buckets_[key >> 56].push_back(Pair{key, batch.ids[i]});
      }
      buffered_pairs_ += batch.term_ends[i] - begin;
      if (buffered_pairs_ >= limits_.run_pairs) {
        SealRun();
        if (buffered_bytes_ >= limits_.max_buffered_bytes) {
          SpillRuns();
        } else if (runs_.size() >= kMaxRuns) {
          CompactRuns();
        }
      }
    }
    lock.lock();
    busy_ = false;
    cv_.notify_all();
  }
}

void PairIndexWriter::SealRun() {
  if (buffered_pairs_ == 0) return;
  // Each bucket holds its pairs in ascending id order (pairs are created, and their terms
  // queued, in id order), so a stable sort on the key alone orders them by (key, id): an LSD
  // radix sort of the three bytes below the bucket's top byte, a byte a pass, then the list
  // coding, while the bucket (a run's 4M pairs: about 256 KB a bucket) is in the L2 cache.
  // Four scatters of the whole run (64 MB) had waited on memory for most of their time.
  Run run;
  run.entries.reserve(last_run_terms_ + last_run_terms_ / 8);
  // Coded into a buffer grown ahead (a varint is at most 10 bytes), not a byte at a time.
  std::string& bytes = run.bytes;
  bytes.resize(buffered_pairs_ * 2 + 16);
  size_t at = 0;
  for (std::vector<Pair>& bucket : buckets_) {
    const size_t n = bucket.size();
    if (n == 0) continue;
    scratch_.resize(n);
    std::array<std::array<size_t, 256>, 3> count{};
    for (const Pair& p : bucket) {
      ++count[0][(p.key >> 32) & 0xFF];
      ++count[1][(p.key >> 40) & 0xFF];
      ++count[2][(p.key >> 48) & 0xFF];
    }
    Pair *from = bucket.data(), *to = scratch_.data();
    for (size_t k = 0; k < 3; ++k) {
      std::array<size_t, 256> next;
      size_t total = 0;
      for (size_t d = 0; d < 256; ++d) {
        next[d] = total;
        total += count[k][d];
      }
      const int shift = 32 + 8 * static_cast<int>(k);
      for (size_t i = 0; i < n; ++i) to[next[(from[i].key >> shift) & 0xFF]++] = from[i];
      std::swap(from, to);
    }
    Pair* sorted = from;  // three passes: in scratch_
    // Keys sharing their top 32 bits but not the rest (a handful a run) are sorted apart,
    // stably, so their ids stay ascending.
    for (size_t i = 0, j = 0; i < n; i = j) {
      bool mixed = false;
      for (j = i + 1; j < n && (sorted[j].key >> 32) == (sorted[i].key >> 32); ++j)
        mixed |= sorted[j].key != sorted[i].key;
      if (mixed)
        std::stable_sort(sorted + i, sorted + j, [](const Pair& x, const Pair& y) { return x.key < y.key; });
    }
    for (size_t i = 0; i < n; ++i) {
      const Pair& p = sorted[i];
      if (i == 0 || p.key != sorted[i - 1].key) run.entries.push_back(RunEntry{p.key, p.id, 0, 0, 0});
      RunEntry& e = run.entries.back();
      if (bytes.size() - at < 10) bytes.resize(2 * bytes.size());
      const size_t written = EncodeVarint(static_cast<uint64_t>(p.id - e.last), &bytes[at]);
      at += written;
      e.size += static_cast<uint32_t>(written);
      e.last = p.id;
      ++e.n;
    }
    bucket.clear();
  }
  bytes.resize(at);
  bytes.shrink_to_fit();
  run.entries.shrink_to_fit();
  last_run_terms_ = run.entries.size();
  buffered_bytes_ += run.entries.size() * sizeof(RunEntry) + run.bytes.size();
  runs_.push_back(std::move(run));
  buffered_pairs_ = 0;
}

Status PairIndexWriter::MergeRuns(std::vector<std::unique_ptr<RunCursor>>& cursors,
                                  const std::function<Status(const RunEntry&, std::string_view)>& sink) {
  // Runs were sealed in id order, so a term's lists concatenate; only the first delta of
  // each later list is recoded.
  for (auto& c : cursors) TMALIGN_RETURN_IF_ERROR(c->Next());
  std::string list;
  while (true) {
    uint64_t key = 0;
    bool any = false;
    for (const auto& c : cursors) {
      if (!c->done() && (!any || c->entry().key < key)) {
        key = c->entry().key;
        any = true;
      }
    }
    if (!any) return Status::Ok();
    list.clear();
    RunEntry merged{key, 0, 0, 0, 0};
    for (auto& c : cursors) {
      if (c->done() || c->entry().key != key) continue;
      const RunEntry& e = c->entry();
      std::string_view bytes = c->list();
      if (merged.n == 0) {
        merged.first = e.first;
        list.append(bytes);
      } else {
        size_t skip = 0;
        while (static_cast<unsigned char>(bytes[skip]) & 0x80) ++skip;
        PutVarint(static_cast<uint64_t>(e.first - merged.last), &list);
        list.append(bytes.substr(skip + 1));
      }
      merged.last = e.last;
      merged.n += e.n;
      TMALIGN_RETURN_IF_ERROR(c->Next());
    }
    merged.size = static_cast<uint32_t>(list.size());
    TMALIGN_RETURN_IF_ERROR(sink(merged, list));
  }
}

void PairIndexWriter::CompactRuns() {
  // One entry per term instead of one per term and run: bounds memory between flushes.
  Run merged;
  size_t entries = 0, bytes = 0;
  for (const Run& r : runs_) {
    entries += r.entries.size();
    bytes += r.bytes.size();
  }
  merged.entries.reserve(entries);
  merged.bytes.reserve(bytes);
  std::vector<std::unique_ptr<RunCursor>> cursors;
  for (const Run& r : runs_) cursors.push_back(std::make_unique<MemoryRunCursor>(r));
  (void)MergeRuns(cursors, [&](const RunEntry& e, std::string_view list) {  // memory only: cannot fail
    merged.entries.push_back(e);
    merged.bytes.append(list);
    return Status::Ok();
  });
  merged.entries.shrink_to_fit();
  merged.bytes.shrink_to_fit();
  runs_.clear();
  buffered_bytes_ = merged.entries.size() * sizeof(RunEntry) + merged.bytes.size();
  runs_.push_back(std::move(merged));
}

void PairIndexWriter::SpillRuns() {
  if (!spill_status_.ok() || runs_.empty()) return;  // on an error, keep the runs in memory
  if (spill_ == nullptr) {
    spill_ = std::tmpfile();
    if (spill_ == nullptr) {
      spill_status_ = SpillError("cannot create");
      return;
    }
  }
  SpilledRun run{spill_size_, 0, 0, 0};
  std::vector<RunEntry> entries;
  std::vector<std::unique_ptr<RunCursor>> cursors;
  for (const Run& r : runs_) cursors.push_back(std::make_unique<MemoryRunCursor>(r));
  Status s = MergeRuns(cursors, [&](const RunEntry& e, std::string_view list) {
    entries.push_back(e);
    run.bytes_size += list.size();
    return WriteAll(spill_, list.data(), list.size());
  });
  run.entries_at = run.bytes_at + run.bytes_size;
  run.entries_count = entries.size();
  if (s.ok()) s = WriteAll(spill_, entries.data(), entries.size() * sizeof(RunEntry));
  if (s.ok() && std::fflush(spill_) != 0) s = SpillError("write failed");
  if (!s.ok()) {
    spill_status_ = s;
    return;
  }
  spill_size_ = run.entries_at + entries.size() * sizeof(RunEntry);
  spilled_.push_back(run);
  runs_.clear();
  runs_.shrink_to_fit();
  buffered_bytes_ = 0;
}

Status PairIndexWriter::DeferHashIndex() {
  if (had_pairs_ || hash_index_dropped_) return Status::Ok();
  TMALIGN_RETURN_IF_ERROR(db_->Exec("DROP INDEX IF EXISTS segments_hash"));
  hash_index_dropped_ = true;
  return Status::Ok();
}

Status PairIndexWriter::Flush() {
  TMALIGN_RETURN_IF_ERROR(WritePostings());
  if (hash_index_dropped_) {
    // SQLite's sorter sorts up to cache_size bytes at a time in memory; with the import's
    // 128 MB cache that was one sort of all pairs, whose cache misses cost more than sorting
    // 4 MB runs and merging them (CREATE INDEX at 1M pairs: 0.9-1.2 -> 0.65-0.8 s of CPU).
    // Nothing else runs at this point of an import, so the sorter may use a second core
    // (10M pairs: 7.1 -> 5.3 s).
    int64_t cache_size = 0;
    TMALIGN_RETURN_IF_ERROR(db_->QueryInt("PRAGMA cache_size", &cache_size));
    TMALIGN_RETURN_IF_ERROR(db_->Exec("PRAGMA cache_size = -4096"));
    TMALIGN_RETURN_IF_ERROR(db_->Exec("PRAGMA threads = 2"));
    const Status created = db_->Exec("CREATE INDEX segments_hash ON segments (hash)");
    TMALIGN_RETURN_IF_ERROR(db_->Exec("PRAGMA threads = 0"));
    TMALIGN_RETURN_IF_ERROR(db_->Exec("PRAGMA cache_size = " + std::to_string(cache_size)));
    TMALIGN_RETURN_IF_ERROR(created);
    hash_index_dropped_ = false;
  }
  return Status::Ok();
}

Status PairIndexWriter::WritePostings() {
  Drain();  // from here until the next Submit() the runs are this thread's
  SealRun();
  TMALIGN_RETURN_IF_ERROR(spill_status_);
  // The runs are merged (and long lists cut) on a thread of their own, which hands this one
  // batches of rows to insert: merging and inserting each took about half the time at the
  // end of an import, when nothing else runs.
  BoundedQueue<RowBatch> ready(kReadyRowBatches);
  Status merge_status;
  std::thread merger([&] {
    RowBatch batch;
    auto hand_over = [&]() -> bool {
      const bool taken = ready.Push(std::move(batch));
      batch = RowBatch();
      return taken;
    };
    auto add_row = [&](const RunEntry& e, std::string_view list) -> Status {
      batch.entries.push_back(e);
      batch.entries.back().size = static_cast<uint32_t>(list.size());
      batch.bytes.append(list);
      // Whole statements to a batch, so only the last one has a partial statement.
      if (batch.entries.size() % kPostingRowsPerInsert != 0 ||
          (batch.entries.size() < kRowBatchRows && batch.bytes.size() < kRowBatchBytes)) {
        return Status::Ok();
      }
      return hand_over() ? Status::Ok() : Status::Internal("posting lists: writing stopped");
    };
    // The spilled runs were sealed first, so they come first.
    std::vector<std::unique_ptr<RunCursor>> cursors;
    for (const SpilledRun& r : spilled_) cursors.push_back(std::make_unique<FileRunCursor>(spill_, r));
    for (const Run& r : runs_) cursors.push_back(std::make_unique<MemoryRunCursor>(r));
    std::string chunk;
    Status s = MergeRuns(cursors, [&](const RunEntry& e, std::string_view list) -> Status {
      if (list.size() <= kMaxPostingRowBytes) return add_row(e, list);
      // Cut at id boundaries; each piece starts again from 0 (its first id in full).
      RunEntry piece{e.key, 0, 0, 0, 0};
      chunk.clear();
      Status status;
      ForEachDeltaVarint(list, [&](int64_t id) {
        if (!status.ok()) return;
        if (chunk.size() >= kMaxPostingRowBytes - 10) {
          status = add_row(piece, chunk);
          piece.n = 0;
          chunk.clear();
        }
        if (piece.n == 0) piece.first = id;
        PutVarint(static_cast<uint64_t>(id - (piece.n == 0 ? 0 : piece.last)), &chunk);
        piece.last = id;
        ++piece.n;
      });
      TMALIGN_RETURN_IF_ERROR(status);
      return add_row(piece, chunk);
    });
    if (s.ok() && !batch.entries.empty() && !hand_over())
      s = Status::Internal("posting lists: writing stopped");
    merge_status = s;  // read after join()
    ready.Close();
  });
  Status written;
  RowBatch batch;
  while (written.ok() && ready.Pop(&batch)) written = InsertPostingRows(batch);
  ready.Stop();  // on an error, the merger stops at its next batch
  merger.join();
  TMALIGN_RETURN_IF_ERROR(written);
  TMALIGN_RETURN_IF_ERROR(merge_status);
  runs_.clear();
  runs_.shrink_to_fit();
  for (std::vector<Pair>& bucket : buckets_) bucket.shrink_to_fit();
  scratch_.shrink_to_fit();
  buffered_bytes_ = 0;
  spilled_.clear();
  if (spill_ != nullptr) {
    std::fclose(spill_);
    spill_ = nullptr;
    spill_size_ = 0;
  }
  return Status::Ok();
}

Status PairIndexWriter::InsertPostingRows(const RowBatch& batch) {
  // In key order (SQLite compares the term as a signed integer): B-tree appends instead of
  // random inserts, several times faster for a million lists. Rows go kPostingRowsPerInsert
  // to a statement: most lists are short, and per-statement work (step, halt, reset) was as
  // much as the B-tree insert itself. The lists are bound without a copy: `batch` outlives
  // each statement's step and reset.
  auto bind = [&](SqliteStatement* st, int row, size_t i, size_t at) {
    const RunEntry& e = batch.entries[i];
    // Ids grow within one writer; a list is keyed by its first id so flushes never collide.
    st->BindInt64(4 * row + 1, static_cast<int64_t>(e.key ^ kSignBit));
    st->BindInt64(4 * row + 2, e.first);
    st->BindInt64(4 * row + 3, e.n);
    st->BindBlobNoCopy(4 * row + 4, std::string_view(batch.bytes).substr(at, e.size));
  };
  size_t i = 0, at = 0;
  while (i < batch.entries.size()) {
    const bool whole = batch.entries.size() - i >= kPostingRowsPerInsert;
    SqliteStatement* st = whole ? &insert_postings_many_ : &insert_postings_;
    const size_t rows = whole ? kPostingRowsPerInsert : 1;
    for (size_t row = 0; row < rows; ++row, ++i) {
      bind(st, static_cast<int>(row), i, at);
      at += batch.entries[i].size;
    }
    const Status s = st->Run("postings");
    st->Reset();
    TMALIGN_RETURN_IF_ERROR(s);
  }
  return Status::Ok();
}

Status PairIndexWriter::LinkPendingUnits(int64_t* linked) {
  *linked = 0;
  SqliteStatement pending, update;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db_, "SELECT id, tm_text(source), tm_text(target) FROM units WHERE segment_id IS NULL ORDER BY id",
      &pending));
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db_, "UPDATE units SET segment_id = ?1 WHERE id = ?2", &update));
  // Collect first: updating rows under an open SELECT on the same partial index is unsafe.
  struct Row {
    int64_t id;
    std::string source, target;
  };
  std::vector<Row> rows;
  bool has_row = false;
  while (true) {
    TMALIGN_RETURN_IF_ERROR(pending.Step(&has_row));
    if (!has_row) break;
    rows.push_back(Row{pending.ColumnInt64(0), pending.ColumnText(1), pending.ColumnText(2)});
  }
  pending = SqliteStatement();
  for (const Row& r : rows) {
    int64_t pair_id = 0;
    TMALIGN_RETURN_IF_ERROR(FindOrCreate(r.source, r.target, &pair_id));
    update.Reset();
    update.BindInt64(1, pair_id);
    update.BindInt64(2, r.id);
    TMALIGN_RETURN_IF_ERROR(update.Run());
    ++*linked;
  }
  return Flush();
}

Status PostingsReader::Create(SqliteDb* db, std::unique_ptr<PostingsReader>* out) {
  std::unique_ptr<PostingsReader> r(new PostingsReader());
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db, "SELECT n FROM postings WHERE term = ?1 ORDER BY first", &r->freq_));
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db, "SELECT ids FROM postings WHERE term = ?1 ORDER BY first", &r->read_));
  *out = std::move(r);
  return Status::Ok();
}

Status PostingsReader::Frequency(uint64_t term, int64_t* count) {
  return Frequency(term, std::numeric_limits<int64_t>::max(), count);
}

Status PostingsReader::Frequency(uint64_t term, int64_t cap, int64_t* count) {
  freq_.Reset();
  freq_.BindInt64(1, static_cast<int64_t>(term));
  *count = 0;
  bool has_row = false;
  while (*count <= cap) {
    TMALIGN_RETURN_IF_ERROR(freq_.Step(&has_row));
    if (!has_row) break;
    *count += freq_.ColumnInt64(0);
  }
  freq_.Reset();
  return Status::Ok();
}

Status PostingsReader::Read(uint64_t term, std::vector<int64_t>* ids) {
  read_.Reset();
  read_.BindInt64(1, static_cast<int64_t>(term));
  bool has_row = false;
  while (true) {
    TMALIGN_RETURN_IF_ERROR(read_.Step(&has_row));
    if (!has_row) break;
    ForEachDeltaVarint(read_.ColumnBlob(0), [&](int64_t id) { ids->push_back(id); });
  }
  read_.Reset();
  return Status::Ok();
}

}  // namespace tmalign
