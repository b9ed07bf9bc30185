#include "adversary/adversary_spec.h"

#include <algorithm>

#include "adversary/strategies.h"
#include "protocols/core/json_text.h"

namespace smpc {

using Json = nlohmann::json;

std::vector<StrategyInfo> strategy_catalog() {
  std::vector<StrategyInfo> out;
  for (const auto& s : strategies()) {
    std::string params = s.needs_to ? "to" : "";
    for (const auto& p : s.params) params += (params.empty() ? "" : ", ") + p;
    out.push_back({s.kind, s.name, s.summary, params.empty() ? "selectors only" : params});
  }
  return out;
}

const char* strategy_name(StrategyKind k) {
  for (const auto& s : strategies())
    if (s.kind == k) return s.name.c_str();
  return "?";
}

bool label_selects(std::string_view selector, std::string_view label) {
  if (!selector.empty() && selector.back() == '*')
    return label.starts_with(selector.substr(0, selector.size() - 1));
  return label == selector;
}

const Strategy& strategy_of(const StrategyStep& step) {
  return step.strategy ? *step.strategy : builtin_strategy(step.kind);
}

bool AdversarySpec::corrupts(PartyId p) const {
  return std::find(corrupt.begin(), corrupt.end(), p) != corrupt.end();
}

ProgramSetup AdversarySpec::program_setup(PartyId p, int parties) const {
  ProgramSetup setup;
  setup.party = p;
  setup.parties = parties;
  setup.coalition = corrupt;
  if (program) setup.params = program->params;
  return setup;
}

const StrategyStep* AdversarySpec::substitution_for(PartyId p) const {
  for (const auto& s : script)
    if (s.kind == StrategyKind::kInputSubstitution && (!s.party || *s.party == p)) return &s;
  return nullptr;
}

namespace {

Status err(const std::string& pointer, const std::string& problem) {
  return Error(pointer + ": " + problem);
}

Result<PartyId> party_at(const Json& v, int parties, const std::string& ptr) {
  if (!v.is_number_integer()) return err(ptr, "must be a party number, got " + short_json(v));
  const auto p = v.get<long long>();
  if (p < 0 || p >= parties)
    return err(ptr, "party " + std::to_string(p) + " does not exist (parties are 0.." +
                        std::to_string(parties - 1) + ")");
  return static_cast<PartyId>(p);
}

std::string number_text(double x) {
  std::string s = Json(x).dump();
  if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
  return s;
}

// One scalar against its declared type and range.
Status check_scalar(const ParamSpec& spec, const Json& v, const std::string& ptr) {
  const bool typed = spec.type == ParamType::kInteger  ? v.is_number_integer()
                     : spec.type == ParamType::kNumber ? v.is_number()
                                                       : v.is_string();
  if (!typed)
    return err(ptr, std::string("must be of type ") +
                        (spec.type == ParamType::kInteger  ? "integer"
                         : spec.type == ParamType::kNumber ? "number"
                                                           : "string") +
                        ", got " + short_json(v));
  if (v.is_string()) {
    if (spec.choices.empty() ||
        std::find(spec.choices.begin(), spec.choices.end(), v.get<std::string>()) !=
            spec.choices.end())
      return OkStatus();
    return err(ptr, "not one of the allowed values, got " + short_json(v));
  }
  // Negative integers compare as signed; everything else fits a double for range checks.
  const double x = v.is_number_integer() && !v.is_number_unsigned()
                       ? static_cast<double>(v.get<long long>())
                       : v.get<double>();
  if (spec.minimum && x < *spec.minimum)
    return err(ptr, "must be >= " + number_text(*spec.minimum) + ", got " + short_json(v));
  if (spec.exclusive_minimum && x <= *spec.exclusive_minimum)
    return err(ptr, "must be > " + number_text(*spec.exclusive_minimum) + ", got " + short_json(v));
  if (spec.maximum && x > *spec.maximum)
    return err(ptr, "must be <= " + number_text(*spec.maximum) + ", got " + short_json(v));
  return OkStatus();
}

bool is_index(const Json& v) {
  return v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0);
}

// {"from": a, "to": b}, a <= b: elements a..b.
Status check_element_range(const Json& v, const std::string& ptr) {
  for (const auto& [key, x] : v.items()) {
    if (key != "from" && key != "to") return err(ptr + "/" + key, "unknown field (a range has \"from\" and \"to\")");
    if (!is_index(x)) return err(ptr + "/" + key, "must be an element index >= 0, got " + x.dump());
  }
  for (const char* key : {"from", "to"})
    if (!v.contains(key)) return err(ptr, std::string("a range needs \"") + key + "\"");
  if (v["from"].get<std::uint64_t>() > v["to"].get<std::uint64_t>())
    return err(ptr, "\"from\" must not exceed \"to\", got " + v.dump());
  return OkStatus();
}

Status check_param(const StepParam& p, const Json& v, const std::string& ptr) {
  if (p.accepts_all && v.is_object()) return check_element_range(v, ptr);
  if (p.accepts_all && v.is_string()) {
    if (v == "all") return OkStatus();
    return err(ptr, "must be an element index, \"all\" or {\"from\": a, \"to\": b}, got " +
                        short_json(v));
  }
  if (p.party_inputs && v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i)
      SMPC_RETURN_IF_ERROR(check_scalar(p.spec, v[i], ptr + "/" + std::to_string(i)));
    return OkStatus();
  }
  return check_scalar(p.spec, v, ptr);
}

