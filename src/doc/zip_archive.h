// The zip container under DOCX and ODT, read from memory through libzip with limits that
// hold whatever the headers say: each part at most 256 MB uncompressed and, past its
// first megabyte, at most 200 times its compressed size; both checked on the declared
// sizes and again while inflating (reading stops at the first byte past a limit). Every
// error is one line "PATH: message" naming the part, Status::InvalidInput.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "util/status.h"

namespace tmalign {

inline constexpr uint64_t kMaxZipPartBytes = uint64_t{256} << 20;
inline constexpr uint64_t kMaxZipRatio = 200;
// A part this small cannot be a bomb; its ratio is not checked (tiny repetitive XML can
// legitimately compress very well).
inline constexpr uint64_t kZipRatioGraceBytes = uint64_t{1} << 20;

class ZipArchive {
 public:
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Opens the zip in `bytes`, which must outlive the archive (it is not copied). `kind`
  // names what the file should be ("DOCX") in the message for bytes that are no zip.
  static Status Open(const std::string& path, std::string_view bytes, std::string_view kind,
                     std::unique_ptr<ZipArchive>* archive);

  bool Contains(const std::string& part) const;
  // The part's uncompressed bytes; an error when it is absent, encrypted, damaged or over
  // a limit.
  Status Read(const std::string& part, std::string* out) const;

 private:
  ZipArchive(std::string path, void* zip) : path_(std::move(path)), zip_(zip) {}
  std::string path_;
  void* zip_;  // zip_t*
};

// Office's own containers that are not zips: an OLE compound file is either an encrypted
// OOXML document (it holds an "EncryptionInfo" stream) or a legacy binary file. Ok when
// `bytes` is no OLE file; else the error to report, `legacy` saying what a legacy file is
// ("a legacy Word .doc (not DOCX): save it as .docx").
Status RefuseOleFile(const std::string& path, std::string_view bytes, std::string_view legacy);

}  // namespace tmalign
