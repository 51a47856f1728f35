// tmalign delete: remove one document (and the pairs only it used) from the translation memory.
#include <cstdio>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/tm_cli.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

int RunDelete(const std::vector<std::string>& args) {
  CommandLine cl("delete",
                 "usage: tmalign delete --doc ID [--tm FILE]\n"
                 "Deletes a document and its units; pairs no other document uses leave the memory.");
  cl.Add()("doc", po::value<std::string>()->value_name("ID"), "the document to delete (required)");
  cl.AddTm();
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (!cl.Has("doc")) return cl.Fail("--doc ID is required");
  std::unique_ptr<TranslationMemory> tm;
  Status s = OpenTmFromOptions(cl, true, &tm);
  if (!s.ok()) return cl.Fail(s);
  const std::string id = cl.Get<std::string>("doc");
  bool found = false;
  s = tm->DeleteDocument(id, &found);
  if (!s.ok()) return cl.Fail(s);
  if (!found) return cl.Fail(tm->path() + ": no document '" + id + "'");
  std::printf("deleted document %s\n", id.c_str());
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("delete", "delete a document from the translation memory", RunDelete);

}  // namespace tmalign::cli
