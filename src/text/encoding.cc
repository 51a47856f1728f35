#include "text/encoding.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <bitset>
#include <cerrno>
#include <climits>
#include <cstring>
#include <memory>
#include <vector>

namespace tmalign {
namespace {

// The ~500 most frequent Chinese characters (simplified), then the traditional
// forms that differ. Correctly decoded Chinese text is mostly made of them;
// GB18030 bytes read as Big5 (or the reverse) give near-random characters.
constexpr std::string_view kCommonHan =
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道"
    "行所"
    "然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力"
    "它与长"
    "把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新"
    "己制身"
    "果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系"
    "气题活"
    "尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便"
    "空决治"
    "展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望"
    "觉术领"
    "共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始"
    "怎呢存"
    "未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满"
    "支视消"
    "越器容照须九增研写称企八功包片史委乎查轻易早曾除农找装广显阿李标谈吃图念六引历首医局突专费号尽另周较注语"
    "仅考落"
    "青随选列武红"
    "這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給門"
    "兒東聲"
    "員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術領確傳師觀讓"
    "識帶導"
    "爭運飛風乾聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約覆線斷滿視須寫稱輕農裝廣顯標談"
    "喫圖歷"
    "醫專費號盡較語僅隨選紅為裡眾群床著復幹";

constexpr UChar32 kHanBase = 0x4E00;
constexpr size_t kHanSpan = 0xA000 - 0x4E00;

const std::bitset<kHanSpan>& CommonHanSet() {
  static const std::bitset<kHanSpan>* set = [] {
    auto* s = new std::bitset<kHanSpan>;
    const auto* p = reinterpret_cast<const uint8_t*>(kCommonHan.data());
    int32_t i = 0, n = static_cast<int32_t>(kCommonHan.size());
    while (i < n) {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c >= kHanBase && c < kHanBase + static_cast<UChar32>(kHanSpan)) s->set(c - kHanBase);
    }
    return s;
  }();
  return *set;
}

// Share of non-ASCII characters that are common Han characters.
double CommonHanShare(std::string_view utf8) {
  const auto& set = CommonHanSet();
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  long non_ascii = 0, common = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0x80) continue;
    ++non_ascii;
    if (c >= kHanBase && c < kHanBase + static_cast<UChar32>(kHanSpan) && set.test(c - kHanBase)) ++common;
  }
  return non_ascii == 0 ? 0.0 : static_cast<double>(common) / non_ascii;
}

std::string Where(size_t offset, long line) {
  return " at byte offset " + std::to_string(offset) + " (line " + std::to_string(line) + ")";
}

Status NulError(std::string_view name, size_t offset, long line) {
  return Status::InvalidInput(std::string(name) + ": NUL character" + Where(offset, line) +
                              "; is this a binary file?");
}

// Appends code points as UTF-8, turning "\r\n" and lone "\r" into "\n" and
// counting lines for error messages.
class Utf8Sink {
 public:
  explicit Utf8Sink(std::string* out) : out_(out) {}
  void Put(UChar32 c) {
    if (c == '\n' && after_cr_) {
      after_cr_ = false;
      return;
    }
    after_cr_ = (c == '\r');
    if (c == '\r' || c == '\n') {
      out_->push_back('\n');
      ++line_;
      return;
    }
    if (c < 0x80) {
      out_->push_back(static_cast<char>(c));
    } else {
      char buf[4];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, c);
      out_->append(buf, len);
    }
  }
  long line() const { return line_; }

 private:
  std::string* out_;
  bool after_cr_ = false;
  long line_ = 1;
};

// Strict UTF-8. `bad_sequence` tells an invalid byte sequence from a NUL.
Status DecodeUtf8(std::string_view bytes, std::string_view name, std::string* utf8, bool* bad_sequence) {
  *bad_sequence = false;
  utf8->clear();
  utf8->reserve(bytes.size());
  Utf8Sink sink(utf8);
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      *bad_sequence = true;
      return Status::InvalidInput(std::string(name) + ": invalid UTF-8" + Where(start, sink.line()));
    }
    if (c == 0) return NulError(name, start, sink.line());
    sink.Put(c);
  }
  return Status::Ok();
}

// The MIME / IANA name users know ("Big5", not "windows-950-2000").
std::string PrettyName(UConverter* cnv) {
  UErrorCode err = U_ZERO_ERROR;
  const char* canonical = ucnv_getName(cnv, &err);
  if (U_FAILURE(err) || canonical == nullptr) return "?";
  for (const char* standard : {"MIME", "IANA"}) {
    err = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(canonical, standard, &err);
    if (U_SUCCESS(err) && name != nullptr) return name;
  }
  return canonical;
}

using ConverterPtr = std::unique_ptr<UConverter, decltype(&ucnv_close)>;

Status OpenConverter(std::string_view encoding, ConverterPtr* cnv) {
  UErrorCode err = U_ZERO_ERROR;
  std::string name(encoding);
  UConverter* c = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) || c == nullptr) {
    return Status::Usage("unknown encoding '" + name + "' (try utf-8, utf-16le, utf-16be, gb18030, big5)");
  }
  cnv->reset(c);
  ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  return U_FAILURE(err) ? Status::Internal("cannot configure converter for " + name) : Status::Ok();
}

