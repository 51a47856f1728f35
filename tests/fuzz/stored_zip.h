// A zip of stored (uncompressed) parts built in memory, for the office_xml fuzz target: the
// fuzzer's bytes become a DOCX's or an ODT's XML part, so mutations reach the XML readers
// instead of breaking the container's checksums.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tmalign::fuzz {

inline uint32_t Crc32(std::string_view data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// The bytes of a zip holding `parts` (name, content), each stored.
inline std::string StoredZip(const std::vector<std::pair<std::string, std::string_view>>& parts) {
  std::string out, directory;
  auto put16 = [](std::string* s, uint32_t v) {
    s->push_back(static_cast<char>(v & 0xFF));
    s->push_back(static_cast<char>((v >> 8) & 0xFF));
  };
  auto put32 = [&](std::string* s, uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
  };
  for (const auto& [name, content] : parts) {
    const uint32_t offset = static_cast<uint32_t>(out.size());
    const uint32_t crc = Crc32(content);
    const auto size = static_cast<uint32_t>(content.size());
    put32(&out, 0x04034b50);  // local file header
    put16(&out, 20);          // version needed
    put16(&out, 0);           // flags
    put16(&out, 0);           // method: stored
    put16(&out, 0);           // time
    put16(&out, 0x21);        // date: 1980-01-01
    put32(&out, crc);
    put32(&out, size);
    put32(&out, size);
    put16(&out, static_cast<uint32_t>(name.size()));
    put16(&out, 0);  // extra length
    out += name;
    out += content;

    put32(&directory, 0x02014b50);  // central directory header
    put16(&directory, 20);          // version made by
    put16(&directory, 20);          // version needed
    put16(&directory, 0);
    put16(&directory, 0);
    put16(&directory, 0);
    put16(&directory, 0x21);
    put32(&directory, crc);
    put32(&directory, size);
    put32(&directory, size);
    put16(&directory, static_cast<uint32_t>(name.size()));
    put16(&directory, 0);  // extra
    put16(&directory, 0);  // comment
    put16(&directory, 0);  // disk
    put16(&directory, 0);  // internal attributes
    put32(&directory, 0);  // external attributes
    put32(&directory, offset);
    directory += name;
  }
  const uint32_t directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  put32(&out, 0x06054b50);  // end of central directory
  put16(&out, 0);
  put16(&out, 0);
  put16(&out, static_cast<uint32_t>(parts.size()));
  put16(&out, static_cast<uint32_t>(parts.size()));
  put32(&out, static_cast<uint32_t>(directory.size()));
  put32(&out, directory_offset);
  put16(&out, 0);
  return out;
}

}  // namespace tmalign::fuzz
