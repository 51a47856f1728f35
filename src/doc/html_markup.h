// Helpers of the HTML reader that work on the markup before gumbo parses it: the charset
// (a BOM, a <meta> in the first 1024 bytes, else detection), and flattening markup nested
// deeper than browsers build trees.
#pragma once

#include <string>
#include <string_view>

#include "util/status.h"

namespace tmalign {

// Chromium's parser stops nesting at 512 open elements and adds deeper ones as siblings.
inline constexpr int kMaxHtmlDepth = 512;

// The charset label a <meta charset> or <meta http-equiv="Content-Type" content="...;
// charset=..."> declares in the first 1024 bytes of `bytes` (lowercased, trimmed); "" if none.
std::string PrescanHtmlCharset(std::string_view bytes);

// The ICU converter name for an HTML charset label as the WHATWG Encoding Standard maps it
// (gb2312/gbk -> GB18030, big5 -> Big5-HKSCS, latin1/ascii -> windows-1252, utf-16 in a
// <meta> -> UTF-8); other labels pass through; "" for an empty label.
std::string HtmlCharsetToConverter(std::string_view label);

// Decodes an HTML file's bytes to UTF-8. `encoding` other than "" or "auto" forces that
// encoding; else a BOM, else the <meta> charset (when ICU knows it and the bytes decode
// with it), else detection as for plain text. *encoding_used: what was applied.
Status DecodeHtml(const std::string& path, std::string_view bytes, std::string_view encoding,
                  std::string* utf8, std::string* encoding_used);

// True for the names of elements that start and end a paragraph (p, div, li, td, h1 ...).
bool IsHtmlBlockElement(std::string_view lowercase_name);

// When `html` nests elements deeper than `max_depth`, writes to *out the markup with the
// deeper start and end tags dropped (a block element's replaced by <br>, so its text still
// ends a paragraph) and returns true; else returns false and leaves *out alone. Linear.
bool FlattenDeepHtml(std::string_view html, int max_depth, std::string* out);

}  // namespace tmalign
