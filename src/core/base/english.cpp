#include "core/base/english.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace microstep {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <size_t N>
bool among(const std::string_view (&words)[N], std::string_view word) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

/// Short units written the same for one and many.
constexpr std::string_view kAbbreviations[] = {
    "km", "m", "mi", "kg", "g", "lb", "lbs", "oz", "ml", "l", "min", "mins", "h", "hr", "hrs", "sec",
    "secs", "cal", "kcal", "mg", "k", "cm", "ft", "yd", "%", "x"};

/// Plurals in -ies whose singular ends in -ie, not -y.
constexpr std::string_view kIePlurals[] = {"calories", "cookies", "movies", "pies",     "ties",  "lies",
                                                       "zombies",  "selfies", "rookies", "smoothies", "hoodies", "veggies"};

/// Words written the same for one and many.
constexpr std::string_view kSameInPlural[] = {"series", "species", "sheep", "fish", "deer", "news", "chess", "physics"};

/// Plain verbs a step may start with. Words not listed are read as verbs too, unless they
/// look like something else (see leading_verb); the list is what lets "Called" become "call".
constexpr std::string_view kVerbs[] = {
    "add", "answer", "apply", "archive", "ask", "attend", "bake", "balance", "be", "begin", "bike", "blog",
    "book", "brainstorm", "breathe", "brew", "bring", "brush", "budget", "build", "buy", "call", "cancel",
    "care", "catch", "celebrate", "change", "chat", "check", "choose", "clean", "clear", "climb", "close",
    "code", "collect", "come", "compliment", "complete", "compose", "connect", "cook", "copy", "count",
    "create", "cross", "cut", "cycle", "dance", "declutter", "delete", "design", "do", "donate", "draft",
    "draw", "dress", "drink", "drive", "dust", "eat", "edit", "email", "empty", "end", "enjoy", "exercise",
    "explore", "express", "feed", "feel", "file", "fill", "find", "finish", "fix", "floss", "fold", "follow",
    "forgive", "garden", "get", "give", "go", "greet", "grow", "hang", "have", "help", "hike", "hold", "hug",
    "hum", "imagine", "iron", "jog", "join", "journal", "jump", "keep", "kiss", "knit", "label", "learn",
    "leave", "let", "lie", "lift", "light", "list", "listen", "live", "load", "log", "look", "love", "make",
    "map", "mark", "meditate", "meet", "memorize", "memorise", "mend", "message", "mop", "move", "mow",
    "name", "note", "notice", "open", "order", "organize", "organise", "outline", "pack", "paint", "pat",
    "pause", "pay", "pedal", "phone", "pick", "place", "plan", "plank", "plant", "play", "polish", "post",
    "pour", "practice", "practise", "pray", "prepare", "print", "pull", "push", "put", "quit", "rake",
    "reach", "read", "recite", "record", "recycle", "reflect", "rehearse", "relax", "remember", "repair",
    "repeat", "replace", "reply", "research", "rest", "review", "revise", "ride", "ring", "roll", "row",
    "run", "save", "say", "scan", "schedule", "scrub", "search", "see", "sell", "send", "set", "sew", "share",
    "shave", "shop", "shower", "shred", "sign", "sing", "sip", "sit", "skate", "sketch", "ski", "skip",
    "sleep", "slow", "smile", "snack", "solve", "sort", "speak", "spend", "spray", "squat", "stack", "stand",
    "start", "stay", "step", "stop", "store", "stretch", "study", "submit", "swap", "sweep", "swim", "take",
    "talk", "teach", "tell", "test", "text", "thank", "think", "throw", "tidy", "track", "train", "translate",
    "try", "turn", "type", "unplug", "update", "use", "vacuum", "visit", "volunteer", "wake", "walk", "wash",
    "watch", "wear", "weed", "weigh", "whisper", "wipe", "work", "write", "yell", "need",
    "bleed", "speed", "succeed", "proceed", "embed", "wed", "seed", "swing", "string", "sling",
    "wring", "spring", "sting", "fling", "cling", "nap", "hop", "jot", "chop", "drop",
    "stir", "scroll", "snooze", "wind", "settle", "sanitize", "pin", "plug", "prep", "refill", "remove",
    "return", "rinse", "soak", "spin", "spot", "taste", "tap", "tie", "toss", "touch", "trim", "tune",
    "unpack", "vote", "wait", "warm", "wave", "whistle", "wish", "wrap", "yawn", "zip", "kneel", "lay",
    "lend", "lock", "match", "measure", "mix", "nod", "offer", "own", "pass", "pet", "point",
    "prune", "raise", "rate", "rearrange", "refresh", "rename", "renew", "report", "reset", "restart",
    "rewrite", "rework", "roast", "rub", "sample", "sand", "score", "scribble", "shake", "shine", "shut",
    "skim", "slice", "smell", "sow", "spell", "split", "spread", "squeeze", "staple", "steam", "sum",
    "support", "surf", "tag", "tend", "thread", "tickle", "toast", "trace", "trade", "transfer", "travel"};

