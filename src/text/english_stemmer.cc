#include "text/english_stemmer.h"

namespace tmalign {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool HasVowel(std::string_view s) {
  for (char c : s)
    if (IsVowel(c) || c == 'y') return true;
  return false;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "stopp" (from "stopped") -> "stop"; l, s, z stay doubled ("call", "pass").
void UndoDoubling(std::string& w) {
  size_t n = w.size();
  if (n >= 3 && w[n - 1] == w[n - 2] && !IsVowel(w[n - 1]) && w[n - 1] != 'l' && w[n - 1] != 's' &&
      w[n - 1] != 'z') {
    w.pop_back();
  }
}

}  // namespace

std::string StemEnglishWord(std::string_view input) {
  std::string w(input);
  if (EndsWith(w, "'s"))
    w.resize(w.size() - 2);
  else if (EndsWith(w, "'"))
    w.pop_back();
  if (w.size() <= 3) return w;

  // Plurals and third person.
  if (EndsWith(w, "sses"))
    w.resize(w.size() - 2);
  else if (EndsWith(w, "ies") && w.size() > 4)
    w.replace(w.size() - 3, 3, "y");
  else if (EndsWith(w, "ches") || EndsWith(w, "shes") || EndsWith(w, "xes") || EndsWith(w, "zes"))
    w.resize(w.size() - 2);
  else if (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is"))
    w.pop_back();

  // Past tense and participles.
  if (EndsWith(w, "ied") && w.size() > 4) {
    w.replace(w.size() - 3, 3, "y");
  } else if (EndsWith(w, "ed") && w.size() > 4 && HasVowel(std::string_view(w).substr(0, w.size() - 2))) {
    w.resize(w.size() - 2);
    UndoDoubling(w);
  } else if (EndsWith(w, "ing") && w.size() > 5 && HasVowel(std::string_view(w).substr(0, w.size() - 3))) {
    w.resize(w.size() - 3);
    UndoDoubling(w);
  }
  if (EndsWith(w, "ly") && w.size() > 5) w.resize(w.size() - 2);  // "rapidly" -> "rapid"
  // A final silent e is dropped everywhere, so "reinforce" and "reinforced" meet.
  if (w.size() > 3 && w.back() == 'e') w.pop_back();
  return w;
}

}  // namespace tmalign