// A round or an occurrence: 1, 2, ...
Result<std::uint32_t> counting_number(const Json& v, const std::string& ptr, const char* what) {
  if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > UINT32_MAX)
    return err(ptr, std::string("must be ") + what + " >= 1, got " + short_json(v));
  return v.get<std::uint32_t>();
}

constexpr const char* kMessageSelectors[] = {"label", "round", "to", "occurrence"};

// Every key is "strategy", a selector or a parameter of this strategy: a parameter another
// strategy takes, or a message selector on a party strategy, would be silently ignored.
Status check_keys(const Json& s, const Strategy& strategy, const std::string& ptr) {
  for (const auto& [key, v] : s.items()) {
    const std::string& name = key;  // clang 14 (the fuzz build) cannot capture a binding
    if (key == "strategy" || key == "party") continue;
    const bool selector = std::find(std::begin(kMessageSelectors), std::end(kMessageSelectors),
                                    key) != std::end(kMessageSelectors);
    if (selector && !strategy.selects_messages)
      return err(ptr + "/" + key, "\"" + strategy.name +
                                      "\" acts on the party, not on its messages: it takes no "
                                      "message selector");
    if (selector) continue;
    const bool param = std::any_of(step_params().begin(), step_params().end(),
                                   [&](const StepParam& p) { return p.spec.name == name; });
    if (!param) return err(ptr + "/" + key, "unknown field");
    if (std::find(strategy.params.begin(), strategy.params.end(), key) == strategy.params.end()) {
      std::string takes;
      for (const auto& p : strategy.params) takes += (takes.empty() ? "" : ", ") + p;
      return err(ptr + "/" + key, "\"" + strategy.name + "\" takes no \"" + key + "\" (" +
                                      (takes.empty() ? "it has no parameters"
                                                     : "its parameters: " + takes) +
                                      ")");
    }
  }
  return OkStatus();
}

// party / label / round / to / occurrence.
Status parse_selectors(const Json& s, const AdversarySpec& spec, int parties,
                       const std::string& ptr, StrategyStep& step) {
  if (s.contains("party")) {
    SMPC_ASSIGN_OR_RETURN(auto p, party_at(s["party"], parties, ptr + "/party"));
    if (!spec.corrupts(p))
      return err(ptr + "/party", "party " + std::to_string(p) + " is not corrupted");
    step.party = p;
  }
  if (s.contains("label")) {
    if (!s["label"].is_string()) return err(ptr + "/label", "must be of type string");
    step.label = s["label"].get<std::string>();
  }
  if (s.contains("round")) {
    SMPC_ASSIGN_OR_RETURN(step.round, counting_number(s["round"], ptr + "/round", "a round number"));
  }
  if (s.contains("occurrence")) {
    SMPC_ASSIGN_OR_RETURN(step.occurrence,
                          counting_number(s["occurrence"], ptr + "/occurrence", "an occurrence"));
  }
  if (s.contains("to")) {
    if (!s["to"].is_array()) return err(ptr + "/to", "must be an array of party numbers");
    for (std::size_t k = 0; k < s["to"].size(); ++k) {
      SMPC_ASSIGN_OR_RETURN(auto p, party_at(s["to"][k], parties, ptr + "/to/" + std::to_string(k)));
      step.to.push_back(p);
    }
  }
  return OkStatus();
}

