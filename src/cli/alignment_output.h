// The output formats of an alignment (align --format): beads, TSV, JSON and TMX, for one
// document (align SRC TGT) or each document of a folder (align ZH_DIR EN_DIR -o OUT_DIR).
#pragma once

#include <ostream>
#include <string>

#include "align/document_alignment.h"

namespace tmalign::cli {

// beads | tsv | json | tmx.
bool IsAlignmentFormat(const std::string& format);
// The file extension of a format in an output folder: ".align" for beads, else "." + format.
std::string AlignmentFileExtension(const std::string& format);
// Writes `doc` in `format`; `doc_id` goes into TMX's x-tmalign-doc props.
void WriteAlignmentAs(const std::string& format, const AlignedDocument& doc, const std::string& doc_id,
                      std::ostream& out);

}  // namespace tmalign::cli
