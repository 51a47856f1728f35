// Reading XLIFF 1.2 (and 1.1) and 2.x: the only XLIFF parser in tmalign, used by `tmalign
// import` and `tmalign check --xliff`. Streaming: one callback per unit, so memory is bounded by
// the largest unit. Safe: built on util/safe_xml, and stricter than TMX: an XLIFF file with a
// document type declaration at all (<!DOCTYPE>, which XLIFF never needs) is rejected.
//
// The reader applies no policy: it reports every unit with its segments, target states and
// the file's languages as written; the caller decides what to take (import takes translated
// targets of Chinese–English files, check takes every unit with a target).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tm/tmx_unit.h"
#include "util/status.h"

namespace tmalign {

// One <file> (XLIFF 1.2: its source-language and target-language; 2.x: the root's srcLang
// and trgLang, the same for every file). Languages are "" when the attribute is absent.
struct XliffFile {
  std::string version;  // the root's version attribute: "1.2", "2.0", ...
  std::string src_lang, tgt_lang;
  std::string original;      // 1.2 original, 2.x id
  int line = 0, column = 0;  // of the element that carries the languages (1.2 <file>, 2.x <xliff>)
};

// One segment: a source and, when present, a target. The sides' text, markup and positions
// are read as TMX segments are (tm/tmx_unit.h): inline codes are kept as TMX inline markup
// (<ph>, <bpt>, <ept>, <it> with the XLIFF code escaped inside, so the text of a code is never
// translatable text and the markup exports as valid TMX); <g>, <pc> and <mrk> keep their text.
struct XliffSegment {
  TmxVariant source;
  std::optional<TmxVariant> target;  // lang is the file's language of the side
  // 1.2: the target's state attribute; when it has none, the status the CAT tool keeps in its
  // own markup, prefixed with the tool: Trados Studio's sdl:seg conf ("sdl:Translated",
  // "sdl:ApprovedSignOff", ...; "sdl:NotTranslated" for a segment without one) or memoQ's
  // mq:status ("mq:ManuallyConfirmed", ...); "" when there is neither. 2.x: the segment's
  // state, "initial" when absent (the standard's default).
  std::string state;
};

// XLIFF 1.2 <trans-unit> or 2.x <unit>. 1.2: one segment, or one per <mrk mtype="seg"> of its
// <seg-source> (how Trados Studio, Okapi and other tools mark sentences inside a paragraph),
// each with the target's <mrk mtype="seg"> of the same mid. 2.x: one per <segment>,
// <ignorable> skipped.
struct XliffUnit {
  std::string id;
  int line = 0, column = 0;  // of the start tag
  bool approved = false;     // 1.2 approved="yes"
  // false for translate="no" (text the tool locked, not a translation), on the unit or, when the
  // unit says nothing, on its nearest enclosing <group> (2.x: or <file>) that says it.
  bool translate = true;
  std::vector<XliffSegment> segments;
};

struct XliffReadHandlers {
  // Called at each <file> start (for 2.x with the root's languages), before its units. Optional.
  std::function<Status(const XliffFile& file)> on_file;
  std::function<Status(XliffUnit&& unit)> on_unit;
};

// Reads the XLIFF file at `path`. Fails with "path:line:column: message" on malformed XML, a
// root other than <xliff>, a version other than 1.1, 1.2 or 2.x, and any <!DOCTYPE> or
// entity declaration. The first error a handler returns stops the read and is returned as is.
Status ReadXliff(const std::string& path, const XliffReadHandlers& handlers);

}  // namespace tmalign
