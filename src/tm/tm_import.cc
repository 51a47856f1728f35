#include "tm/tm_import.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "tm/pair_index.h"
#include "tm/sqlite_handle.h"
#include "tm/tm_connection.h"
#include "tm/tmx_reader.h"
#include "tm/unit_text.h"
#include "tm/xliff_reader.h"
#include "util/bounded_queue.h"
#include "util/utc_time.h"

namespace tmalign {
namespace {

// A unit on its way into the TM, from a TMX <tu> or a TSV line.
struct PendingUnit {
  std::string doc_id;
  int64_t position = -1;  // -1: next free position of the document in this import
  std::string src_ids, tgt_ids, source, target, source_markup, target_markup;
  bool has_source_markup = false, has_target_markup = false;
  double confidence = 1.0;
  std::string created_at, changed_at, props;  // props: JSON or empty
  std::string src_lang, tgt_lang;
  int64_t hash = 0;             // PairHash(source, target)
  std::vector<uint64_t> terms;  // PairIndexTerms(source, target); its buffer reused with the unit
  // The stored forms of source and target when compressed (tm/unit_text.h); empty: TEXT.
  std::string source_blob, target_blob;
};

void PrepareUnit(PendingUnit* u) {
  u->hash = PairHash(u->source, u->target);
  PairIndexTerms(u->source, u->target, &u->terms);
}

// Copies `from` into `to`, whose strings keep their buffers: a unit slot of a recycled batch
// is refilled without allocating, and no string is freed on a thread other than its own.
void RefillUnit(PendingUnit&& from, PendingUnit* to) {
  to->doc_id.assign(from.doc_id);
  to->position = from.position;
  to->src_ids.assign(from.src_ids);
  to->tgt_ids.assign(from.tgt_ids);
  to->source.assign(from.source);
  to->target.assign(from.target);
  to->source_markup.assign(from.source_markup);
  to->target_markup.assign(from.target_markup);
  to->has_source_markup = from.has_source_markup;
  to->has_target_markup = from.has_target_markup;
  to->confidence = from.confidence;
  to->created_at.assign(from.created_at);
  to->changed_at.assign(from.changed_at);
  to->props.assign(from.props);
  to->src_lang.assign(from.src_lang);
  to->tgt_lang.assign(from.tgt_lang);
  to->hash = 0;
  to->terms.clear();
  to->source_blob.clear();
  to->target_blob.clear();
}

// Batches the writer is done with, back to the parser to be refilled (RefillUnit): with units
// allocated on the parser's thread and freed on the writer's, glibc's allocator locked its
// arenas for every string (futex wake-ups) and faulted fresh pages in.
class BatchPool {
 public:
  // Keeps `batch` for reuse unless enough are kept already.
  void Put(std::vector<PendingUnit>&& batch) {
    std::lock_guard<std::mutex> lock(mu_);
    if (batches_.size() < kCapacity) batches_.push_back(std::move(batch));
  }
  // A used batch (its units to be refilled), or an empty one.
  std::vector<PendingUnit> Take() {
    std::lock_guard<std::mutex> lock(mu_);
    if (batches_.empty()) return {};
    std::vector<PendingUnit> batch = std::move(batches_.back());
    batches_.pop_back();
    return batch;
  }

 private:
  static constexpr size_t kCapacity = 8;
  std::mutex mu_;
  std::vector<std::vector<PendingUnit>> batches_;
};

// Batches of units from one pipeline stage to the next; bounded, so memory is too.
using UnitQueue = BoundedQueue<std::vector<PendingUnit>>;
constexpr size_t kQueuedBatches = 16;

// Writes units of one import inside one transaction.
class ImportWriter {
 public:
  ImportWriter(TranslationMemory* tm, TmImportSummary* summary) : db_(TmConnection(tm)), summary_(summary) {}
  ~ImportWriter() {
    index_.reset();
    // Rolled back: a dictionary this import stored (and this connection read) is gone.
    if (!committed_) db_->unit_text_dictionaries()->Forget();
    (void)db_->Exec("PRAGMA synchronous = FULL");
    (void)db_->Exec("PRAGMA foreign_keys = ON");
  }

  // The TM's unit text encoder (null: store plain text, or train one: see wants_dictionary()).
  UnitTextEncoder* encoder() { return encoder_.get(); }
  // True when the TM has no dictionary yet: the import may train one on its first units.
  bool wants_dictionary() const { return encoder_ == nullptr && next_dictionary_id_ <= 255; }
  // Takes a dictionary trained on this import's first units (call before handing the writer
  // any unit: Add() stores it with the first).
  Status AdoptDictionary(std::string dict) {
    TMALIGN_RETURN_IF_ERROR(UnitTextEncoder::Create(next_dictionary_id_, dict, &encoder_));
    new_dictionary_ = std::move(dict);
    return Status::Ok();
  }

