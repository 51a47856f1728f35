#include "tm/segment_index.h"

#include <sqlite3.h>

#include <algorithm>

#include "tm/match_text.h"

namespace tmalign {
namespace {

// Buffered postings are written out past this many ids (~16 MB), which bounds import memory.
constexpr size_t kMaxBufferedPostings = 2'000'000;

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
  *out = std::move(w);
  return Status::Ok();
}

Status SegmentIndexWriter::FindOrCreate(std::string_view source, std::string_view target, int64_t* segment_id) {
  const int64_t hash = SegmentHash(source, target);
  by_hash_.Reset();
  by_hash_.BindInt64(1, hash);
  bool has_row = false;
  while (true) {
    TMALIGN_RETURN_IF_ERROR(by_hash_.Step(&has_row));
    if (!has_row) break;
    const int64_t id = by_hash_.ColumnInt64(0);
    // Equal hashes are compared by text, so a collision only costs a lookup.
    text_of_.Reset();
    text_of_.BindInt64(1, id);
    bool found = false;
    TMALIGN_RETURN_IF_ERROR(text_of_.Step(&found));
    if (found && text_of_.ColumnText(0) == source && text_of_.ColumnText(1) == target) {
      *segment_id = id;
      by_hash_.Reset();
      text_of_.Reset();
      return Status::Ok();
    }
  }
  insert_segment_.Reset();
  insert_segment_.BindInt64(1, hash);
  TMALIGN_RETURN_IF_ERROR(insert_segment_.Run());
  const int64_t id = sqlite3_last_insert_rowid(db_->get());
  ++created_;
  std::vector<uint64_t> terms = MatchIndexTerms(MatchTokenize(source));
  std::vector<uint64_t> more = MatchIndexTerms(MatchTokenize(target));
  terms.insert(terms.end(), more.begin(), more.end());
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (uint64_t t : terms) buffer_[t].push_back(id);
  buffered_ += terms.size();
  *segment_id = id;
  if (buffered_ >= kMaxBufferedPostings) return Flush();
  return Status::Ok();
}

Status SegmentIndexWriter::Flush() {
  std::string blob;
  for (auto& [term, ids] : buffer_) {
    // Ids grow within one writer; a list is keyed by its first id so flushes never collide.
    blob.clear();
    int64_t prev = 0;
    for (int64_t id : ids) {
      PutVarint(static_cast<uint64_t>(id - prev), &blob);
      prev = id;
    }
    insert_postings_.Reset();
    insert_postings_.BindInt64(1, static_cast<int64_t>(term));
    insert_postings_.BindInt64(2, ids.front());
    insert_postings_.BindInt64(3, static_cast<int64_t>(ids.size()));
    insert_postings_.BindBlob(4, blob);
    TMALIGN_RETURN_IF_ERROR(insert_postings_.Run("postings"));
  }
  buffer_.clear();
  buffered_ = 0;
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
