// One state of a TM read through several connections at once: work split over threads, each
// thread with a connection of its own (a TranslationMemory is not thread-safe), sees the TM
// as one TmSnapshot would show it, whatever other processes commit meanwhile.
#pragma once

#include <memory>
#include <vector>

#include "tm/translation_memory.h"
#include "util/status.h"

namespace tmalign {

class TmSharedSnapshot {
 public:
  TmSharedSnapshot();
  ~TmSharedSnapshot();
  TmSharedSnapshot(const TmSharedSnapshot&) = delete;
  TmSharedSnapshot& operator=(const TmSharedSnapshot&) = delete;

  // Begins a snapshot on `tm` and on each of `others` (connections to tm's file, none of them
  // inside a transaction) that all read one state of the TM. SQLite takes each connection's
  // snapshot at its own first read, so a commit between two of them is detected (tm's data
  // version before and after) and the snapshots are taken again, a few times at most. When
  // they never agree (commits keep coming), or when `tm` or another connection is already
  // inside a transaction, *shared is false and only `tm` holds a snapshot (as TmSnapshot):
  // read through `tm` alone then.
  Status Begin(TranslationMemory* tm, const std::vector<TranslationMemory*>& others, bool* shared);
  // Ends every snapshot begun.
  Status End();

 private:
  std::vector<std::unique_ptr<TmSnapshot>> snapshots_;
};

}  // namespace tmalign