  // The document's tgt_path (parallel text: the English file); empty for one-file formats.
  void set_target_path(std::string path) { target_path_ = std::move(path); }

  Status Begin() {
    // A bigger page cache keeps the pair_id-hash and unit indexes in memory during large imports.
    TMALIGN_RETURN_IF_ERROR(db_->Exec("PRAGMA cache_size = -131072"));
    // In WAL mode NORMAL skips the sync at commit: a kill -9 still loses nothing committed and
    // never corrupts; a power cut may lose the import (never half of it). Restored afterwards.
    TMALIGN_RETURN_IF_ERROR(db_->Exec("PRAGMA synchronous = NORMAL"));
    // Each unit row's foreign key check looked its document up again; this writer stores the
    // document before its units, so the check could never fail. Restored afterwards (the
    // pragma is a no-op inside a transaction, so it is set before BEGIN).
    TMALIGN_RETURN_IF_ERROR(db_->Exec("PRAGMA foreign_keys = OFF"));
    TMALIGN_RETURN_IF_ERROR(txn_.Begin());
    TMALIGN_RETURN_IF_ERROR(PairIndexWriter::Create(db_, &index_));
    TMALIGN_RETURN_IF_ERROR(index_->DeferHashIndex());
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
        db_,
        "INSERT INTO documents (id, src_lang, tgt_lang, src_path, tgt_path, created_at, updated_at, "
        "imported_at)"
        " VALUES (?1, ?2, ?3, ?4, ?6, ?5, ?5, ?5)"
        " ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, imported_at = excluded.imported_at",
        &upsert_doc_));
    TMALIGN_RETURN_IF_ERROR(LoadDictionary());
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db_, "DELETE FROM units WHERE doc_id = ?1", &erase_));
    const std::string insert =
        "INSERT INTO units (doc_id, position, src_ids, tgt_ids, source, target, confidence, created_at,"
        " segment_id, source_markup, target_markup, changed_at, props) VALUES ";
    const std::string row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db_, insert + row, &insert_));
    std::string rows = row;
    for (size_t i = 1; i < kUnitRowsPerInsert; ++i) rows += ", " + row;
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(db_, insert + rows, &insert_many_));
    now_ = UtcNowIso8601();
    return Status::Ok();
  }

  Status Add(PendingUnit& u, const std::string& path) {
    if (!new_dictionary_.empty()) {
      SqliteStatement insert;
      TMALIGN_RETURN_IF_ERROR(
          SqliteStatement::Prepare(db_, "INSERT INTO text_dictionaries (id, dict) VALUES (?1, ?2)", &insert));
      insert.BindInt64(1, next_dictionary_id_);
      insert.BindBlob(2, new_dictionary_);
      TMALIGN_RETURN_IF_ERROR(insert.Run("unit text dictionary"));
      new_dictionary_.clear();
    }
    auto it = next_position_.find(u.doc_id);
    if (it == next_position_.end()) {
      // First unit of this document in this file: the document is replaced whole. The rows
      // waiting go in first: erasing the old units drops pairs no stored unit points at.
      TMALIGN_RETURN_IF_ERROR(InsertRows());
      upsert_doc_.Reset();
      upsert_doc_.BindText(1, u.doc_id);
      upsert_doc_.BindText(2, u.src_lang);
      upsert_doc_.BindText(3, u.tgt_lang);
      upsert_doc_.BindText(4, path);
      upsert_doc_.BindText(5, now_);
      upsert_doc_.BindText(6, target_path_);
      TMALIGN_RETURN_IF_ERROR(upsert_doc_.Run("document '" + u.doc_id + "'"));
      erase_.Reset();
      erase_.BindText(1, u.doc_id);
      TMALIGN_RETURN_IF_ERROR(erase_.Run());
      it = next_position_.emplace(u.doc_id, 0).first;
      summary_->documents.push_back(u.doc_id);
    }
    // A variant language other than the document's (zh-Hant in a zh-CN file) is kept for export
    // in props, under a type starting with NUL, which no XML prop type can contain.
    auto& langs = doc_langs_.try_emplace(u.doc_id, u.src_lang, u.tgt_lang).first->second;
    if (u.src_lang != langs.first || u.tgt_lang != langs.second) {
      nlohmann::json props = u.props.empty() ? nlohmann::json::array() : nlohmann::json::parse(u.props);
      if (u.src_lang != langs.first) props.push_back({std::string("\0src-lang", 9), u.src_lang});
      if (u.tgt_lang != langs.second) props.push_back({std::string("\0tgt-lang", 9), u.tgt_lang});
      u.props = props.dump();
    }
    if (u.position < 0) u.position = it->second;
    it->second = std::max(it->second, u.position + 1);

    // A unit's row waits for a statement of kUnitRowsPerInsert rows, unless finding its pair
    // reads the units stored so far (a pair seen before: they must hold the waiting ones).
    if (!rows_.empty() && index_->MayReadUnits(u.hash)) TMALIGN_RETURN_IF_ERROR(InsertRows());
    int64_t pair_id = 0;
    TMALIGN_RETURN_IF_ERROR(index_->FindOrCreate(u.source, u.target, u.hash, u.terms, &pair_id));
    rows_.push_back(Row{&u, pair_id});
    ++summary_->units;
    if (rows_.size() == kUnitRowsPerInsert) return InsertRows();
    return Status::Ok();
  }

  // Inserts the units added and not yet inserted. Call before the units passed to Add() are
  // gone (their texts are bound without a copy).
  Status InsertRows() {
    if (rows_.size() == kUnitRowsPerInsert) {
      for (size_t i = 0; i < rows_.size(); ++i) Bind(&insert_many_, static_cast<int>(13 * i), rows_[i]);
      const bool inserted = insert_many_.Run().ok();
      insert_many_.Reset();
      if (inserted) {
        rows_.clear();
        return Status::Ok();
      }
      // The statement inserted none of its rows: one at a time, to name the unit that fails.
    }
    for (const Row& r : rows_) {
      Bind(&insert_, 0, r);
      // The error context is built only on failure: formatting it for every row costs.
      if (!insert_.Run().ok()) {
        Status error = db_->Error(
            sqlite3_extended_errcode(db_->get()),
            "document '" + r.unit->doc_id + "' unit at position " + std::to_string(r.unit->position));
        insert_.Reset();
        rows_.clear();
        return error;
      }
      insert_.Reset();
    }
    rows_.clear();
    return Status::Ok();
  }

  Status Commit() {
    TMALIGN_RETURN_IF_ERROR(InsertRows());
    TMALIGN_RETURN_IF_ERROR(index_->Flush());
    summary_->new_pairs = index_->pairs_created();
    index_.reset();
    upsert_doc_ = SqliteStatement();
    erase_ = SqliteStatement();
    insert_ = SqliteStatement();
    insert_many_ = SqliteStatement();
    TMALIGN_RETURN_IF_ERROR(txn_.Commit());
    committed_ = true;
    return Status::Ok();
  }

 private:
  SqliteDb* db_;
  TmImportSummary* summary_;
  SqliteTransaction txn_{db_};
  std::unique_ptr<PairIndexWriter> index_;
  // A unit waiting for its row, with its pair.
  struct Row {
    PendingUnit* unit;
    int64_t pair_id;
  };
  // Rows to a statement: per-statement work (cursors on the table and its three indexes
  // opened and closed, step, reset) was a large part of inserting a unit.
  static constexpr size_t kUnitRowsPerInsert = 16;
  // Binds row `r` to parameters first + 1 ... first + 13 of `st`, texts without a copy.
  static void Bind(SqliteStatement* st, int first, const Row& r) {
    const PendingUnit& u = *r.unit;
    st->BindTextNoCopy(first + 1, u.doc_id);
    st->BindInt64(first + 2, u.position);
    st->BindTextNoCopy(first + 3, u.src_ids);
    st->BindTextNoCopy(first + 4, u.tgt_ids);
    if (u.source_blob.empty()) {
      st->BindTextNoCopy(first + 5, u.source);
    } else {
      st->BindBlobNoCopy(first + 5, u.source_blob);
    }
    if (u.target_blob.empty()) {
      st->BindTextNoCopy(first + 6, u.target);
    } else {
      st->BindBlobNoCopy(first + 6, u.target_blob);
    }
    st->BindDouble(first + 7, u.confidence);
    // '' = the document's imported_at (now_): the same 20 bytes are not repeated on every unit.
    st->BindTextNoCopy(first + 8, u.created_at);
    st->BindInt64(first + 9, r.pair_id);
    if (u.has_source_markup) st->BindTextNoCopy(first + 10, u.source_markup);
    if (u.has_target_markup) st->BindTextNoCopy(first + 11, u.target_markup);
    if (!u.changed_at.empty()) st->BindTextNoCopy(first + 12, u.changed_at);
    if (!u.props.empty()) st->BindTextNoCopy(first + 13, u.props);
  }
  std::vector<Row> rows_;
  SqliteStatement upsert_doc_, erase_, insert_, insert_many_;
  std::map<std::string, int64_t> next_position_;
  std::map<std::string, std::pair<std::string, std::string>> doc_langs_;
  Status LoadDictionary() {
    SqliteStatement last;
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
        db_, "SELECT id, dict FROM text_dictionaries ORDER BY id DESC LIMIT 1", &last));
    bool has_row = false;
    TMALIGN_RETURN_IF_ERROR(last.Step(&has_row));
    if (!has_row) return Status::Ok();
    next_dictionary_id_ = last.ColumnInt64(0) + 1;
    return UnitTextEncoder::Create(last.ColumnInt64(0), last.ColumnBlob(1), &encoder_);
  }

  std::string now_;
  std::string target_path_;
  bool committed_ = false;
  std::unique_ptr<UnitTextEncoder> encoder_;
  int64_t next_dictionary_id_ = 1;
  std::string new_dictionary_;  // trained by this import, stored with its first unit
};

