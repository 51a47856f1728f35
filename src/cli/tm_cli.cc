#include "cli/tm_cli.h"

namespace tmalign::cli {

Status OpenTmSnapshot(const CommandLine& cl, const std::string& doc, std::unique_ptr<TranslationMemory>* tm,
                      std::unique_ptr<TmSnapshot>* snapshot) {
  TMALIGN_RETURN_IF_ERROR(OpenTmForReading(cl, tm));
  *snapshot = std::make_unique<TmSnapshot>(tm->get());
  TMALIGN_RETURN_IF_ERROR((*snapshot)->Begin());
  if (doc.empty()) return Status::Ok();
  TmDocument d;
  return (*tm)->RequireDocument(doc, &d);
}

Status OpenTmFromOptions(const CommandLine& cl, bool must_exist, std::unique_ptr<TranslationMemory>* tm) {
  const std::string path = cl.TmPath();
  return must_exist ? TranslationMemory::OpenExisting(path, tm) : TranslationMemory::Open(path, tm);
}

Status OpenTmForReading(const CommandLine& cl, std::unique_ptr<TranslationMemory>* tm) {
  return TranslationMemory::OpenForReading(cl.TmPath(), tm);
}

nlohmann::json PairJson(const TmPair& pair) {
  nlohmann::json j;
  j["source"] = pair.source;
  j["target"] = pair.target;
  j["doc"] = pair.origins.empty() ? "" : pair.origins.front().doc;
  j["unit"] = pair.origins.empty() ? 0 : pair.origins.front().position;
  j["usage"] = pair.origins.size();
  nlohmann::json origins = nlohmann::json::array();
  for (const TmOrigin& o : pair.origins) origins.push_back({{"doc", o.doc}, {"unit", o.position}});
  j["origins"] = std::move(origins);
  j["reversed"] = pair.reversed;
  return j;
}

std::string OriginText(const TmPair& pair) {
  if (pair.origins.empty()) return "no origin";
  return pair.origins.front().doc + " unit " + std::to_string(pair.origins.front().position);
}

}  // namespace tmalign::cli
