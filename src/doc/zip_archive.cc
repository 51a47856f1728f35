#include "doc/zip_archive.h"

#include <zip.h>

#include <algorithm>

#include "doc/format_detection.h"

namespace tmalign {
namespace {

zip_t* Zip(void* z) { return static_cast<zip_t*>(z); }

std::string Megabytes(uint64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; }

}  // namespace

ZipArchive::~ZipArchive() {
  if (zip_ != nullptr) zip_discard(Zip(zip_));
}

Status ZipArchive::Open(const std::string& path, std::string_view bytes, std::string_view kind,
                        std::unique_ptr<ZipArchive>* archive) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::InvalidInput(path + ": cannot read the zip container: " + message);
  }
  // ZIP_CHECKCONS: the local headers must agree with the central directory.
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (zip == nullptr) {
    const int code = zip_error_code_zip(&error);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    if (code == ZIP_ER_NOZIP && bytes.substr(0, 4) == "PK\x03\x04") {
      return Status::InvalidInput(path +
                                  ": damaged or truncated zip container (its central directory is missing)");
    }
    if (code == ZIP_ER_NOZIP) {
      return Status::InvalidInput(path + ": not a zip container, so not " + std::string(kind) +
                                  " (damaged, truncated or another format)");
    }
    return Status::InvalidInput(path + ": damaged or truncated zip container (" + message + ")");
  }
  zip_error_fini(&error);
  archive->reset(new ZipArchive(path, zip));
  return Status::Ok();
}

bool ZipArchive::Contains(const std::string& part) const {
  return zip_name_locate(Zip(zip_), part.c_str(), 0) >= 0;
}

Status ZipArchive::Read(const std::string& part, std::string* out) const {
  out->clear();
  const std::string where = path_ + ": " + part + ": ";
  const zip_int64_t index = zip_name_locate(Zip(zip_), part.c_str(), 0);
  if (index < 0) return Status::InvalidInput(where + "missing from the zip container");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(Zip(zip_), static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      (st.valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) != (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) {
    return Status::InvalidInput(where + "damaged zip entry (" + zip_strerror(Zip(zip_)) + ")");
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    return Status::InvalidInput(where + "encrypted: remove the password first");
  }
  // The declared sizes first: a part that says it is too large is refused unread.
  const uint64_t compressed = std::max<uint64_t>(st.comp_size, 1);
  const uint64_t ratio_limit = std::max(kZipRatioGraceBytes, compressed * kMaxZipRatio);
  if (st.size > kMaxZipPartBytes) {
    return Status::InvalidInput(where + "declares " + Megabytes(st.size) + " uncompressed, more than the " +
                                Megabytes(kMaxZipPartBytes) + " a part may have");
  }
  if (st.size > ratio_limit) {
    return Status::InvalidInput(where + "declares a compression ratio of " +
                                std::to_string(st.size / compressed) + ":1, more than " +
                                std::to_string(kMaxZipRatio) + ":1 (a zip bomb?)");
  }
  zip_file_t* file = zip_fopen_index(Zip(zip_), static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return Status::InvalidInput(where + "cannot read the zip entry (" + zip_strerror(Zip(zip_)) + ")");
  }
  // Then the same limits while inflating, never reading more than one byte past the
  // declared size, so a header that lies costs at most that much.
  const uint64_t limit = std::min({static_cast<uint64_t>(st.size), kMaxZipPartBytes, ratio_limit});
  Status status;
  char buffer[1 << 16];
  while (true) {
    const uint64_t want = std::min<uint64_t>(sizeof buffer, limit + 1 - out->size());
    const zip_int64_t n = zip_fread(file, buffer, want);
    if (n < 0) {
      status = Status::InvalidInput(where + "damaged zip entry (" + zip_file_strerror(file) + ")");
      break;
    }
    if (n == 0) break;
    out->append(buffer, static_cast<size_t>(n));
    if (out->size() > limit) {
      status = Status::InvalidInput(where + "inflates to more than the " + std::to_string(st.size) +
                                    " bytes its header declares (damaged, or a zip bomb)");
      break;
    }
  }
  zip_fclose(file);
  if (status.ok() && out->size() != st.size) {
    status = Status::InvalidInput(where + "inflates to " + std::to_string(out->size()) + " bytes, not the " +
                                  std::to_string(st.size) + " its header declares (damaged zip)");
  }
  if (!status.ok()) {
    out->clear();
    out->shrink_to_fit();
  }
  return status;
}

Status RefuseOleFile(const std::string& path, std::string_view bytes, std::string_view legacy) {
  if (!IsOleCompoundFile(bytes)) return Status::Ok();
  // Directory entry names are UTF-16LE.
  static constexpr char kEncryptionInfo[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
  if (bytes.find(std::string_view(kEncryptionInfo, sizeof kEncryptionInfo - 1)) != std::string_view::npos) {
    return Status::InvalidInput(path + ": encrypted: remove the password first");
  }
  return Status::InvalidInput(path + ": " + std::string(legacy));
}

}  // namespace tmalign