std::string DefaultDocId(const std::string& path, const TmImportOptions& options) {
  if (!options.doc_id.empty()) return options.doc_id;
  return std::filesystem::path(path).stem().string();
}

bool ParseNumber(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

// Hands units to the pipeline; fails when the writer has stopped (on an error it reports itself).
using EmitUnit = std::function<Status(PendingUnit&& unit)>;
// Reads a file and emits its units in order.
using UnitProducer = std::function<Status(const EmitUnit& emit)>;

// A pipeline of three threads and this one: the producer reads the file (tm/tmx_reader,
// tm/xliff_reader, two text files) and computes each unit's hash and index terms; the second
// compresses the texts (tm/unit_text.h; training the dictionary first when the TM has none),
// about as much work again; this thread writes to SQLite; the pair index builds posting lists
// on a fourth. Hashing on the parser's thread and compressing on another balances the two
// cores: with both on one thread, that thread alone was nearly half the import's CPU time.
Status RunImportPipeline(const UnitProducer& produce, const std::string& path, const TmImportOptions& options,
                         ImportWriter* writer, TmImportSummary* summary) {
  constexpr size_t kBatchUnits = 512;
  UnitQueue parsed(kQueuedBatches), queue(kQueuedBatches);
  BatchPool pool;
  Status parse_status;
  std::thread parser([&] {
    // The first `filled` units of `batch` are this batch's; the rest are slots to refill.
    std::vector<PendingUnit> batch = pool.Take();
    size_t filled = 0;
    parse_status = produce([&](PendingUnit&& u) -> Status {
      if (filled < batch.size()) {
        RefillUnit(std::move(u), &batch[filled]);
      } else {
        batch.push_back(std::move(u));
      }
      PrepareUnit(&batch[filled++]);
      if (filled >= kBatchUnits) {
        batch.resize(filled);
        if (!parsed.Push(std::move(batch))) return Status::Internal("import stopped");
        batch = pool.Take();
        filled = 0;
      }
      return Status::Ok();
    });
    if (parse_status.ok() && filled > 0) {
      batch.resize(filled);
      parsed.Push(std::move(batch));
    }
    parsed.Close();
  });
  Status prepare_status;
  std::thread preparer([&] {
    // Until the TM has a dictionary, the first units are held back to train one on.
    std::vector<std::vector<PendingUnit>> held;
    size_t held_units = 0;
    bool training = writer->wants_dictionary();
    // Compresses the texts of `units` and hands them on; false when the pipeline must stop.
    auto pass_on = [&](std::vector<PendingUnit>&& units) {
      if (UnitTextEncoder* encoder = writer->encoder(); encoder != nullptr) {
        for (PendingUnit& u : units) {
          prepare_status = encoder->Encode(u.source, &u.source_blob);
          if (prepare_status.ok()) prepare_status = encoder->Encode(u.target, &u.target_blob);
          if (!prepare_status.ok()) return false;
        }
      }
      return queue.Push(std::move(units));
    };
    auto release_held = [&](bool train) {
      training = false;
      if (train) {
        std::vector<std::string_view> samples;
        for (const auto& batch : held) {
          for (const PendingUnit& u : batch) {
            samples.push_back(u.source);
            samples.push_back(u.target);
          }
        }
        std::string dict;
        TrainUnitTextDictionary(samples, &dict);
        if (!dict.empty()) {
          prepare_status = writer->AdoptDictionary(std::move(dict));
          if (!prepare_status.ok()) return false;
        }
      }
      for (auto& batch : held) {
        if (!pass_on(std::move(batch))) return false;
      }
      held.clear();
      return true;
    };
    std::vector<PendingUnit> units;
    bool go_on = true;
    while (go_on && parsed.Pop(&units)) {
      if (training) {
        held_units += units.size();
        held.push_back(std::move(units));
        if (held_units >= kUnitTextTrainingUnits) go_on = release_held(true);
      } else {
        go_on = pass_on(std::move(units));
      }
    }
    // Fewer units than a dictionary needs: they stay plain text.
    if (go_on && training) go_on = release_held(false);
    if (!go_on) {
      queue.Stop();
      parsed.Stop();  // the writer stopped (or encoding failed): stop the parser too
    }
    queue.Close();
  });
  Status write_status;
  std::vector<PendingUnit> got;
  while (queue.Pop(&got)) {
    for (PendingUnit& u : got) {
      write_status = writer->Add(u, path);
      if (!write_status.ok()) break;
      if (options.progress && summary->units % 4096 == 0) options.progress(summary->units);
      if (options.stop && summary->units % 4096 == 0 && options.stop()) {
        write_status = Status::IoError(path + ": import stopped");
        break;
      }
    }
    // The batch goes back to the parser's pool (its units refilled): their rows go in first.
    if (write_status.ok()) write_status = writer->InsertRows();
    if (!write_status.ok()) {
      queue.Stop();
      break;
    }
    pool.Put(std::move(got));
  }
  preparer.join();
  parser.join();
  TMALIGN_RETURN_IF_ERROR(write_status);
  TMALIGN_RETURN_IF_ERROR(prepare_status);
  return parse_status;
}

// Moves the x-tmalign-* props of `tu` (written by tmalign export) into `u`; a value that does
// not parse is kept as an ordinary prop. Returns the other props, in order, as a JSON array.
nlohmann::json TakeTmalignProps(TmxUnit* tu, PendingUnit* u) {
  nlohmann::json other = nlohmann::json::array();
  for (auto& [type, value] : tu->props) {
    double number = 0;
    if (type == "x-tmalign-doc" && !value.empty()) {
      u->doc_id = std::move(value);
    } else if (type == "x-tmalign-position" && ParseNumber(value, &number) && number >= 0) {
      u->position = static_cast<int64_t>(number);
    } else if (type == "x-tmalign-src-ids") {
      u->src_ids = std::move(value);
    } else if (type == "x-tmalign-tgt-ids") {
      u->tgt_ids = std::move(value);
    } else if (type == "x-tmalign-confidence" && ParseNumber(value, &number) && number >= 0 && number <= 1) {
      u->confidence = number;
    } else if (type == "x-tmalign-created") {
      u->created_at = std::move(value);
    } else if (type == "x-tmalign-changed") {
      u->changed_at = std::move(value);
    } else {
      other.push_back({type, value});
    }
  }
  return other;
}

// The first variant of each language family: [0] the source (family `src_family`), [1] the
// other of zh and en; null where the unit has none.
std::array<TmxVariant*, 2> PickVariants(TmxUnit* tu, const std::string& src_family) {
  std::array<TmxVariant*, 2> variant = {nullptr, nullptr};
  for (TmxVariant& v : tu->variants) {
    const std::string family = LanguageFamily(v.lang);
    const int side = family.empty() ? -1 : (family == src_family ? 0 : 1);
    if (side >= 0 && variant[side] == nullptr) variant[side] = &v;
  }
  return variant;
}

// How a skipped unit is counted in the summary: its languages, sorted ("de+fr").
std::string SkippedLanguagesKey(const TmxUnit& tu) {
  std::vector<std::string> langs;
  for (const TmxVariant& v : tu.variants) langs.push_back(v.lang);
  std::sort(langs.begin(), langs.end());
  std::string key;
  for (const std::string& l : langs) key += (key.empty() ? "" : "+") + (l.empty() ? "?" : l);
  return key.empty() ? "(no variants)" : key;
}

// Moves the languages, texts and markup of the two variants into `u`.
void TakeVariants(TmxVariant* source, TmxVariant* target, PendingUnit* u) {
  u->src_lang = std::move(source->lang);
  u->tgt_lang = std::move(target->lang);
  u->source = std::move(source->text);
  u->target = std::move(target->text);
  u->has_source_markup = source->markup.has_value();
  u->has_target_markup = target->markup.has_value();
  if (u->has_source_markup) u->source_markup = std::move(*source->markup);
  if (u->has_target_markup) u->target_markup = std::move(*target->markup);
}

// Each TMX unit with a zh and an en variant becomes a PendingUnit; the others are counted.
Status ProduceTmxUnits(const std::string& path, const TmImportOptions& options, const EmitUnit& emit,
                       TmImportSummary* summary) {
  const std::string default_doc = DefaultDocId(path, options);
  std::string src_family = "zh";
  TmxReadHandlers h;
  h.on_header = [&](const TmxHeader& header) {
    // An English-source TMX keeps English as source; anything else is stored zh -> en.
    if (LanguageFamily(header.src_lang) == "en") src_family = "en";
    return Status::Ok();
  };
  h.on_unit = [&](TmxUnit&& tu) -> Status {
    PendingUnit u;
    u.doc_id = default_doc;
    const nlohmann::json other = TakeTmalignProps(&tu, &u);
    const std::array<TmxVariant*, 2> variant = PickVariants(&tu, src_family);
    if (variant[0] == nullptr || variant[1] == nullptr) {
      ++summary->skipped;
      ++summary->skipped_languages[SkippedLanguagesKey(tu)];
      return Status::Ok();
    }
    // The x-tmalign props, written by tmalign itself, win over the TMX dates.
    if (u.created_at.empty()) u.created_at = std::move(tu.created_at);
    if (u.changed_at.empty()) u.changed_at = std::move(tu.changed_at);
    TakeVariants(variant[0], variant[1], &u);
    if (!other.empty()) u.props = other.dump();
    return emit(std::move(u));
  };
  return ReadTmx(path, h);
}

// Target states that mean "translated" (1.2: translated, final, signed-off; 2.x: translated,
// reviewed, final: 2.x's reviewed comes after translated, so it counts too), and the CAT
// tools' own statuses that mean the same (tm/xliff_reader.h): Trados Studio's confirmed and
// approved segments, memoQ's segments confirmed by the translator or a reviewer.
bool IsTranslatedState(const std::string& state) {
  static const std::set<std::string, std::less<>> kStandard = {"translated", "final", "signed-off",
                                                               "reviewed"};
  static const std::set<std::string, std::less<>> kTools = {
      "sdl:Translated",        "sdl:ApprovedTranslation", "sdl:ApprovedSignOff", "mq:ManuallyConfirmed",
      "mq:Reviewer1Confirmed", "mq:Reviewer2Confirmed",   "mq:Proofread"};
  return kStandard.count(state) > 0 || kTools.count(state) > 0;
}

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Each translated XLIFF segment of a Chinese-English file becomes a PendingUnit; the others are
// counted by state. A file without both languages, or not Chinese and English, is an error.
Status ProduceXliffUnits(const std::string& path, const TmImportOptions& options, const EmitUnit& emit,
                         TmImportSummary* summary) {
  const std::string default_doc = DefaultDocId(path, options);
  XliffReadHandlers h;
  h.on_file = [&](const XliffFile& file) -> Status {
    const bool v1 = file.version.rfind("1.", 0) == 0;
    const std::string where = path + ":" + std::to_string(file.line) + ":" + std::to_string(file.column);
    if (file.src_lang.empty()) {
      return Status::InvalidInput(where + ": no source language (" +
                                  (v1 ? "<file source-language=\"…\">" : "<xliff srcLang=\"…\">") + ")");
    }
    if (file.tgt_lang.empty()) {
      return Status::InvalidInput(where + ": no target language (" +
                                  (v1 ? "<file target-language=\"…\">" : "<xliff trgLang=\"…\">") +
                                  "); tmalign needs it to know the units are Chinese-English");
    }
    const std::string src = LanguageFamily(file.src_lang), tgt = LanguageFamily(file.tgt_lang);
    if (src.empty() || tgt.empty() || src == tgt) {
      return Status::InvalidInput(where + ": languages " + file.src_lang + " -> " + file.tgt_lang +
                                  ": tmalign stores Chinese-English units");
    }
    return Status::Ok();
  };
  h.on_unit = [&](XliffUnit&& xu) -> Status {
    if (!xu.translate) {  // locked text (Trados writes its codes between paragraphs so)
      summary->skipped += xu.segments.size();
      summary->skipped_states["not translatable"] += xu.segments.size();
      return Status::Ok();
    }
    for (XliffSegment& seg : xu.segments) {
      const bool translated = xu.approved || IsTranslatedState(seg.state);
      if (!seg.target || IsBlank(seg.target->text) || !translated) {
        ++summary->skipped;
        ++summary->skipped_states[!seg.target || IsBlank(seg.target->text) ? "no target"
                                  : seg.state.empty()                      ? "no state"
                                                                           : seg.state];
        continue;
      }
      PendingUnit u;
      u.doc_id = default_doc;
      TakeVariants(&seg.source, &*seg.target, &u);
      TMALIGN_RETURN_IF_ERROR(emit(std::move(u)));
    }
    return Status::Ok();
  };
  return ReadXliff(path, h);
}

// Checks UTF-8 well-formedness; returns the byte offset of the first bad byte or npos.
size_t InvalidUtf8At(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size() || (len == 2 && c < 0xC2)) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string::npos;
}

