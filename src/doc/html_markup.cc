#include "doc/html_markup.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "text/encoding.h"

namespace tmalign {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - std::min(pos, s.size()) < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[pos + i]) != prefix[i]) return false;
  }
  return true;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsHtmlSpace(s[b])) ++b;
  while (e > b && IsHtmlSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

struct Attribute {
  std::string name;  // lowercased
  std::string value;
};

// Reads the attributes of a tag from `*pos` (just after its name) to its '>' (or the end
// of `s`); *pos ends after the '>'. *self_closing: the tag ended with "/>".
std::vector<Attribute> ReadAttributes(std::string_view s, size_t* pos, bool* self_closing = nullptr) {
  std::vector<Attribute> attributes;
  size_t p = *pos;
  bool slash = false;
  while (p < s.size()) {
    const char c = s[p];
    if (c == '>') {
      ++p;
      break;
    }
    if (IsHtmlSpace(c) || c == '/') {
      slash = c == '/';
      ++p;
      continue;
    }
    slash = false;
    Attribute a;
    while (p < s.size() && !IsHtmlSpace(s[p]) && s[p] != '=' && s[p] != '>' &&
           (s[p] != '/' || a.name.empty())) {
      a.name += Lower(s[p++]);
    }
    while (p < s.size() && IsHtmlSpace(s[p])) ++p;
    if (p < s.size() && s[p] == '=') {
      ++p;
      while (p < s.size() && IsHtmlSpace(s[p])) ++p;
      if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
        const char quote = s[p++];
        const size_t end = std::min(s.find(quote, p), s.size());
        a.value = std::string(s.substr(p, end - p));
        p = std::min(end + 1, s.size());
      } else {
        while (p < s.size() && !IsHtmlSpace(s[p]) && s[p] != '>') a.value += s[p++];
      }
    }
    attributes.push_back(std::move(a));
  }
  *pos = p;
  if (self_closing != nullptr) *self_closing = slash;
  return attributes;
}

// "text/html; charset=gbk" -> "gbk".
std::string CharsetFromContentType(std::string_view content) {
  const std::string lower = ToLower(content);
  size_t p = 0;
  while ((p = lower.find("charset", p)) != std::string::npos) {
    p += 7;
    while (p < lower.size() && IsHtmlSpace(lower[p])) ++p;
    if (p >= lower.size() || lower[p] != '=') continue;
    ++p;
    while (p < lower.size() && IsHtmlSpace(lower[p])) ++p;
    if (p < lower.size() && (lower[p] == '"' || lower[p] == '\'')) {
      const char quote = lower[p++];
      const size_t end = lower.find(quote, p);
      if (end == std::string::npos) return "";
      return Trim(std::string_view(lower).substr(p, end - p));
    }
    size_t end = p;
    while (end < lower.size() && !IsHtmlSpace(lower[end]) && lower[end] != ';') ++end;
    return std::string(lower.substr(p, end - p));
  }
  return "";
}

// Skips from `pos` (at '<') past the end of a comment or other markup declaration.
size_t SkipDeclaration(std::string_view s, size_t pos) {
  if (s.compare(pos, 4, "<!--") == 0) {
    const size_t end = s.find("-->", pos + 4);
    return end == std::string_view::npos ? s.size() : end + 3;
  }
  const size_t end = s.find('>', pos);
  return end == std::string_view::npos ? s.size() : end + 1;
}

constexpr std::array<std::string_view, 50> kBlockElements = {
    "address", "article", "aside",  "blockquote", "body", "caption", "center",    "dd",
    "details", "dialog",  "dir",    "div",        "dl",   "dt",      "fieldset",  "figcaption",
    "figure",  "footer",  "form",   "frameset",   "h1",   "h2",      "h3",        "h4",
    "h5",      "h6",      "header", "hgroup",     "html", "legend",  "li",        "listing",
    "main",    "menu",    "nav",    "noframes",   "ol",   "p",       "plaintext", "pre",
    "section", "summary", "table",  "tbody",      "td",   "tfoot",   "th",        "thead",
    "tr",      "ul"};