// Strict conversion through an ICU converter; a leading U+FEFF is dropped.
Status DecodeWithConverter(std::string_view bytes, std::string_view name, UConverter* cnv,
                           std::string* utf8) {
  utf8->clear();
  utf8->reserve(bytes.size() * 3 / 2);
  Utf8Sink sink(utf8);
  const std::string pretty = PrettyName(cnv);
  constexpr size_t kChunk = 1 << 14;
  std::vector<UChar> units(kChunk);
  std::vector<int32_t> offsets(kChunk);
  const char* begin = bytes.data();
  const char* src = begin;
  const char* limit = begin + bytes.size();
  UChar lead = 0;  // a high surrogate waiting for its pair across chunks
  size_t lead_offset = 0;
  bool first = true;
  for (;;) {
    UErrorCode err = U_ZERO_ERROR;
    UChar* target = units.data();
    const char* call_src = src;
    ucnv_toUnicode(cnv, &target, units.data() + kChunk, &src, limit, offsets.data(), true, &err);
    const size_t produced = target - units.data();
    for (size_t k = 0; k < produced; ++k) {
      const size_t offset = (call_src - begin) + (offsets[k] >= 0 ? offsets[k] : 0);
      UChar u = units[k];
      if (first) {
        first = false;
        if (u == 0xFEFF) continue;
      }
      if (lead != 0) {
        if (U16_IS_TRAIL(u)) {
          sink.Put(U16_GET_SUPPLEMENTARY(lead, u));
          lead = 0;
          continue;
        }
        return Status::InvalidInput(std::string(name) + ": invalid " + pretty +
                                    Where(lead_offset, sink.line()));
      }
      if (U16_IS_LEAD(u)) {
        lead = u;
        lead_offset = offset;
        continue;
      }
      if (U16_IS_TRAIL(u)) {
        return Status::InvalidInput(std::string(name) + ": invalid " + pretty + Where(offset, sink.line()));
      }
      if (u == 0) return NulError(name, offset, sink.line());
      sink.Put(u);
    }
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      char bad[32];
      int8_t bad_len = sizeof(bad);
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(cnv, bad, &bad_len, &e2);
      if (U_FAILURE(e2)) bad_len = 0;
      const size_t offset = static_cast<size_t>(src - begin) - bad_len;
      return Status::InvalidInput(std::string(name) + ": invalid " + pretty + Where(offset, sink.line()));
    }
    break;
  }
  if (lead != 0) {
    return Status::InvalidInput(std::string(name) + ": invalid " + pretty + Where(lead_offset, sink.line()));
  }
  return Status::Ok();
}

Status DecodeNamed(std::string_view bytes, std::string_view name, const char* encoding, std::string* utf8) {
  ConverterPtr cnv(nullptr, &ucnv_close);
  TMALIGN_RETURN_IF_ERROR(OpenConverter(encoding, &cnv));
  return DecodeWithConverter(bytes, name, cnv.get(), utf8);
}

bool IsAsciiTextByte(char b) { return b == '\t' || b == '\n' || b == '\r' || (b >= 0x20 && b < 0x7F); }

// BOM-less UTF-16 writes each ASCII character next to a NUL, always on the
// same side of the 2-byte unit. Returns "UTF-16LE", "UTF-16BE" or nullptr.
const char* GuessUtf16(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) return nullptr;
  const size_t n = std::min<size_t>(bytes.size(), 1 << 16);
  size_t le = 0, be = 0;
  for (size_t i = 0; i + 1 < n; i += 2) {
    if (bytes[i + 1] == 0 && IsAsciiTextByte(bytes[i])) ++le;
    if (bytes[i] == 0 && IsAsciiTextByte(bytes[i + 1])) ++be;
  }
  const size_t units = n / 2;
  // Han characters like U+4E00 (00 4E in LE) mimic the other order now and then.
  if (le * 50 >= units && be * 4 <= le) return "UTF-16LE";
  if (be * 50 >= units && le * 4 <= be) return "UTF-16BE";
  return nullptr;
}