// Each source<TAB>target line becomes a PendingUnit; blank lines are skipped.
Status ProduceTsvUnits(const std::string& path, const TmImportOptions& options, const EmitUnit& emit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open file");
  std::string line;
  int64_t line_no = 0;
  uint64_t offset = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const uint64_t line_offset = offset;
    offset += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    size_t bad = InvalidUtf8At(line);
    if (bad != std::string::npos) {
      return Status::InvalidInput(path + ": invalid UTF-8 at byte offset " +
                                  std::to_string(line_offset + bad) + " (line " + std::to_string(line_no) +
                                  ")");
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": expected source<TAB>target");
    }
    PendingUnit u;
    u.doc_id = DefaultDocId(path, options);
    u.source = line.substr(0, tab);
    u.target = line.substr(tab + 1);
    if (u.target.find('\t') != std::string::npos) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": more than two columns");
    }
    TMALIGN_RETURN_IF_ERROR(emit(std::move(u)));
  }
  if (in.bad()) return Status::IoError(path + ": read error");
  return Status::Ok();
}

// One line of a parallel file: BOM (first line) and CR dropped, UTF-8 checked.
class ParallelLines {
 public:
  explicit ParallelLines(const std::string& path) : path_(path), in_(path, std::ios::binary) {}
  Status Open() const {
    if (!in_) return Status::IoError(path_ + ": cannot open file");
    return Status::Ok();
  }
  // The next line into *line; false at the end (check status()).
  bool Next(std::string* line) {
    if (!std::getline(in_, *line)) return false;
    ++line_no_;
    const uint64_t line_offset = offset_;
    offset_ += line->size() + 1;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    if (line_no_ == 1 && line->rfind("\xEF\xBB\xBF", 0) == 0) line->erase(0, 3);
    const size_t bad = InvalidUtf8At(*line);
    if (bad != std::string::npos) {
      status_ = Status::InvalidInput(path_ + ":" + std::to_string(line_no_) +
                                     ": invalid UTF-8 at byte offset " + std::to_string(line_offset + bad));
      return false;
    }
    return true;
  }
  Status status() const {
    if (!status_.ok()) return status_;
    if (in_.bad()) return Status::IoError(path_ + ": read error");
    return Status::Ok();
  }
  int64_t line_no() const { return line_no_; }
  // Counts the lines left (for the message about different lengths).
  int64_t CountRest() {
    std::string line;
    while (std::getline(in_, line)) ++line_no_;
    return line_no_;
  }