// Every step parameter: its default, then the given value after checking it (check_keys has
// made sure the strategy takes it).
Status parse_params(const Json& s, const Strategy& strategy, const std::string& ptr,
                    StrategyStep& step) {
  for (const auto& p : step_params()) {
    if (!p.spec.default_value.is_null()) p.set(step, p.spec.default_value);
    if (!s.contains(p.spec.name)) continue;
    const Json& v = s[p.spec.name];
    SMPC_RETURN_IF_ERROR(check_param(p, v, ptr + "/" + p.spec.name));
    // Adding 0 would be a step that matches and changes nothing.
    if (p.spec.name == "delta" && v == 0) return err(ptr + "/delta", "must not be 0, got 0");
    p.set(step, v);
  }
  for (const auto& name : strategy.params)
    if (!s.contains(name) && step_param(name).spec.default_value.is_null())
      return err(ptr, "\"" + strategy.name + "\" needs \"" + name + "\"");
  if (strategy.needs_to && step.to.empty())
    return err(ptr, "\"" + strategy.name + "\" needs \"to\": the recipients it singles out");
  return OkStatus();
}

Result<StrategyStep> parse_step(const Json& s, const AdversarySpec& spec, int parties,
                                const std::string& ptr) {
  if (!s.is_object()) return err(ptr, "must be an object, got " + short_json(s));
  if (!s.contains("strategy")) return err(ptr, "missing required field \"strategy\"");
  if (!s["strategy"].is_string()) return err(ptr + "/strategy", "must be of type string");
  const auto name = s["strategy"].get<std::string>();
  const Strategy* strategy = find_strategy(name);
  if (!strategy)
    return err(ptr + "/strategy", "unknown strategy \"" + name + "\" (see smpc list attacks)");
  StrategyStep step;
  step.kind = strategy->kind;
  step.strategy = strategy;
  SMPC_RETURN_IF_ERROR(check_keys(s, *strategy, ptr));
  SMPC_RETURN_IF_ERROR(parse_selectors(s, spec, parties, ptr, step));
  SMPC_RETURN_IF_ERROR(parse_params(s, *strategy, ptr, step));
  return step;
}

Status parse_corrupt(const Json& j, int parties, const std::string& base, AdversarySpec& spec) {
  if (!j.contains("corrupt")) return err(base, "missing required field \"corrupt\"");
  if (!j["corrupt"].is_array()) return err(base + "/corrupt", "must be an array of party numbers");
  for (std::size_t i = 0; i < j["corrupt"].size(); ++i) {
    const std::string ptr = base + "/corrupt/" + std::to_string(i);
    SMPC_ASSIGN_OR_RETURN(auto p, party_at(j["corrupt"][i], parties, ptr));
    if (spec.corrupts(p)) return err(ptr, "party " + std::to_string(p) + " is listed twice");
    spec.corrupt.push_back(p);
  }
  if (static_cast<int>(spec.corrupt.size()) >= parties)
    return err(base + "/corrupt", "at least one party must stay honest");
  return OkStatus();
}

// "program" and "params": the file is read and checked by resolve (scenarios/programs.h).
Status parse_program(const Json& j, const std::string& base, AdversarySpec& spec) {
  if (!j.contains("program")) {
    if (j.contains("params")) return err(base + "/params", "parameters need a \"program\"");
    return OkStatus();
  }
  const Json& path = j["program"];
  if (!path.is_string() || path.get<std::string>().empty())
    return err(base + "/program", "must be the path of an adversary program, got " + short_json(path));
  if (spec.model == AdversaryModel::kSemiHonest)
    return err(base + "/program", "a semi-honest adversary follows the protocol: use "
                                  "\"model\": \"malicious\" for a program");
  ProgramSpec program;
  program.path = path.get<std::string>();
  if (j.contains("params")) {
    if (!j["params"].is_object())
      return err(base + "/params", "must be an object, got " + short_json(j["params"]));
    program.params = j["params"];
  }
  spec.program = std::move(program);
  return OkStatus();
}

}  // namespace

Result<AdversarySpec> parse_adversary(const Json& j, int parties) {
  AdversarySpec spec;
  const std::string base = "/adversary";
  if (!j.is_object()) return err(base, "must be an object, got " + short_json(j));
  SMPC_RETURN_IF_ERROR(parse_corrupt(j, parties, base, spec));
  spec.model = j.value("model", "semi-honest") == "malicious" ? AdversaryModel::kMalicious
                                                              : AdversaryModel::kSemiHonest;
  const auto script = j.value("script", Json::array());
  if (!script.is_array()) return err(base + "/script", "must be an array of steps");
  if (!script.empty() && spec.model == AdversaryModel::kSemiHonest)
    return err(base + "/script", "a semi-honest adversary follows the protocol and only "
                                 "records views: use \"model\": \"malicious\" for a script");
  for (std::size_t i = 0; i < script.size(); ++i) {
    SMPC_ASSIGN_OR_RETURN(auto step, parse_step(script[i], spec, parties,
                                                base + "/script/" + std::to_string(i)));
    spec.script.push_back(std::move(step));
  }
  SMPC_RETURN_IF_ERROR(parse_program(j, base, spec));
  return spec;
}

