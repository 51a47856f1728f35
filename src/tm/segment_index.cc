#include "tm/segment_index.h"

#include <sqlite3.h>

#include <algorithm>

#include "tm/match_text.h"

namespace tmalign {
namespace {

// Buffered postings are written out past about this many bytes, which bounds import memory.
// Large, because every flush adds one row per distinct term: a million units of text have
// about a million distinct bigrams and words, and fewer, longer lists read faster.
constexpr size_t kMaxBufferedBytes = size_t{256} << 20;
constexpr size_t kPerTermOverhead = sizeof(int64_t) * 4 + 32;

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

}  // namespace

int64_t SegmentHash(std::string_view source, std::string_view target) {
  uint64_t h = StableHash(source);
  h = StableHash(std::string_view("\x1f", 1), h);
  h = StableHash(target, h);
  return static_cast<int64_t>(h);
}

Status SegmentIndexWriter::Create(SqliteDb* db, std::unique_ptr<SegmentIndexWriter>* out) {
  std::unique_ptr<SegmentIndexWriter> w(new SegmentIndexWriter(db));
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db, "SELECT id FROM segments WHERE hash = ?1", &w->by_hash_));
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db, "SELECT source, target FROM units WHERE segment_id = ?1 LIMIT 1", &w->text_of_));
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db, "INSERT INTO segments (hash) VALUES (?1)", &w->insert_segment_));
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db, "INSERT OR REPLACE INTO postings (term, first, n, ids) VALUES (?1, ?2, ?3, ?4)", &w->insert_postings_));
  int64_t any = 1;
  TMALIGN_RETURN_IF_ERROR(db->QueryInt("SELECT EXISTS (SELECT 1 FROM segments)", &any));
  w->had_segments_ = any != 0;
  *out = std::move(w);
  return Status::Ok();
}

std::vector<uint64_t> PairIndexTerms(std::string_view source, std::string_view target) {
  std::vector<uint64_t> terms = MatchIndexTerms(MatchTokenize(source));
  std::vector<uint64_t> more = MatchIndexTerms(MatchTokenize(target));
  terms.insert(terms.end(), more.begin(), more.end());
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

SegmentIndexWriter::~SegmentIndexWriter() {
  if (thread_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
}

Status SegmentIndexWriter::FindOrCreate(std::string_view source, std::string_view target, int64_t* segment_id) {
  return FindOrCreate(source, target, SegmentHash(source, target), {}, segment_id, true);
}

Status SegmentIndexWriter::FindOrCreate(std::string_view source, std::string_view target, int64_t hash,
                                        std::vector<uint64_t> terms, int64_t* segment_id) {
  return FindOrCreate(source, target, hash, std::move(terms), segment_id, false);
}

Status SegmentIndexWriter::SameText(int64_t id, std::string_view source, std::string_view target, bool* same) {
  text_of_.Reset();
  text_of_.BindInt64(1, id);
  bool found = false;
  TMALIGN_RETURN_IF_ERROR(text_of_.Step(&found));
  *same = found && text_of_.ColumnText(0) == source && text_of_.ColumnText(1) == target;
  text_of_.Reset();
  return Status::Ok();
}

Status SegmentIndexWriter::FindOrCreate(std::string_view source, std::string_view target, int64_t hash,
                                        std::vector<uint64_t> given_terms, int64_t* segment_id,
                                        bool compute_terms) {
  // Equal hashes are compared by text, so a collision only costs a lookup.
  auto range = created_by_hash_.equal_range(hash);
  for (auto it = range.first; it != range.second; ++it) {
    bool same = false;
    TMALIGN_RETURN_IF_ERROR(SameText(it->second, source, target, &same));
    if (same) {
      *segment_id = it->second;
      return Status::Ok();
    }
  }
  if (had_segments_) {
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
        *segment_id = id;
        by_hash_.Reset();
        return Status::Ok();
      }
    }
    by_hash_.Reset();
  }
  insert_segment_.Reset();
  insert_segment_.BindInt64(1, hash);
  TMALIGN_RETURN_IF_ERROR(insert_segment_.Run());
  const int64_t id = sqlite3_last_insert_rowid(db_->get());
  ++created_;
  created_by_hash_.emplace(hash, id);
  pending_.push_back(NewSegment{id, compute_terms ? PairIndexTerms(source, target) : std::move(given_terms)});
  *segment_id = id;
  if (pending_.size() >= 1024) {
    Submit();
    bool due = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      due = flush_due_ != 0;
    }
    if (due) return Flush();
  }
  return Status::Ok();
}

void SegmentIndexWriter::Submit() {
  if (pending_.empty()) return;
  std::unique_lock<std::mutex> lock(mu_);
  if (!thread_.joinable()) thread_ = std::thread([this] { IndexLoop(); });
  // Bounded, so a slow indexer holds back the writer instead of growing the queue.
  cv_.wait(lock, [&] { return queue_.size() < 16; });
  queue_.push_back(std::move(pending_));
  pending_.clear();
  cv_.notify_all();
}

