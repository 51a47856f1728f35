// tmalign delete: remove one document (and the pairs only it used) from the translation memory.
#include <cstdio>

#include "cli/command.h"
#include "cli/tm_cli.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

int RunDelete(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("doc", po::value<std::string>()->value_name("ID"), "the document to delete (required)");
  po::positional_options_description pos;
  po::variables_map vm;
  int rc = ParseTmOptions("delete",
                          "usage: tmalign delete --doc ID [--tm FILE]\n"
                          "Deletes a document and its units; pairs no other document uses leave the memory.",
                          args, desc, pos, &vm);
  if (rc >= 0) return rc;
  if (!vm.count("doc")) return TmFail("delete", "--doc ID is required");
  std::unique_ptr<TranslationMemory> tm;
  Status s = OpenTmFromOptions(vm, true, &tm);
  if (!s.ok()) return TmFail("delete", s.message());
  const std::string id = vm["doc"].as<std::string>();
  bool found = false;
  s = tm->DeleteDocument(id, &found);
  if (!s.ok()) return TmFail("delete", s.message());
  if (!found) return TmFail("delete", tm->path() + ": no document '" + id + "'");
  std::printf("deleted document %s\n", id.c_str());
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("delete", "delete a document from the translation memory", RunDelete);

}  // namespace tmalign::cli