 private:
  std::string path_;
  std::ifstream in_;
  int64_t line_no_ = 0;
  uint64_t offset_ = 0;
  Status status_;
};

// Line i of zh_path and line i of en_path become a unit. A line pair empty (blank) on both
// sides is skipped without a count (blank lines between blocks); a pair with one side blank
// is skipped and counted (corpus filters blank out what they drop). Files of different line
// counts are an error naming both files and both counts.
Status ProduceParallelUnits(const std::string& zh_path, const std::string& en_path,
                            const TmImportOptions& options, const EmitUnit& emit, TmImportSummary* summary) {
  ParallelLines zh(zh_path), en(en_path);
  TMALIGN_RETURN_IF_ERROR(zh.Open());
  TMALIGN_RETURN_IF_ERROR(en.Open());
  const std::string doc_id = DefaultDocId(zh_path, options);
  std::string zh_line, en_line;
  while (true) {
    const bool has_zh = zh.Next(&zh_line);
    TMALIGN_RETURN_IF_ERROR(zh.status());
    const bool has_en = en.Next(&en_line);
    TMALIGN_RETURN_IF_ERROR(en.status());
    if (has_zh != has_en) {
      const int64_t zh_lines = has_zh ? zh.CountRest() : zh.line_no();
      const int64_t en_lines = has_en ? en.CountRest() : en.line_no();
      return Status::InvalidInput(zh_path + " has " + std::to_string(zh_lines) + " lines but " + en_path +
                                  " has " + std::to_string(en_lines) +
                                  ": parallel files must have one line per line (" +
                                  (has_zh ? en_path : zh_path) + " ends at line " +
                                  std::to_string((has_zh ? en_lines : zh_lines) + 1) + ")");
    }
    if (!has_zh) break;
    const bool zh_blank = IsBlank(zh_line), en_blank = IsBlank(en_line);
    if (zh_blank && en_blank) continue;
    if (zh_blank || en_blank) {
      ++summary->skipped;
      ++summary->skipped_states[zh_blank ? "Chinese line empty" : "English line empty"];
      continue;
    }
    PendingUnit u;
    u.doc_id = doc_id;
    u.src_lang = "zh";
    u.tgt_lang = "en";
    u.source = std::move(zh_line);
    u.target = std::move(en_line);
    TMALIGN_RETURN_IF_ERROR(emit(std::move(u)));
  }
  return Status::Ok();
}

}  // namespace