Status DetectAndDecode(std::string_view bytes, std::string_view name, std::string* utf8, std::string* used) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  if (bytes.size() >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
    *used = "UTF-16LE";
    return DecodeNamed(bytes, name, "UTF-16LE", utf8);  // U+FEFF is dropped
  }
  if (bytes.size() >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
    *used = "UTF-16BE";
    return DecodeNamed(bytes, name, "UTF-16BE", utf8);
  }
  *used = "UTF-8";
  bool bad_sequence = false;
  Status utf8_status = DecodeUtf8(bytes, name, utf8, &bad_sequence);
  if (utf8_status.ok()) return utf8_status;
  used->clear();
  const bool has_bom = bytes.size() >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF;
  if (has_bom) {
    *used = "UTF-8";
    return utf8_status;
  }

  if (const char* utf16 = GuessUtf16(bytes)) {
    std::string out;
    if (DecodeNamed(bytes, name, utf16, &out).ok()) {
      *used = utf16;
      *utf8 = std::move(out);
      return Status::Ok();
    }
  }
  // GB18030 accepts most byte soup, Big5 and UTF-16 a little less; keep
  // whichever decodes strictly into text made of common Chinese characters.
  constexpr double kMinShare = 0.25;  // real Chinese text scores ~0.6, misdecoded text ~0.1
  const char* candidates[] = {"GB18030", "Big5", "UTF-16LE", "UTF-16BE"};
  double best_share = kMinShare;
  for (const char* candidate : candidates) {
    if (candidate[0] == 'U' && bytes.size() % 2 != 0) continue;
    std::string out;
    if (!DecodeNamed(bytes, name, candidate, &out).ok()) continue;
    const double share = CommonHanShare(out);
    if (share > best_share || (share == best_share && used->empty())) {
      best_share = share;
      *used = candidate;
      *utf8 = std::move(out);
    }
  }
  if (!used->empty()) return Status::Ok();
  *used = "UTF-8";
  if (bad_sequence) {
    return Status::InvalidInput(utf8_status.message() +
                                "; if the file is in another encoding, pass --encoding");
  }
  return utf8_status;
}

}  // namespace

Status DecodeToUtf8(std::string_view bytes, std::string_view source_name, std::string_view encoding,
                    std::string* utf8, std::string* encoding_used) {
  std::string used;
  Status status;
  if (bytes.size() > static_cast<size_t>(INT32_MAX) / 2) {  // ICU and our offsets are 32-bit
    return Status::InvalidInput(std::string(source_name) + ": file is too large (" +
                                std::to_string(bytes.size()) + " bytes)");
  }
  if (encoding.empty() || encoding == "auto") {
    status = DetectAndDecode(bytes, source_name, utf8, &used);
  } else {
    ConverterPtr cnv(nullptr, &ucnv_close);
    TMALIGN_RETURN_IF_ERROR(OpenConverter(encoding, &cnv));
    used = PrettyName(cnv.get());
    UErrorCode err = U_ZERO_ERROR;
    const char* canonical = ucnv_getName(cnv.get(), &err);
    if (canonical != nullptr && std::strcmp(canonical, "UTF-8") == 0) {  // our own decoder: exact offsets
      bool bad_sequence = false;
      status = DecodeUtf8(bytes, source_name, utf8, &bad_sequence);
    } else {
      status = DecodeWithConverter(bytes, source_name, cnv.get(), utf8);
    }
  }
  if (!status.ok()) utf8->clear();
  if (encoding_used != nullptr) *encoding_used = used;
  return status;
}

Status ReadFileBytes(const std::string& path, std::string* bytes) {
  bytes->clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    const bool is_dir = S_ISDIR(st.st_mode);
    const int saved = errno;
    ::close(fd);
    return Status::IoError(
        path + (is_dir ? ": is a directory" : std::string(": cannot stat: ") + std::strerror(saved)));
  }
  if (S_ISREG(st.st_mode)) bytes->reserve(st.st_size);
  char buf[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buf, sizeof(buf));
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      ::close(fd);
      return Status::IoError(path + ": cannot read: " + std::strerror(saved));
    }
    bytes->append(buf, got);
  }
  ::close(fd);
  return Status::Ok();
}

Status ReadTextFile(const std::string& path, std::string_view encoding, std::string* utf8,
                    std::string* encoding_used) {
  std::string bytes;
  TMALIGN_RETURN_IF_ERROR(ReadFileBytes(path, &bytes));
  return DecodeTextFile(path, bytes, encoding, utf8, encoding_used);
}

Status DecodeTextFile(const std::string& path, std::string_view bytes, std::string_view encoding,
                      std::string* utf8, std::string* encoding_used) {
  TMALIGN_RETURN_IF_ERROR(DecodeToUtf8(bytes, path, encoding, utf8, encoding_used));

  // Whitespace-only check stops at the first real character.
  const auto* p = reinterpret_cast<const uint8_t*>(utf8->data());
  const int32_t n = static_cast<int32_t>(utf8->size());
  bool blank = true;
  for (int32_t i = 0; i < n && blank;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (!u_isUWhiteSpace(c) && c != 0xFEFF) blank = false;
  }
  if (blank) {
    utf8->clear();
    return Status::InvalidInput(path + ": file is empty");
  }

  size_t line_start = 0;
  long line = 1;
  while (line_start < utf8->size()) {
    size_t end = utf8->find('\n', line_start);
    if (end == std::string::npos) end = utf8->size();
    if (end - line_start > kMaxLineBytes) {
      const size_t len = end - line_start;
      utf8->clear();
      return Status::InvalidInput(path + ":" + std::to_string(line) + ": line is " + std::to_string(len) +
                                  " bytes long (limit " + std::to_string(kMaxLineBytes) +
                                  "); is this a text file?");
    }
    line_start = end + 1;
    ++line;
  }
  return Status::Ok();
}

}  // namespace tmalign