/// Past tenses and participles that do not end in -ed, with their plain verb.
constexpr std::pair<std::string_view, std::string_view> kIrregularPast[] = {
    {"ran", "run"},       {"wrote", "write"},   {"written", "write"}, {"went", "go"},       {"gone", "go"},
    {"did", "do"},        {"done", "do"},       {"ate", "eat"},       {"eaten", "eat"},     {"drank", "drink"},
    {"drunk", "drink"},   {"took", "take"},     {"taken", "take"},    {"made", "make"},     {"sent", "send"},
    {"slept", "sleep"},   {"swam", "swim"},     {"swum", "swim"},     {"rode", "ride"},     {"ridden", "ride"},
    {"sang", "sing"},     {"sung", "sing"},     {"spoke", "speak"},   {"spoken", "speak"},  {"thought", "think"},
    {"bought", "buy"},    {"brought", "bring"}, {"got", "get"},       {"gotten", "get"},    {"gave", "give"},
    {"given", "give"},    {"found", "find"},    {"kept", "keep"},     {"left", "leave"},    {"met", "meet"},
    {"paid", "pay"},      {"said", "say"},      {"sat", "sit"},       {"stood", "stand"},   {"taught", "teach"},
    {"told", "tell"},     {"threw", "throw"},   {"woke", "wake"},     {"wore", "wear"},     {"drew", "draw"},
    {"drawn", "draw"},    {"flew", "fly"},      {"grew", "grow"},     {"knew", "know"},     {"began", "begin"},
    {"built", "build"},   {"caught", "catch"},  {"felt", "feel"},     {"fed", "feed"},      {"heard", "hear"},
    {"held", "hold"},     {"led", "lead"},      {"lit", "light"},     {"spent", "spend"},   {"lent", "lend"},
    {"swept", "sweep"},   {"came", "come"},     {"chose", "choose"},  {"forgot", "forget"}, {"shook", "shake"},
    {"saw", "see"},       {"seen", "see"},      {"hung", "hang"},     {"knelt", "kneel"},   {"laid", "lay"},
    {"was", "be"},        {"were", "be"},
};

/// Words that may start a step but cannot follow "I will": nouns and adjectives common in
/// habit names, and the small words of a phrase.
constexpr std::string_view kNotVerbs[] = {
    "a",        "an",       "the",      "my",      "your",     "one",      "no",        "not",     "more",
    "less",     "extra",    "daily",    "morning", "evening",  "night",    "nightly",   "weekly",  "quick",
    "short",    "long",     "new",      "healthy", "gym",      "vitamins", "vitamin",   "fruit",   "breakfast",
    "lunch",    "dinner",   "coffee",   "tea",     "bed",      "teeth",    "homework",  "chores",  "prayer",
    "laundry",  "dishes",   "duolingo", "yoga",    "pushups",  "push-ups", "situps",    "sit-ups", "squats",
    "mindfulness", "gratitude", "bedtime", "screen", "social", "sugar", "alcohol", "piano", "guitar",
    "spanish",  "french",   "german",   "water",   "language", "bible"};

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::optional<std::string> known_verb(const std::string& word) {
  if (among(kVerbs, word)) return word;
  return std::nullopt;
}

/// The plain verb an -ed or -ing stem stands for: walk(ed), meditat(ed) -> meditate,
/// stopp(ed) -> stop, stud(ied) -> study; only verbs in kVerbs.
std::optional<std::string> from_stem(const std::string& stem, bool ied) {
  if (stem.empty()) return std::nullopt;
  if (ied) return known_verb(stem + "y");
  if (auto v = known_verb(stem)) return v;
  if (auto v = known_verb(stem + "e")) return v;
  size_t n = stem.size();
  if (n >= 2 && stem[n - 1] == stem[n - 2] && !is_vowel(stem[n - 1]))
    if (auto v = known_verb(stem.substr(0, n - 1))) return v;
  return std::nullopt;
}

}  // namespace