std::string LanguageFamily(const std::string& code) {
  std::string lower;
  for (char c : code) {
    if (c == '_' || c == '-') break;
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (lower == "zh" || lower == "cmn" || lower == "chi" || lower == "zho") return "zh";
  if (lower == "en" || lower == "eng") return "en";
  return "";
}

// An empty file holds no units: an error whatever its format, not an import of nothing.
Status RefuseEmptyFile(const std::string& path) {
  std::error_code size_error;
  if (std::filesystem::file_size(path, size_error) == 0 && !size_error)
    return Status::InvalidInput(path + ": file is empty");  // as text/encoding words it
  return Status::Ok();
}

Status DetectTmFileFormat(const std::string& path, TmFileFormat* format) {
  TMALIGN_RETURN_IF_ERROR(RefuseEmptyFile(path));
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".tmx") {
    *format = TmFileFormat::kTmx;
  } else if (ext == ".xlf" || ext == ".xliff" || ext == ".sdlxliff" || ext == ".mqxliff") {
    *format = TmFileFormat::kXliff;
  } else if (ext == ".tsv") {
    *format = TmFileFormat::kTsv;
  } else {
    // Another name: the root element of an XML file tells (the first 4 KB hold it).
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot open file");
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    size_t pos = 0;
    std::string root;
    while ((pos = head.find('<', pos)) != std::string::npos) {
      ++pos;
      if (pos < head.size() && (head[pos] == '?' || head[pos] == '!')) continue;
      size_t end = head.find_first_of(" \t\r\n/>", pos);
      root = head.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
      break;
    }
    if (root == "tmx") {
      *format = TmFileFormat::kTmx;
    } else if (root == "xliff") {
      *format = TmFileFormat::kXliff;
    } else {
      return Status::Usage(path +
                           ": unknown file type (expected .tmx, .xlf/.xliff/.sdlxliff/.mqxliff or .tsv, or a "
                           "TMX or XLIFF file)");
    }
  }
  return Status::Ok();
}