static_assert(std::is_sorted(kBlockElements.begin(), kBlockElements.end()));

// Elements whose content is not markup (the tokenizer reads it to the matching end tag).
bool IsRawTextElement(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "iframe" || name == "noembed" || name == "noframes";
}

bool IsVoidElement(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area",  "base",  "br",       "col",     "embed", "hr",
                                               "img",   "input", "link",     "meta",    "param", "source",
                                               "track", "wbr",   "basefont", "bgsound", "frame", "keygen"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// Elements a later sibling start tag closes implicitly (<p>a<p>b, <li>, <td>): they never
// nest in practice, so they are not counted as open.
bool ClosesImplicitly(std::string_view name) {
  static constexpr std::string_view kImplicit[] = {"p",  "li", "dt", "dd",    "option",  "optgroup",
                                                   "tr", "td", "th", "thead", "tbody",   "tfoot",
                                                   "rt", "rp", "rb", "rtc",   "caption", "colgroup"};
  return std::find(std::begin(kImplicit), std::end(kImplicit), name) != std::end(kImplicit);
}

}  // namespace

bool IsHtmlBlockElement(std::string_view lowercase_name) {
  return std::binary_search(kBlockElements.begin(), kBlockElements.end(), lowercase_name);
}

std::string PrescanHtmlCharset(std::string_view bytes) {
  const std::string_view s = bytes.substr(0, 1024);
  size_t pos = 0;
  while ((pos = s.find('<', pos)) != std::string_view::npos) {
    if (s.compare(pos, 2, "<!") == 0 || s.compare(pos, 2, "<?") == 0) {
      pos = SkipDeclaration(s, pos);
      continue;
    }
    const bool end_tag = s.compare(pos, 2, "</") == 0;
    size_t p = pos + (end_tag ? 2 : 1);
    if (p >= s.size() || !IsAsciiAlpha(s[p])) {
      pos = p;
      continue;
    }
    const size_t name_start = p;
    while (p < s.size() && !IsHtmlSpace(s[p]) && s[p] != '>' && s[p] != '/') ++p;
    const std::string name = ToLower(s.substr(name_start, p - name_start));
    const std::vector<Attribute> attributes = ReadAttributes(s, &p);
    pos = p;
    if (end_tag || name != "meta") continue;
    std::string charset, http_equiv, content;
    for (const Attribute& a : attributes) {
      if (a.name == "charset" && charset.empty()) charset = ToLower(Trim(a.value));
      if (a.name == "http-equiv") http_equiv = ToLower(Trim(a.value));
      if (a.name == "content") content = a.value;
    }
    if (!charset.empty()) return charset;
    if (http_equiv == "content-type") {
      std::string from_content = CharsetFromContentType(content);
      if (!from_content.empty()) return from_content;
    }
  }
  return "";
}

std::string HtmlCharsetToConverter(std::string_view label) {
  const std::string l = ToLower(Trim(label));
  if (l.empty()) return "";
  static constexpr std::string_view kGbk[] = {
      "gb2312", "gbk",   "x-gbk",       "chinese",         "csgb2312", "iso-ir-58", "gb_2312", "gb_2312-80",
      "cp936",  "ms936", "windows-936", "csiso58gb231280", "gb18030",  "euc-cn",    "x-euc-cn"};
  if (std::find(std::begin(kGbk), std::end(kGbk), l) != std::end(kGbk)) return "GB18030";
  static constexpr std::string_view kBig5[] = {"big5",   "big5-hkscs", "cn-big5",
                                               "csbig5", "x-x-big5",   "cp950"};
  if (std::find(std::begin(kBig5), std::end(kBig5), l) != std::end(kBig5)) return "Big5-HKSCS";
  static constexpr std::string_view kUtf8[] = {"utf-8",    "utf8",     "unicode-1-1-utf-8", "utf-16",
                                               "utf-16le", "utf-16be", "unicode",           "ucs-2"};
  if (std::find(std::begin(kUtf8), std::end(kUtf8), l) != std::end(kUtf8)) return "UTF-8";
  static constexpr std::string_view kLatin1[] = {
      "iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252", "iso8859-1", "x-cp1252"};
  if (std::find(std::begin(kLatin1), std::end(kLatin1), l) != std::end(kLatin1)) return "windows-1252";
  return l;
}

