// tmalign docs: the documents in the translation memory with their unit counts.
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/tm_cli.h"

namespace tmalign::cli {
namespace {

int RunDocs(const std::vector<std::string>& args) {
  CommandLine cl("docs", "usage: tmalign docs [--tm FILE] [--json]\nLists documents with unit counts.");
  cl.AddJson("print a JSON array");
  cl.AddTm();
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  std::unique_ptr<TranslationMemory> tm;
  Status s = OpenTmForReading(cl, &tm);
  if (!s.ok()) return cl.Fail(s);
  std::vector<TmDocumentSummary> docs;
  s = tm->ListDocuments(&docs);
  if (!s.ok()) return cl.Fail(s);
  if (cl.json()) {
    nlohmann::json out = nlohmann::json::array();
    for (const TmDocumentSummary& d : docs) {
      out.push_back({{"id", d.doc.id},
                     {"units", d.unit_count},
                     {"src_lang", d.doc.src_lang},
                     {"tgt_lang", d.doc.tgt_lang},
                     {"created_at", d.doc.created_at},
                     {"updated_at", d.doc.updated_at}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  for (const TmDocumentSummary& d : docs) {
    std::printf("%s\t%d units\t%s-%s\t%s\n", d.doc.id.c_str(), d.unit_count, d.doc.src_lang.c_str(),
                d.doc.tgt_lang.c_str(), d.doc.updated_at.c_str());
  }
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("docs", "list the documents in the translation memory", RunDocs);

}  // namespace tmalign::cli
