#include "tm/shared_snapshot.h"

#include <sqlite3.h>

#include "tm/tm_connection.h"

namespace tmalign {
namespace {

// Snapshots taken again at most this often when another process commits in between; each
// try takes a fraction of a millisecond, so only a writer committing nonstop exhausts them.
constexpr int kAttempts = 8;

bool InTransaction(TranslationMemory* tm) { return sqlite3_get_autocommit(TmConnection(tm)->get()) == 0; }

// Begins a snapshot on `tm` and takes it now (SQLite takes it at the first read): *version is
// tm's data version in it, which changes when another connection has committed since tm's
// previous read.
Status BeginNow(TranslationMemory* tm, std::vector<std::unique_ptr<TmSnapshot>>* snapshots,
                int64_t* version) {
  snapshots->push_back(std::make_unique<TmSnapshot>(tm));
  TMALIGN_RETURN_IF_ERROR(snapshots->back()->Begin());
  return TmConnection(tm)->QueryInt("PRAGMA data_version", version);
}

}  // namespace

TmSharedSnapshot::TmSharedSnapshot() = default;
TmSharedSnapshot::~TmSharedSnapshot() = default;

Status TmSharedSnapshot::Begin(TranslationMemory* tm, const std::vector<TranslationMemory*>& others,
                               bool* shared) {
  *shared = false;
  TMALIGN_RETURN_IF_ERROR(End());
  bool free = !InTransaction(tm);
  for (TranslationMemory* o : others) free = free && !InTransaction(o);
  for (int attempt = 0; free && !others.empty() && attempt < kAttempts; ++attempt) {
    // before == after: nothing was committed between tm's two reads, so every snapshot taken
    // between them (the others') shows the state tm's shows.
    int64_t before = 0, after = 0, ignored = 0;
    TMALIGN_RETURN_IF_ERROR(TmConnection(tm)->QueryInt("PRAGMA data_version", &before));
    for (TranslationMemory* o : others) TMALIGN_RETURN_IF_ERROR(BeginNow(o, &snapshots_, &ignored));
    TMALIGN_RETURN_IF_ERROR(BeginNow(tm, &snapshots_, &after));
    if (before == after) {
      *shared = true;
      return Status::Ok();
    }
    TMALIGN_RETURN_IF_ERROR(End());
  }
  snapshots_.push_back(std::make_unique<TmSnapshot>(tm));
  return snapshots_.back()->Begin();
}

Status TmSharedSnapshot::End() {
  Status first = Status::Ok();
  for (auto& s : snapshots_) {
    Status ended = s->End();
    if (first.ok() && !ended.ok()) first = ended;
  }
  snapshots_.clear();
  return first;
}

}  // namespace tmalign
