#include "terms/tbx.h"

#include "text/language.h"
#include "util/safe_xml.h"

namespace tmalign {

namespace {

enum class AdminStatus { kNone, kPreferred, kAdmitted, kDeprecated };

AdminStatus ParseAdminStatus(const std::string& value) {
  if (value.rfind("preferred", 0) == 0) return AdminStatus::kPreferred;
  if (value.rfind("admitted", 0) == 0) return AdminStatus::kAdmitted;
  if (value.rfind("deprecated", 0) == 0 || value.rfind("superseded", 0) == 0) return AdminStatus::kDeprecated;
  return AdminStatus::kNone;
}

std::string Trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

struct TbxTerm {
  std::string text;
  AdminStatus status = AdminStatus::kNone;
  bool case_sensitive = false;
  int line = 0;
};

// Collects the term, its administrativeStatus and a "case-sensitive" note under a tig/ntig/termSec.
void ReadTermGroup(const XmlNode& group, TbxTerm* term) {
  for (const XmlNode& c : group.children) {
    if (c.is_text) continue;
    const std::string local = c.LocalName();
    if (local == "term" && term->text.empty()) {
      term->text = Trimmed(c.TextContent());
      term->line = c.line;
    } else if (local == "termNote" && c.Attribute("type") == "administrativeStatus") {
      term->status = ParseAdminStatus(Trimmed(c.TextContent()));
    } else if (local == "note" && Trimmed(c.TextContent()) == "case-sensitive") {
      term->case_sensitive = true;
    } else if (local == "termGrp") {
      ReadTermGroup(c, term);
    }
  }
}

void CollectTerms(const XmlNode& lang_set, std::vector<TbxTerm>* terms) {
  for (const XmlNode& c : lang_set.children) {
    if (c.is_text) continue;
    const std::string local = c.LocalName();
    if (local == "tig" || local == "ntig" || local == "termSec") {
      TbxTerm t;
      ReadTermGroup(c, &t);
      if (!t.text.empty()) terms->push_back(std::move(t));
    }
  }
}

Status EntryFromTbx(const XmlNode& entry, const std::string& path, TermEntry* out) {
  std::vector<TbxTerm> zh, en;
  std::string note;
  for (const XmlNode& c : entry.children) {
    if (c.is_text) continue;
    const std::string local = c.LocalName();
    if (local == "langSet" || local == "langSec") {
      const Language lang = ParseLanguageCode(c.Attribute("xml:lang"));
      if (lang == Language::kZh) CollectTerms(c, &zh);
      if (lang == Language::kEn) CollectTerms(c, &en);
    } else if ((local == "note" || (local == "descrip" && c.Attribute("type") == "definition")) &&
               note.empty()) {
      note = Trimmed(c.TextContent());
    }
  }
  const std::string where = path + ":" + std::to_string(entry.line);
  if (zh.empty()) return Status::InvalidInput(where + ": " + entry.name + " has no zh term");
  if (en.empty()) return Status::InvalidInput(where + ": " + entry.name + " has no en term");
  out->zh = zh.front().text;
  for (const TbxTerm& t : zh) {
    if (t.status == AdminStatus::kPreferred) {
      out->zh = t.text;
      break;
    }
  }
  // Preferred first, then the first term with no status; deprecated ones never become en.
  const TbxTerm* approved = nullptr;
  for (const TbxTerm& t : en) {
    if (t.status == AdminStatus::kPreferred) {
      approved = &t;
      break;
    }
  }
  for (const TbxTerm& t : en) {
    if (approved == nullptr && t.status != AdminStatus::kDeprecated) approved = &t;
  }
  if (approved == nullptr) {
    return Status::InvalidInput(where + ": " + entry.name + " has only deprecated en terms");
  }
  out->en = approved->text;
  out->case_sensitive = approved->case_sensitive;
  for (const TbxTerm& t : en) {
    if (&t == approved) continue;
    (t.status == AdminStatus::kDeprecated ? out->forbidden : out->variants).push_back(t.text);
  }
  out->note = note;
  out->file = path;
  out->line = entry.line;
  return Status::Ok();
}

void AppendEscaped(std::string* out, const std::string& s) {
  for (char c : s) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      default:
        *out += c;
    }
  }
}

void AppendTig(std::string* out, const std::string& term, const char* status, bool case_sensitive) {
  *out += "          <tig>\n            <term>";
  AppendEscaped(out, term);
  *out += "</term>\n";
  if (status != nullptr) {
    *out += "            <termNote type=\"administrativeStatus\">";
    *out += status;
    *out += "</termNote>\n";
  }
  if (case_sensitive) *out += "            <note>case-sensitive</note>\n";
  *out += "          </tig>\n";
}

}  // namespace

Status LoadTbx(const std::string& path, Glossary* glossary) {
  XmlStreamHandlers h;
  h.on_root = [&](const XmlNode& root) {
    if (root.LocalName() != "martif" && root.LocalName() != "tbx") {
      return Status::InvalidInput(path + ":" + std::to_string(root.line) +
                                  ": not a TBX file (root element <" + root.name +
                                  ">, expected <martif> or <tbx>)");
    }
    return Status::Ok();
  };
  h.capture = {"termEntry", "conceptEntry"};
  h.on_element = [&](XmlNode&& entry) {
    TermEntry e;
    TMALIGN_RETURN_IF_ERROR(EntryFromTbx(entry, path, &e));
    return glossary->Add(std::move(e));
  };
  return ParseXmlFile(path, h);
}

std::string GlossaryToTbx(const Glossary& glossary) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<martif type=\"TBX-Basic\" xml:lang=\"zh\">\n"
      "  <martifHeader>\n"
      "    <fileDesc><sourceDesc><p>tmalign glossary export</p></sourceDesc></fileDesc>\n"
      "    <encodingDesc><p type=\"XCSURI\">TBXBasicXCSV02.xcs</p></encodingDesc>\n"
      "  </martifHeader>\n"
      "  <text>\n    <body>\n";
  size_t id = 0;
  for (const TermEntry& e : glossary.entries()) {
    out += "      <termEntry id=\"t" + std::to_string(++id) + "\">\n";
    if (!e.note.empty()) {
      out += "        <note>";
      AppendEscaped(&out, e.note);
      out += "</note>\n";
    }
    out += "        <langSet xml:lang=\"zh\">\n";
    AppendTig(&out, e.zh, "preferredTerm-admn-sts", false);
    out += "        </langSet>\n        <langSet xml:lang=\"en\">\n";
    AppendTig(&out, e.en, "preferredTerm-admn-sts", e.case_sensitive);
    for (const std::string& v : e.variants) AppendTig(&out, v, "admittedTerm-admn-sts", false);
    for (const std::string& f : e.forbidden) AppendTig(&out, f, "deprecatedTerm-admn-sts", false);
    out += "        </langSet>\n      </termEntry>\n";
  }
  out += "    </body>\n  </text>\n</martif>\n";
  return out;
}

}  // namespace tmalign