namespace {

// A step as the script writes it (the report's adversary.script[i]).
nlohmann::ordered_json step_json(const StrategyStep& s) {
  const Strategy& strategy = strategy_of(s);
  nlohmann::ordered_json e{{"strategy", strategy.name}};
  if (s.party) e["party"] = *s.party;
  if (s.label) e["label"] = *s.label;
  if (s.round) e["round"] = *s.round;
  if (!s.to.empty()) e["to"] = s.to;
  if (s.occurrence) e["occurrence"] = *s.occurrence;
  for (const auto& name : strategy.params) e[name] = step_param(name).get(s);
  return e;
}

// "; the protocol sends no label "x" (its labels: ...)" when the label selects none of them.
std::string label_hint(const StrategyStep& step, const std::vector<MessageLabel>& labels) {
  if (!step.label || labels.empty()) return "";
  std::string all;
  for (const auto& l : labels) {
    if (label_selects(*step.label, l.name)) return "";
    all += (all.empty() ? "" : ", ") + std::string(l.name);
  }
  return "; the protocol sends no label " +
         (step.label->ends_with('*') ? "starting with \"" +
                                           step.label->substr(0, step.label->size() - 1) + "\""
                                     : "\"" + *step.label + "\"") +
         " (its labels: " + all + ")";
}

std::string messages(std::uint64_t n) {
  return std::to_string(n) + (n == 1 ? " message" : " messages");
}

}  // namespace

StepHits& StepHits::operator+=(const StepHits& o) {
  matched += o.matched;
  hits += o.hits;
  out_of_range += o.out_of_range;
  return *this;
}

nlohmann::ordered_json step_hits_json(const StepHits& h) {
  return {{"matched", h.matched}, {"hits", h.hits}, {"out_of_range", h.out_of_range}};
}

nlohmann::json step_hits_json(const std::vector<StepHits>& steps) {
  Json out = Json::array();
  for (const auto& h : steps) out.push_back(Json::parse(step_hits_json(h).dump()));
  return out;
}

std::optional<std::vector<StepHits>> step_hits_from(const nlohmann::json& annotations,
                                                    std::size_t steps) {
  if (!annotations.is_object() || !annotations.contains("script_hits")) return std::nullopt;
  const Json& a = annotations["script_hits"];
  if (!a.is_array() || a.size() != steps) return std::nullopt;
  std::vector<StepHits> out;
  for (const auto& h : a)
    out.push_back({h.at("matched").get<std::uint64_t>(), h.at("hits").get<std::uint64_t>(),
                   h.at("out_of_range").get<std::uint64_t>()});
  return out;
}

std::string idle_reason(const StrategyStep& step, const StepHits& total,
                        const std::vector<MessageLabel>& labels) {
  if (total.hits > 0) return "";
  const Strategy& strategy = strategy_of(step);
  if (total.matched == 0)
    return strategy.selects_messages
               ? "no message matched its selectors" + label_hint(step, labels)
               : "it applied to no corrupted party";
  std::string why = "it matched " + messages(total.matched) + " and changed none";
  if (total.out_of_range > 0) {
    const bool truncates = std::find(strategy.params.begin(), strategy.params.end(), "bytes") !=
                           strategy.params.end();
    const auto selected = step_json(step);
    why += truncates ? ": " + messages(total.out_of_range) + " no longer than bytes = " +
                           selected["bytes"].dump()
                     : ": element " + selected["element"].dump() +
                           (selected.contains("bit") ? " (bit " + selected["bit"].dump() + ")" : "") +
                           " lies beyond " + messages(total.out_of_range);
  }
  if (total.matched > total.out_of_range)
    why += "; the strategy leaves " + messages(total.matched - total.out_of_range) +
           " as they are (" + strategy.summary + ")";
  return why;
}

std::string step_text(const StrategyStep& step) {
  std::string text;
  const auto json = step_json(step);
  for (const auto& [key, v] : json.items())
    text += (text.empty() ? "" : key + "=") + (v.is_string() ? v.get<std::string>() : v.dump()) + " ";
  text.pop_back();
  return text;
}

nlohmann::ordered_json adversary_json(const AdversarySpec& spec) {
  nlohmann::ordered_json script = nlohmann::ordered_json::array();
  for (const auto& s : spec.script) script.push_back(step_json(s));
  nlohmann::ordered_json out{{"corrupt", spec.corrupt},
                             {"model", adversary_model_name(spec.model)},
                             {"script", script}};
  if (spec.program) {
    out["program"] = spec.program->path;
    out["params"] = nlohmann::ordered_json::parse(spec.program->params.dump());
  }
  return out;
}

}  // namespace smpc
