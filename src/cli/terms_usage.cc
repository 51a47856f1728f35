// tmalign terms usage: how the TM's units rendered each term, with glossary status.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/output_file.h"
#include "cli/terms_from_tm.h"
#include "cli/tm_cli.h"
#include "dict/lexicon_loader.h"
#include "terms/glossary_files.h"
#include "terms/term_usage.h"

namespace tmalign::cli {

namespace {

namespace po = boost::program_options;

bool HasHan(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
  }
  return false;
}

std::string UsageText(const std::vector<TermUsage>& usage, bool with_status) {
  std::string out;
  auto plural = [](int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  for (const TermUsage& u : usage) {
    out += u.term + "\t" + plural(u.units, "unit", "units") + ", " + plural(u.docs, "document", "documents") +
           ", " + std::to_string(u.unrendered) + " unrendered\n";
    // With a glossary, what needs an editor's eye first: forbidden, then unlisted renderings.
    std::vector<const RenderingUsage*> order;
    for (const RenderingUsage& r : u.renderings) order.push_back(&r);
    if (with_status) {
      auto rank = [](RenderingStatus s) {
        return s == RenderingStatus::kForbidden ? 0 : s == RenderingStatus::kUnlisted ? 1 : 2;
      };
      std::stable_sort(order.begin(), order.end(), [&](const RenderingUsage* a, const RenderingUsage* b) {
        return rank(a->status) < rank(b->status);
      });
    }
    for (const RenderingUsage* r : order) {
      out += "  ";
      if (with_status) out += std::string(RenderingStatusName(r->status)) + "\t";
      out += "\"" + r->text + "\"\t" + plural(r->count, "unit", "units") + ", " +
             plural(r->docs, "document", "documents") + "\te.g. " + r->example.doc + " unit " +
             std::to_string(r->example.unit);
      if (with_status &&
          (r->status == RenderingStatus::kForbidden || r->status == RenderingStatus::kUnlisted)) {
        out += "\tin:";
        for (const std::string& d : r->doc_ids) out += " " + d;
      }
      out += "\n";
    }
  }
  return out;
}

std::string UsageJson(const std::vector<TermUsage>& usage, bool with_status) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const TermUsage& u : usage) {
    nlohmann::ordered_json renderings = nlohmann::ordered_json::array();
    for (const RenderingUsage& r : u.renderings) {
      nlohmann::ordered_json j;
      j["text"] = r.text;
      j["count"] = r.count;
      j["docs"] = r.docs;
      if (with_status) j["status"] = RenderingStatusName(r.status);
      j["example"] = {{"doc", r.example.doc}, {"unit", r.example.unit}};
      renderings.push_back(std::move(j));
    }
    nlohmann::ordered_json j;
    j["term"] = u.term;
    j["units"] = u.units;
    j["docs"] = u.docs;
    j["unrendered"] = u.unrendered;
    j["renderings"] = std::move(renderings);
    arr.push_back(std::move(j));
  }
  return arr.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

int TermsUsage(const std::vector<std::string>& args) {
  std::vector<std::string> terms;
  std::string doc, dict, lexicon_path;
  CommandLine cl("terms",
                 "usage: tmalign terms usage [ZH ...] --tm TM [--glossary G ...] [--doc ID] [--json]\n\n"
                 "For each Chinese term (those given, else every term of the glossaries), the English\n"
                 "renderings the TM's units use where their source holds the term: units, documents and\n"
                 "an example, most used first; units with no rendering found count as unrendered. With\n"
                 "glossaries each rendering is approved, variant, forbidden or unlisted, and the text\n"
                 "lists forbidden and unlisted renderings first, with the documents that use them.");
  cl.Add()("term", po::value(&terms), "Chinese term (repeatable, positional)");
  cl.AddTm();
  cl.AddGlossary("glossary (.tsv, .csv, .tbx): its terms and the status of renderings; repeatable");
  cl.Add()("doc", po::value(&doc), "only the units of this document");
  cl.Add()("dict", po::value(&dict),
           "CC-CEDICT file (default: $TMALIGN_DICT or ~/.cache/tmalign/cedict_ts.u8)")(
      "lexicon", po::value(&lexicon_path),
      "word-frequency list for segmentation, jieba format ('none' to disable)");
  cl.AddJson("print a JSON array");
  cl.AddOutput("file to write (default: stdout)");
  cl.Positional("term", -1);
  if (int rc = cl.Parse(args); rc >= 0) return rc;

  for (const std::string& t : terms) {
    if (!HasHan(t)) return cl.Fail("term '" + t + "' has no Chinese in it");
  }
  Glossary glossary;
  for (const auto& path : cl.glossaries()) {
    Status s = LoadGlossaryFile(path, &glossary);
    if (!s.ok()) return cl.Fail(s);
  }
  if (terms.empty()) {
    for (const TermEntry& e : glossary.entries()) terms.push_back(e.zh);
  }
  if (terms.empty()) return cl.Fail("usage needs a term or --glossary");

  std::unique_ptr<TranslationMemory> tm;
  std::unique_ptr<TmSnapshot> snapshot;
  Status s = OpenTmSnapshot(cl, doc, &tm, &snapshot);
  if (!s.ok()) return cl.Fail(s);

  std::unique_ptr<BilingualLexicon> lexicon;
  s = LoadLexicon(dict, lexicon_path, &lexicon);
  if (!s.ok()) return cl.Fail(s);

  TermUsageCollector collector(terms, &glossary, lexicon.get());
  size_t units = 0;
  s = tm->ForEachUnitText(doc, [&](const TmUnitText& u) {
    ++units;
    collector.AddUnit(u.doc_id, u.position, u.source, u.target);
    return true;
  });
  if (!s.ok()) return cl.Fail(s);
  if (units == 0) return cl.Fail(tm->path() + ": the TM has no units");
  if (collector.needs_counts()) {
    s = tm->ForEachUnitText(doc, [&](const TmUnitText& u) {
      collector.CountUnit(u.target);
      return true;
    });
    if (!s.ok()) return cl.Fail(s);
  }
  const std::vector<TermUsage> usage = collector.Finish();
  const bool with_status = !cl.glossaries().empty();
  s = WriteOutput(cl.output(), cl.json() ? UsageJson(usage, with_status) : UsageText(usage, with_status));
  if (!s.ok()) return cl.Fail(s);
  return kExitOk;
}

}  // namespace tmalign::cli
