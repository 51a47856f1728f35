#include "cli/leverage_cli.h"

#include <memory>

#include "cli/tm_cli.h"
#include "tm/tm_search.h"

namespace tmalign::cli {

namespace po = boost::program_options;

void AddLeverageOptions(CommandLine* cl) {
  cl->Add()("presplit", "FILE is already one sentence per line")(
      "encoding,e", po::value<std::string>()->default_value("auto"),
      "encoding of a text FILE: auto, utf-8, gb18030, big5 ... (any ICU name)");
  cl->AddDocumentOptions();
  cl->AddTm();
  cl->AddHidden()("file", po::value<std::string>());
  cl->Positional("file", 1);
}

Status LeverageFromOptions(const CommandLine& cl, NewDocument* doc, std::vector<SegmentLeverage>* segments) {
  if (!cl.Has("file")) return Status::Usage("missing FILE (see tmalign " + cl.command() + " --help)");
  std::unique_ptr<TranslationMemory> tm;
  TMALIGN_RETURN_IF_ERROR(OpenTmFromOptions(cl, /*must_exist=*/true, &tm));
  DocumentReadOptions read = cl.read_options();
  read.encoding = cl.Get<std::string>("encoding");
  TMALIGN_RETURN_IF_ERROR(
      ReadNewDocument(cl.Get<std::string>("file"), read, cl.Has("presplit"), Language::kUnknown, doc));
  std::unique_ptr<TmSearcher> searcher;
  TMALIGN_RETURN_IF_ERROR(TmSearcher::Create(tm.get(), &searcher));
  return LeverageDocument(*doc, tm.get(), searcher.get(), segments);
}

}  // namespace tmalign::cli