void SegmentIndexWriter::Drain() {
  Submit();
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void SegmentIndexWriter::IndexLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    cv_.wait(lock, [&] { return !queue_.empty() || stop_; });
    if (queue_.empty()) return;  // stopping
    std::vector<NewSegment> batch = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    cv_.notify_all();
    lock.unlock();
    for (const NewSegment& s : batch) {
      for (uint64_t t : s.terms) AddPosting(t, s.id);
    }
    const bool due = buffered_bytes_ >= kMaxBufferedBytes;
    lock.lock();
    busy_ = false;
    if (due) flush_due_ = 1;
    cv_.notify_all();
  }
}

void SegmentIndexWriter::Grow() {
  std::vector<TermList> old;
  old.swap(table_);
  table_.resize(old.empty() ? (size_t{1} << 16) : old.size() * 2);
  const size_t mask = table_.size() - 1;
  for (TermList& l : old) {
    if (l.term == 0) continue;
    size_t i = (l.term * 0x9E3779B97F4A7C15ULL) >> 20 & mask;
    while (table_[i].term != 0) i = (i + 1) & mask;
    table_[i] = std::move(l);
  }
}

void SegmentIndexWriter::AddPosting(uint64_t term, int64_t id) {
  // MatchIndexTerms never yields 0, which marks an empty slot.
  if ((used_ + 1) * 2 > table_.size()) Grow();
  const size_t mask = table_.size() - 1;
  size_t i = (term * 0x9E3779B97F4A7C15ULL) >> 20 & mask;
  while (table_[i].term != 0 && table_[i].term != term) i = (i + 1) & mask;
  TermList& l = table_[i];
  if (l.term == 0) {
    l.term = term;
    l.first = id;
    l.last = 0;
    ++used_;
    buffered_bytes_ += kPerTermOverhead;
  }
  const size_t before = l.blob.size();
  PutVarint(static_cast<uint64_t>(id - l.last), &l.blob);
  buffered_bytes_ += l.blob.size() - before;
  l.last = id;
  ++l.n;
}

Status SegmentIndexWriter::Flush() {
  Drain();  // from here until the next Submit() the table is this thread's
  // In key order (SQLite compares the term as a signed integer): B-tree appends instead of
  // random inserts, several times faster for a million lists.
  std::vector<TermList*> lists;
  lists.reserve(used_);
  for (TermList& l : table_) {
    if (l.term != 0) lists.push_back(&l);
  }
  std::sort(lists.begin(), lists.end(), [](const TermList* a, const TermList* b) {
    return static_cast<int64_t>(a->term) < static_cast<int64_t>(b->term);
  });
  for (TermList* lp : lists) {
    TermList& l = *lp;
    // Ids grow within one writer; a list is keyed by its first id so flushes never collide.
    insert_postings_.Reset();
    insert_postings_.BindInt64(1, static_cast<int64_t>(l.term));
    insert_postings_.BindInt64(2, l.first);
    insert_postings_.BindInt64(3, l.n);
    insert_postings_.BindBlob(4, l.blob);
    TMALIGN_RETURN_IF_ERROR(insert_postings_.Run("postings"));
  }
  table_.clear();
  table_.shrink_to_fit();
  used_ = 0;
  buffered_bytes_ = 0;
  std::lock_guard<std::mutex> lock(mu_);
  flush_due_ = 0;
  return Status::Ok();
}

Status SegmentIndexWriter::LinkPendingUnits(int64_t* linked) {
  *linked = 0;
  SqliteStatement pending, update;
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
      db_, "SELECT id, source, target FROM units WHERE segment_id IS NULL ORDER BY id", &pending));
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
    int64_t segment = 0;
    TMALIGN_RETURN_IF_ERROR(FindOrCreate(r.source, r.target, &segment));
    update.Reset();
    update.BindInt64(1, segment);
    update.BindInt64(2, r.id);
    TMALIGN_RETURN_IF_ERROR(update.Run());
    ++*linked;
  }
  return Flush();
}

Status PostingsReader::Create(SqliteDb* db, std::unique_ptr<PostingsReader>* out) {
  std::unique_ptr<PostingsReader> r(new PostingsReader());
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db, "SELECT coalesce(sum(n), 0) FROM postings WHERE term = ?1", &r->freq_));
  TMALIGN_RETURN_IF_ERROR(
      SqliteStatement::Prepare(db, "SELECT ids FROM postings WHERE term = ?1 ORDER BY first", &r->read_));
  *out = std::move(r);
  return Status::Ok();
}

Status PostingsReader::Frequency(uint64_t term, int64_t* count) {
  freq_.Reset();
  freq_.BindInt64(1, static_cast<int64_t>(term));
  bool has_row = false;
  TMALIGN_RETURN_IF_ERROR(freq_.Step(&has_row));
  *count = has_row ? freq_.ColumnInt64(0) : 0;
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
    std::string_view blob = read_.ColumnBlob(0);
    int64_t prev = 0;
    uint64_t v = 0;
    int shift = 0;
    for (unsigned char c : blob) {
      v |= static_cast<uint64_t>(c & 0x7F) << shift;
      if (c & 0x80) {
        shift += 7;
        continue;
      }
      prev += static_cast<int64_t>(v);
      ids->push_back(prev);
      v = 0;
      shift = 0;
    }
  }
  read_.Reset();
  return Status::Ok();
}

}  // namespace tmalign