std::string singular(std::string_view word_in) {
  std::string word(word_in);
  std::string low = lower(word);
  if (among(kAbbreviations, low) || among(kSameInPlural, low)) return word;
  auto ends = [&](std::string_view s) { return low.size() > s.size() + 1 && low.ends_with(s); };
  if (among(kIePlurals, low)) return word.substr(0, word.size() - 1);
  if (low == "teeth") return word.substr(0, word.size() - 4) + "ooth";
  if (low == "feet") return word.substr(0, word.size() - 3) + "oot";
  if (low == "people") return word.substr(0, word.size() - 6) + "person";
  if (low == "children") return word.substr(0, word.size() - 8) + "child";
  if (ends("ies")) return word.substr(0, word.size() - 3) + "y";
  if (ends("sses") || ends("ches") || ends("shes") || ends("xes") || ends("zzes")) return word.substr(0, word.size() - 2);
  if (low.size() > 2 && low.back() == 's' && low[low.size() - 2] != 's' && low[low.size() - 2] != 'u' &&
      low[low.size() - 2] != 'i')
    word.pop_back();
  return word;
}

std::string plural(std::string_view word_in) {
  std::string word(word_in);
  std::string low = lower(word);
  if (low.empty() || among(kAbbreviations, low) || among(kSameInPlural, low)) return word;
  if (singular(word) != word) return word;  // already plural
  if (low == "tooth") return word.substr(0, word.size() - 4) + "eeth";
  if (low == "person") return word.substr(0, word.size() - 6) + "people";
  if (low == "child") return word + "ren";
  auto ends = [&](std::string_view s) { return low.ends_with(s); };
  if (low.size() > 1 && low.back() == 'y' && !is_vowel(low[low.size() - 2])) return word.substr(0, word.size() - 1) + "ies";
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return word + "es";
  return word + "s";
}

std::string unit_for(double amount, std::string_view unit) {
  // The noun that counts: the word before " of " ("glasses of water"), else the last word
  // ("scheduled day").
  size_t of = unit.find(" of ");
  size_t end = of == std::string_view::npos ? unit.size() : of;
  size_t start = unit.rfind(' ', end == 0 ? 0 : end - 1);
  start = start == std::string_view::npos || start >= end ? 0 : start + 1;
  std::string_view noun = unit.substr(start, end - start);
  return std::string(unit.substr(0, start)) + (amount == 1 ? singular(noun) : plural(noun)) +
         std::string(unit.substr(end));
}

std::optional<LeadingVerb> leading_verb(std::string_view word_in) {
  std::string word = lower(word_in);
  if (word.empty() || !std::isalpha(static_cast<unsigned char>(word[0]))) return std::nullopt;
  if (auto v = known_verb(word)) return LeadingVerb{*v, false};
  for (const auto& [past, base] : kIrregularPast)
    if (word == past) return LeadingVerb{std::string(base), true};
  if (among(kNotVerbs, word)) return std::nullopt;
  if (word.size() > 4 && word.ends_with("ied")) {
    if (auto v = from_stem(word.substr(0, word.size() - 3), true)) return LeadingVerb{*v, true};
    return std::nullopt;
  }
  if (word.size() > 3 && word.ends_with("ed")) {
    if (auto v = from_stem(word.substr(0, word.size() - 2), false)) return LeadingVerb{*v, true};
    return std::nullopt;
  }
  if (word.size() > 4 && word.ends_with("ing")) {
    if (auto v = from_stem(word.substr(0, word.size() - 3), false)) return LeadingVerb{*v, true};
    return std::nullopt;
  }
  // Nouns by their endings ("Meditation", "Movement", "Kindness"), plurals ("Vitamins"),
  // and anything with a digit: not a plain verb.
  for (std::string_view suffix : {"tion", "sion", "ment", "ness", "ity", "ism", "ship", "ance", "ence"})
    if (word.size() > suffix.size() + 2 && word.ends_with(suffix)) return std::nullopt;
  if (word.size() > 3 && word.back() == 's' && !word.ends_with("ss") && !word.ends_with("us")) return std::nullopt;
  if (std::any_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  if (word.ends_with("ly")) return std::nullopt;  // an adverb or adjective: "Daily", "Early"
  return LeadingVerb{word, false};
}

}  // namespace microstep
