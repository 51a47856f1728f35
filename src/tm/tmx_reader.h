// Reading TMX (1.4b, and 1.1's lang attribute): the only TMX parser in tmalign, used by
// `tmalign import` and `tmalign check --tmx`. Streaming: one callback per <tu>, so memory is
// bounded by the largest unit. Safe: built on util/safe_xml (no DTD entities, no fetching).
#pragma once

#include <functional>
#include <string>

#include "tm/tmx_unit.h"
#include "util/status.h"

namespace tmalign {

struct TmxReadHandlers {
  // Called with the <header> when the file has one (TMX puts it before <body>). Optional.
  std::function<Status(const TmxHeader& header)> on_header;
  // Called once per <tu>, in document order.
  std::function<Status(TmxUnit&& unit)> on_unit;
};

// Reads the TMX file at `path`. Fails with "path:line:column: message" on malformed XML, on a
// root element other than <tmx> and on any DTD entity declaration (before any entity is
// used). The first error a handler returns stops the read and is returned as is.
Status ReadTmx(const std::string& path, const TmxReadHandlers& handlers);

// Same with only a unit callback.
Status ReadTmx(const std::string& path, const std::function<Status(TmxUnit&& unit)>& on_unit);

}  // namespace tmalign