Status DecodeHtml(const std::string& path, std::string_view bytes, std::string_view encoding,
                  std::string* utf8, std::string* encoding_used) {
  if (!encoding.empty() && encoding != "auto")
    return DecodeToUtf8(bytes, path, encoding, utf8, encoding_used);
  const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" || bytes.substr(0, 2) == "\xFF\xFE" ||
                   bytes.substr(0, 2) == "\xFE\xFF";
  if (!bom) {
    const std::string converter = HtmlCharsetToConverter(PrescanHtmlCharset(bytes));
    // A charset ICU does not know, or one the bytes contradict (a template's stale
    // declaration), leaves the choice to detection.
    if (!converter.empty() && DecodeToUtf8(bytes, path, converter, utf8, encoding_used).ok()) {
      return Status::Ok();
    }
  }
  return DecodeToUtf8(bytes, path, "auto", utf8, encoding_used);
}

bool FlattenDeepHtml(std::string_view html, int max_depth, std::string* out) {
  struct Open {
    std::string name;
    bool dropped;
  };
  std::vector<Open> open;
  std::string result;
  size_t copied = 0;  // html[copied, pos) is still to be copied to result
  bool changed = false;
  auto replace = [&](size_t from, size_t to, std::string_view with) {
    result.append(html.substr(copied, from - copied));
    result.append(with);
    copied = to;
    changed = true;
  };
  constexpr size_t kEndTagSearch = 1024;  // how far down the open elements an end tag looks
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.compare(pos, 2, "<!") == 0 || html.compare(pos, 2, "<?") == 0) {
      pos = SkipDeclaration(html, pos);
      continue;
    }
    const bool end_tag = html.compare(pos, 2, "</") == 0;
    size_t p = pos + (end_tag ? 2 : 1);
    if (p >= html.size() || !IsAsciiAlpha(html[p])) {
      pos = p;
      continue;
    }
    const size_t name_start = p;
    while (p < html.size() && !IsHtmlSpace(html[p]) && html[p] != '>' && html[p] != '/') ++p;
    const std::string name = ToLower(html.substr(name_start, p - name_start));
    bool self_closing = false;
    ReadAttributes(html, &p, &self_closing);
    const size_t tag_start = pos;
    pos = p;
    if (end_tag) {
      const size_t limit = open.size() > kEndTagSearch ? open.size() - kEndTagSearch : 0;
      for (size_t i = open.size(); i > limit; --i) {
        if (open[i - 1].name != name) continue;
        if (open[i - 1].dropped) replace(tag_start, pos, IsHtmlBlockElement(name) ? "<br>" : "");
        open.resize(i - 1);
        break;
      }
      continue;
    }
    if (name == "plaintext") break;  // the rest of the file is text
    if (IsRawTextElement(name)) {
      const std::string close = "</" + name;
      size_t q = pos;
      while ((q = html.find("</", q)) != std::string_view::npos && !StartsWithNoCase(html, q, close)) q += 2;
      pos = q == std::string_view::npos ? html.size() : q;
      continue;
    }
    if (self_closing || IsVoidElement(name) || ClosesImplicitly(name)) continue;
    const bool drop = open.size() >= static_cast<size_t>(max_depth);
    if (drop) replace(tag_start, pos, IsHtmlBlockElement(name) ? "<br>" : "");
    open.push_back({name, drop});
  }
  if (!changed) return false;
  result.append(html.substr(copied));
  *out = std::move(result);
  return true;
}

}  // namespace tmalign
