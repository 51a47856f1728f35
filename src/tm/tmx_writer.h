// Writing TMX 1.4b: the only TMX writer in tmalign, used by `tmalign export --format tmx`
// and `tmalign align --format tmx`. Streaming: the header, then one unit at a time, then the end.
#pragma once

#include <ostream>

#include "tm/tmx_unit.h"

namespace tmalign {

class TmxWriter {
 public:
  // Writes the XML declaration, <tmx>, the <header> (creationtool "tmalign", datatype, segtype,
  // adminlang, srclang, o-tmf) and <body> to `out`, which must outlive the writer.
  TmxWriter(std::ostream& out, const TmxHeader& header);

  // Writes one <tu>: tuid when set, creation and change dates when in ISO 8601 form, the
  // props in order, then each variant's <tuv xml:lang><seg> with its markup as is when set
  // (it must be well-formed XML content, as tm/tmx_reader makes it), else its text escaped.
  void Write(const TmxUnit& unit);

  // Closes <body> and <tmx>. Call once, after the last unit; write errors show on `out`.
  void Finish();

 private:
  std::ostream& out_;
};

}  // namespace tmalign
