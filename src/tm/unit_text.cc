#include "tm/unit_text.h"

#include <sqlite3.h>
#include <zdict.h>
#include <zstd.h>

#include <cstring>

namespace tmalign {
namespace {

// Every zstd frame starts with these 4 bytes (little-endian 0xFD2FB528): not stored.
constexpr char kZstdMagic[4] = {'\x28', '\xB5', '\x2F', '\xFD'};
// Level 2: with a dictionary, unit texts shrink to about half; level 3 (zstd's default) was
// 6 bytes a unit smaller and took a quarter more of the compressor's time (100k bench units).
constexpr int kLevel = 2;
// Bigger dictionaries gained little on unit texts and cost training time.
constexpr size_t kDictionaryBytes = 64 << 10;
// A decoded text larger than this is taken for a damaged value.
constexpr unsigned long long kMaxTextBytes = 64ull << 20;

}  // namespace

void TrainUnitTextDictionary(const std::vector<std::string_view>& samples, std::string* dict) {
  dict->clear();
  std::string joined;
  std::vector<size_t> sizes;
  for (std::string_view s : samples) {
    if (s.empty()) continue;
    joined.append(s);
    sizes.push_back(s.size());
  }
  // zstd's trainer needs many samples and refuses inputs too small for its dictionary.
  if (sizes.size() < 1000 || joined.size() < 10 * kDictionaryBytes) return;
  std::string out(kDictionaryBytes, '\0');
  const size_t size = ZDICT_trainFromBuffer(out.data(), out.size(), joined.data(), sizes.data(),
                                            static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(size)) return;
  out.resize(size);
  *dict = std::move(out);
}

struct UnitTextEncoder::Impl {
  char id = 0;
  ZSTD_CDict* cdict = nullptr;
  ZSTD_CCtx* cctx = nullptr;
  std::string frame;
  ~Impl() {
    ZSTD_freeCCtx(cctx);
    ZSTD_freeCDict(cdict);
  }
};

UnitTextEncoder::UnitTextEncoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
UnitTextEncoder::~UnitTextEncoder() = default;

Status UnitTextEncoder::Create(int64_t id, std::string_view dict, std::unique_ptr<UnitTextEncoder>* out) {
  if (id < 1 || id > 255) return Status::Internal("unit text dictionary id " + std::to_string(id));
  auto impl = std::make_unique<Impl>();
  impl->id = static_cast<char>(id);
  impl->cdict = ZSTD_createCDict(dict.data(), dict.size(), kLevel);
  impl->cctx = ZSTD_createCCtx();
  if (impl->cdict == nullptr || impl->cctx == nullptr) return Status::Internal("zstd: out of memory");
  for (auto [param, value] : {std::pair{ZSTD_c_checksumFlag, 0}, std::pair{ZSTD_c_dictIDFlag, 0},
                              std::pair{ZSTD_c_contentSizeFlag, 1}}) {
    if (ZSTD_isError(ZSTD_CCtx_setParameter(impl->cctx, param, value)))
      return Status::Internal("zstd: cannot set a parameter");
  }
  if (ZSTD_isError(ZSTD_CCtx_refCDict(impl->cctx, impl->cdict)))
    return Status::Internal("zstd: cannot use the dictionary");
  out->reset(new UnitTextEncoder(std::move(impl)));
  return Status::Ok();
}

Status UnitTextEncoder::Encode(std::string_view text, std::string* blob) {
  blob->clear();
  if (text.empty()) return Status::Ok();
  Impl& m = *impl_;
  // Grown only, never shrunk: resizing it to each text's bound zero-filled the difference.
  const size_t bound = ZSTD_compressBound(text.size());
  if (m.frame.size() < bound) m.frame.resize(bound);
  const size_t n = ZSTD_compress2(m.cctx, m.frame.data(), bound, text.data(), text.size());
  if (ZSTD_isError(n)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(n));
  if (n < sizeof(kZstdMagic) || std::memcmp(m.frame.data(), kZstdMagic, sizeof(kZstdMagic)) != 0)
    return Status::Internal("zstd: unexpected frame");
  // Byte 0 names the dictionary; the frame follows without its magic number.
  const size_t stored = 1 + n - sizeof(kZstdMagic);
  if (stored >= text.size()) return Status::Ok();  // not smaller: stays TEXT
  blob->reserve(stored);
  blob->push_back(m.id);
  blob->append(m.frame.data() + sizeof(kZstdMagic), n - sizeof(kZstdMagic));
  return Status::Ok();
}

struct UnitTextDictionaries::Impl {
  std::map<int, ZSTD_DDict*> dicts;
  ZSTD_DCtx* dctx = nullptr;
  std::string frame;
  ~Impl() {
    for (auto& [id, d] : dicts) ZSTD_freeDDict(d);
    ZSTD_freeDCtx(dctx);
  }
};

UnitTextDictionaries::UnitTextDictionaries() : impl_(std::make_unique<Impl>()) {}
UnitTextDictionaries::~UnitTextDictionaries() = default;

void UnitTextDictionaries::Forget() { impl_ = std::make_unique<Impl>(); }

Status DecodeUnitText(SqliteDb* db, std::string_view blob, std::string* text) {
  auto damaged = [&](const std::string& why) {
    return Status::InvalidInput(db->label() + ": a compressed unit text is damaged (" + why + ")");
  };
  if (blob.size() < 2) return damaged("too short");
  UnitTextDictionaries::Impl& m = *db->unit_text_dictionaries()->impl_;
  const int id = static_cast<unsigned char>(blob[0]);
  auto it = m.dicts.find(id);
  if (it == m.dicts.end()) {
    SqliteStatement read;
    TMALIGN_RETURN_IF_ERROR(
        SqliteStatement::Prepare(db, "SELECT dict FROM text_dictionaries WHERE id = ?1", &read));
    read.BindInt64(1, id);
    bool has_row = false;
    TMALIGN_RETURN_IF_ERROR(read.Step(&has_row, "unit text dictionary"));
    if (!has_row) return damaged("no dictionary " + std::to_string(id));
    const std::string_view dict = read.ColumnBlob(0);
    ZSTD_DDict* d = ZSTD_createDDict(dict.data(), dict.size());
    if (d == nullptr) return damaged("dictionary " + std::to_string(id) + " does not load");
    it = m.dicts.emplace(id, d).first;
  }
  if (m.dctx == nullptr && (m.dctx = ZSTD_createDCtx()) == nullptr)
    return Status::Internal("zstd: out of memory");
  m.frame.assign(kZstdMagic, sizeof(kZstdMagic));
  m.frame.append(blob.substr(1));
  const unsigned long long size = ZSTD_getFrameContentSize(m.frame.data(), m.frame.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > kMaxTextBytes)
    return damaged("no valid size");
  text->resize(static_cast<size_t>(size));
  const size_t n = ZSTD_decompress_usingDDict(m.dctx, text->data(), text->size(), m.frame.data(),
                                              m.frame.size(), it->second);
  if (ZSTD_isError(n) || n != size) return damaged(ZSTD_isError(n) ? ZSTD_getErrorName(n) : "wrong size");
  return Status::Ok();
}

namespace {

void TmTextFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
  sqlite3_value* v = argv[0];
  if (sqlite3_value_type(v) != SQLITE_BLOB) {
    sqlite3_result_value(ctx, v);
    return;
  }
  auto* db = static_cast<SqliteDb*>(sqlite3_user_data(ctx));
  const void* data = sqlite3_value_blob(v);
  const std::string_view blob(static_cast<const char*>(data), static_cast<size_t>(sqlite3_value_bytes(v)));
  std::string text;
  const Status s = DecodeUnitText(db, blob, &text);
  if (!s.ok()) {
    sqlite3_result_error(ctx, s.message().c_str(), -1);
    return;
  }
  sqlite3_result_text64(ctx, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace

Status RegisterUnitTextFunction(SqliteDb* db) {
  // Not SQLITE_DETERMINISTIC: it reads the dictionary table, so it must not be folded away.
  const int rc = sqlite3_create_function_v2(db->get(), "tm_text", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, db,
                                            TmTextFunction, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : db->Error(rc, "tm_text");
}

}  // namespace tmalign
