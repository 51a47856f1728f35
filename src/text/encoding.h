// Encoding: turns the bytes of a user's text file into clean UTF-8.
// Output is always UTF-8 without BOM, with "\r\n" and lone "\r" turned into "\n".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "util/status.h"

namespace tmalign {

// Longest line ReadTextFile accepts; longer lines mean a binary or minified file.
inline constexpr size_t kMaxLineBytes = 1 << 20;

// Decodes `bytes` (read from `source_name`, used only in messages) to UTF-8.
// `encoding` "" or "auto": BOM, else valid UTF-8, else BOM-less UTF-16, else
// GB18030 or Big5 (whichever decodes strictly into common Han characters);
// otherwise any ICU converter name (utf-16le, gbk, big5 ...), converted strictly.
// Unknown encoding name -> Usage; undecodable bytes or NUL characters ->
// InvalidInput naming the byte offset and line. `encoding_used` (optional)
// receives the canonical name of the encoding that was applied, e.g. "UTF-8".
Status DecodeToUtf8(std::string_view bytes, std::string_view source_name, std::string_view encoding,
                    std::string* utf8, std::string* encoding_used = nullptr);

// Reads and decodes `path`; also rejects an empty or whitespace-only file and
// any line longer than kMaxLineBytes (in UTF-8), naming the path and line.
Status ReadTextFile(const std::string& path, std::string_view encoding, std::string* utf8,
                    std::string* encoding_used = nullptr);
// The bytes of `path` (a regular file, or a pipe such as <(cmd)); a folder, an unopenable or
// unreadable file is IoError naming the path.
Status ReadFileBytes(const std::string& path, std::string* bytes);
// ReadTextFile on bytes already read from `path`.
Status DecodeTextFile(const std::string& path, std::string_view bytes, std::string_view encoding,
                      std::string* utf8, std::string* encoding_used = nullptr);

}  // namespace tmalign