Status ImportTmFile(TranslationMemory* tm, const std::string& path, const TmImportOptions& options,
                    TmImportSummary* summary) {
  *summary = TmImportSummary();
  TmFileFormat format;
  TMALIGN_RETURN_IF_ERROR(DetectTmFileFormat(path, &format));
  ImportWriter writer(tm, summary);
  TMALIGN_RETURN_IF_ERROR(writer.Begin());
  Status s;
  switch (format) {
    case TmFileFormat::kTmx:
      s = RunImportPipeline(
          [&](const EmitUnit& emit) { return ProduceTmxUnits(path, options, emit, summary); }, path, options,
          &writer, summary);
      break;
    case TmFileFormat::kXliff:
      s = RunImportPipeline(
          [&](const EmitUnit& emit) { return ProduceXliffUnits(path, options, emit, summary); }, path,
          options, &writer, summary);
      break;
    case TmFileFormat::kTsv:
      s = RunImportPipeline([&](const EmitUnit& emit) { return ProduceTsvUnits(path, options, emit); }, path,
                            options, &writer, summary);
      break;
  }
  if (!s.ok()) {
    *summary = TmImportSummary();  // the transaction rolls back: nothing of the file stays
    return s;
  }
  if (options.stop && options.stop()) {
    *summary = TmImportSummary();
    return Status::IoError(path + ": import stopped");
  }
  return writer.Commit();
}

Status ImportParallelFiles(TranslationMemory* tm, const std::string& zh_path, const std::string& en_path,
                           const TmImportOptions& options, TmImportSummary* summary) {
  *summary = TmImportSummary();
  TMALIGN_RETURN_IF_ERROR(RefuseEmptyFile(zh_path));
  TMALIGN_RETURN_IF_ERROR(RefuseEmptyFile(en_path));
  ImportWriter writer(tm, summary);
  writer.set_target_path(en_path);
  TMALIGN_RETURN_IF_ERROR(writer.Begin());
  Status s = RunImportPipeline(
      [&](const EmitUnit& emit) { return ProduceParallelUnits(zh_path, en_path, options, emit, summary); },
      zh_path, options, &writer, summary);
  if (!s.ok()) {
    *summary = TmImportSummary();
    return s;
  }
  return writer.Commit();
}

}  // namespace tmalign
