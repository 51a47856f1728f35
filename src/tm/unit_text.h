// How a unit's source and target are stored: as TEXT, or compressed with zstd and a
// dictionary trained on the TM's own units (a large import trains one; texts that would not
// shrink stay TEXT, so a short TM is plain text throughout).
//
// A compressed value is a BLOB: byte 0 is the dictionary's id (table text_dictionaries, 1-255),
// the rest a zstd frame without its 4-byte magic number, with its content size, without
// checksum or dictionary id (SQLite checks pages; byte 0 names the dictionary).
//
// Every reader goes through one decode function, DecodeUnitText, which SQL reaches as
// tm_text(column): `SELECT tm_text(source), tm_text(target) FROM units ...` reads both kinds.
// Writers may store either kind; the same text with the same dictionary always encodes to
// the same bytes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tm/sqlite_handle.h"
#include "util/status.h"

namespace tmalign {

// Units an import reads before it trains a dictionary; an import with fewer stores plain text
// (a dictionary costs 64 KB). Training on 4x more units took 4x longer (2 s) for 1% smaller texts.
constexpr size_t kUnitTextTrainingUnits = 5000;

// Trains a dictionary on `samples` (unit texts); *dict is empty when they are too few or too
// alike to train one (then texts stay plain).
void TrainUnitTextDictionary(const std::vector<std::string_view>& samples, std::string* dict);

// Compresses unit texts with one dictionary. One thread at a time.
class UnitTextEncoder {
 public:
  // `id`: the dictionary's row in text_dictionaries (1-255).
  static Status Create(int64_t id, std::string_view dict, std::unique_ptr<UnitTextEncoder>* out);
  ~UnitTextEncoder();
  UnitTextEncoder(const UnitTextEncoder&) = delete;
  UnitTextEncoder& operator=(const UnitTextEncoder&) = delete;

  // The stored form of `text` into *blob, or an empty *blob when the text is best stored
  // as TEXT (empty, or not smaller compressed).
  Status Encode(std::string_view text, std::string* blob);

 private:
  struct Impl;
  explicit UnitTextEncoder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The dictionaries one connection has read (decoding state included). Dictionary rows are
// never changed once committed; a writer that stored one and rolled back calls Forget().
class UnitTextDictionaries {
 public:
  UnitTextDictionaries();
  ~UnitTextDictionaries();
  void Forget();

 private:
  friend Status DecodeUnitText(SqliteDb* db, std::string_view blob, std::string* text);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The one decode function: a compressed value (see above) back to its text, reading the
// dictionary from `db` on first use.
Status DecodeUnitText(SqliteDb* db, std::string_view blob, std::string* text);

// Registers tm_text(value) on `db` (SqliteDb::Open does it for every connection): TEXT and
// NULL as they are, a BLOB through DecodeUnitText.
Status RegisterUnitTextFunction(SqliteDb* db);

}  // namespace tmalign
